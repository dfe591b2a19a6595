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

/** One file written with the writer: a PDF printed from the HTML (HTML when printing fails), or the text itself. */
async function writeOne(
  writer: SafeReportWriter,
  rendered: Rendered,
  format: ReportFileFormat,
  printPdf: PrintPdf,
  warnings: string[]
): Promise<string> {
  if (format !== 'pdf') return writer.writeText(rendered.name, rendered.content)
  const work = await mkdtemp(join(tmpdir(), 'inkprint-app-report-'))
  try {
    const pdf = await printPdf(rendered.content)
    const tmp = join(work, 'report.pdf')
    await writeFile(tmp, pdf)
    return await writer.copyIn(tmp, rendered.name.replace(/\.html$/, '.pdf'))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    warnings.push(
      `The PDF of ${rendered.name} could not be printed (${reason}); the HTML report was written instead.`
    )
    return writer.writeText(rendered.name, rendered.content)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * Writes the report. A class export (PDF, HTML or JSON) writes the class report first and then every student's
 * own report beside it, in one action; CSV is one table.
 */
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
  const ctx = reportContextFor(results, generatedAt, facts)
  await mkdir(dir, { recursive: true })
  const warnings: string[] = []
  const files = [await writeOne(writer, render(results, scope, format, ctx), format, printPdf, warnings)]
  if (scope === 'class' && format !== 'csv') {
    for (const result of results) {
      files.push(
        await writeOne(writer, render([result], 'document', format, ctx), format, printPdf, warnings)
      )
    }
  }
  return { files, warnings: [...warnings, ...writer.warnings], cancelled: false }
}
