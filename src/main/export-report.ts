/**
 * Writing a document or class report of kept results into a folder the teacher chose. PDF is printed by an
 * injected `printPdf` (Electron's printToPDF in the app, a local Chromium in the test bridge), so this file has
 * no electron import. Files are never overwritten (SafeReportWriter picks the next free name).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExportedReport, ReportFileFormat, ReportScope } from '../shared/api'
import type { DocumentResult } from '../shared/types'
import {
  csvTable,
  renderClassReport,
  renderDocumentReport,
  toClassReportJson,
  toReportJson,
  type ReportContext
} from '../engine/report'
import { reportFileName } from '../pipeline/report/file-names'
import { SafeReportWriter } from '../pipeline/report/safe-writer'
import { reportContextFor } from '../pipeline/report/context'
import type { ModelFacts } from '../shared/api'

export type PrintPdf = (html: string) => Promise<Uint8Array>

const CLASS_STEM = 'class-report.inkprint'

interface Rendered {
  name: string
  content: string
}

function render(
  results: DocumentResult[],
  scope: ReportScope,
  format: ReportFileFormat,
  ctx: ReportContext
): Rendered {
  if (format === 'csv') {
    const stem = scope === 'class' ? CLASS_STEM : reportFileName(results[0], 'json').replace(/\.json$/, '')
    return { name: `${stem}.csv`, content: csvTable(results) }
  }
  if (scope === 'class') {
    return format === 'json'
      ? { name: `${CLASS_STEM}.json`, content: toClassReportJson(results, ctx) }
      : { name: `${CLASS_STEM}.html`, content: renderClassReport(results, ctx) }
  }
  const result = results[0]
  return format === 'json'
    ? { name: reportFileName(result, 'json'), content: toReportJson(result) }
    : { name: reportFileName(result, 'html'), content: renderDocumentReport(result, ctx) }
}

export async function writeAppReport(
  results: DocumentResult[],
  scope: ReportScope,
  format: ReportFileFormat,
  dir: string,
  printPdf: PrintPdf,
  generatedAt = new Date().toISOString(),
  facts: ModelFacts | null = null
): Promise<ExportedReport> {
  const writer = new SafeReportWriter(
    dir,
    results.map((r) => r.path)
  )
  const rendered = render(results, scope, format, reportContextFor(results, generatedAt, facts))
  await mkdir(dir, { recursive: true })
  const warnings: string[] = []
  let file: string
  if (format === 'pdf') {
    const work = await mkdtemp(join(tmpdir(), 'inkprint-app-report-'))
    try {
      const pdf = await printPdf(rendered.content)
      const tmp = join(work, 'report.pdf')
      await writeFile(tmp, pdf)
      file = await writer.copyIn(tmp, rendered.name.replace(/\.html$/, '.pdf'))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      warnings.push(`The PDF could not be printed (${reason}); the HTML report was written instead.`)
      file = await writer.writeText(rendered.name, rendered.content)
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  } else {
    file = await writer.writeText(rendered.name, rendered.content)
  }
  return { files: [file], warnings: [...warnings, ...writer.warnings], cancelled: false }
}
