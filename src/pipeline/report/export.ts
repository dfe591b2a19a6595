/**
 * The app's "Export report…": a document or class report of kept results, written into the folder the teacher
 * chose by the same ReportStream as the CLI's --report, so both write the same files with the same names,
 * contexts and fallbacks. A class export (PDF, HTML or JSON) writes the class report first and then every
 * student's own report beside it, in one action; CSV is one table. Files are never overwritten.
 */
import type { ExportedReport, ModelFacts, ReportFileFormat, ReportScope } from '../../shared/api'
import type { DocumentResult } from '../../shared/types'
import { reportContextFor } from './context'
import { reportFileName } from './file-names'
import { CLASS_STEM, ReportStream, type PrintPdf } from './write-reports'

export type { PrintPdf }

export async function writeReportSet(
  results: DocumentResult[],
  scope: ReportScope,
  format: ReportFileFormat,
  dir: string,
  printPdf: PrintPdf,
  generatedAt = new Date().toISOString(),
  facts: ModelFacts | null = null
): Promise<ExportedReport> {
  const documents = scope === 'class' ? results : results.slice(0, 1)
  const stream = new ReportStream(dir, format, (rs) => reportContextFor(rs, generatedAt, facts), {
    printPdf,
    // the app's printer renders one page set at a time
    concurrency: 1,
    protect: results.map((r) => r.path),
    csvStem:
      scope === 'class' || !documents[0]
        ? CLASS_STEM
        : reportFileName(documents[0], 'json').replace(/\.json$/, '')
  })
  if (scope === 'class') await stream.writeClassReport(documents)
  for (const result of documents) await stream.add(result)
  const written = await stream.finish({ classReport: false })
  // Nothing at all could be written (the folder is not writable): an error, not a warning.
  if (written.files.length === 0) throw new Error(written.warnings[0] ?? 'no report file was written')
  return { files: written.files, warnings: written.warnings, cancelled: false }
}
