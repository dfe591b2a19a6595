/**
 * Writes evidence reports to a folder: one per document plus a class report when there is more than one
 * document (CSV is always the one class table). Failures become warnings, never exceptions: a report that
 * could not be printed still leaves its HTML behind.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DocumentResult } from '../../shared/types'
import {
  csvTable,
  renderClassReport,
  renderDocumentReport,
  toClassReportJson,
  toReportJson,
  type ReportContext
} from '../../engine/report'
import { findChromium, NO_CHROMIUM_MESSAGE, printHtmlToPdf } from './chromium'
import { reportFileName } from './file-names'
import { SafeReportWriter } from './safe-writer'

export type ReportFormat = 'html' | 'pdf' | 'json' | 'csv'

export interface WriteReportsOptions {
  /** Browser to print with; default findChromium(). Null forces the HTML fallback. */
  chromium?: string | null
  /** Parallel browser processes for PDF; 2 suits a 2-core laptop. */
  concurrency?: number
  printTimeoutMs?: number
}

export interface WriteReportsOutcome {
  files: string[]
  warnings: string[]
}

const CLASS_STEM = 'class-report.inkprint'

/** A report to be rendered when it is written: a class of 10,000 never sits in memory as HTML at once. */
interface PendingReport {
  name: string
  render: () => string
}

function htmlReports(results: DocumentResult[], ctx: ReportContext): PendingReport[] {
  const reports: PendingReport[] = results.map((r) => ({
    name: reportFileName(r, 'html'),
    render: () => renderDocumentReport(r, ctx)
  }))
  if (results.length > 1)
    reports.push({ name: `${CLASS_STEM}.html`, render: () => renderClassReport(results, ctx) })
  return reports
}

async function runPool(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++)
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker))
}

async function writePdfs(
  reports: PendingReport[],
  chromium: string,
  writer: SafeReportWriter,
  options: WriteReportsOptions
): Promise<{ files: string[]; warnings: string[] }> {
  const work = await mkdtemp(join(tmpdir(), 'inkprint-report-'))
  const files: string[] = []
  const warnings: string[] = []
  try {
    const outcomes = new Array<Awaited<ReturnType<typeof printHtmlToPdf>>>(reports.length)
    await runPool(reports.length, options.concurrency ?? 2, async (i) => {
      const htmlPath = join(work, `${i}.html`)
      await writeFile(htmlPath, reports[i].render(), 'utf8')
      outcomes[i] = await printHtmlToPdf(chromium, htmlPath, join(work, `${i}.pdf`), options.printTimeoutMs)
    })
    // Placed in input order, one at a time, so names are deterministic even though printing ran in parallel.
    for (const [i, report] of reports.entries()) {
      const outcome = outcomes[i]
      if (outcome.ok) {
        files.push(await writer.copyIn(join(work, `${i}.pdf`), report.name.replace(/\.html$/, '.pdf')))
      } else {
        warnings.push(`${report.name}: ${outcome.message} The HTML report was written instead.`)
        files.push(await writer.writeText(report.name, report.render()))
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return { files, warnings }
}

export async function writeReports(
  results: DocumentResult[],
  dir: string,
  format: ReportFormat,
  ctx: ReportContext,
  options: WriteReportsOptions = {}
): Promise<WriteReportsOutcome> {
  const warnings: string[] = []
  const files: string[] = []
  const writer = new SafeReportWriter(
    dir,
    results.map((r) => r.path)
  )
  try {
    await mkdir(dir, { recursive: true })
    if (format === 'csv') {
      files.push(await writer.writeText(`${CLASS_STEM}.csv`, csvTable(results)))
    } else if (format === 'json') {
      for (const r of results) files.push(await writer.writeText(reportFileName(r, 'json'), toReportJson(r)))
      if (results.length > 1)
        files.push(await writer.writeText(`${CLASS_STEM}.json`, toClassReportJson(results, ctx)))
    } else {
      const reports = htmlReports(results, ctx)
      const chromium =
        format === 'pdf' ? (options.chromium === undefined ? findChromium() : options.chromium) : null
      if (format === 'pdf' && !chromium) warnings.push(NO_CHROMIUM_MESSAGE)
      if (chromium) {
        const printed = await writePdfs(reports, chromium, writer, options)
        files.push(...printed.files)
        warnings.push(...printed.warnings)
      } else {
        for (const report of reports) files.push(await writer.writeText(report.name, report.render()))
      }
    }
  } catch (error) {
    warnings.push(
      `Reports could not be written to ${dir}: ${error instanceof Error ? error.message : String(error)}`
    )
  }
  return { files, warnings: [...warnings, ...writer.warnings] }
}
