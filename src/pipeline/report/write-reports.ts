/**
 * Writes evidence reports to a folder: one per document plus a class report when there is more than one
 * document (CSV is always the one class table). Failures become warnings, never exceptions: a report that
 * could not be printed still leaves its HTML behind.
 *
 * ReportStream writes each document's report as its result arrives and keeps only a slim copy (no text, no
 * per-token flags, no explanations) for the class report, so a batch of 10,000 documents never holds every
 * result or every report in memory at once.
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

/** Prints report HTML to PDF bytes (Electron's printToPDF in the app, a local Chromium in the test bridge). */
export type PrintPdf = (html: string) => Promise<Uint8Array>

export interface WriteReportsOptions {
  /** Browser to print with; default findChromium(). Null forces the HTML fallback. Unused with `printPdf`. */
  chromium?: string | null
  /** Prints PDFs with this instead of a local Chromium (the app's own printer). */
  printPdf?: PrintPdf
  /** Input files no report may ever be written over (each added result's file is protected too). */
  protect?: string[]
  /** Name of the CSV table without its extension; default the class report's. */
  csvStem?: string
  /** Parallel browser processes for PDF; 2 suits a 2-core laptop. */
  concurrency?: number
  printTimeoutMs?: number
}

export interface WriteReportsOutcome {
  files: string[]
  warnings: string[]
}

export const CLASS_STEM = 'class-report.inkprint'

/** What the class report needs of a result: everything but the text, per-token flags and explanations. */
export function slimResult(result: DocumentResult): DocumentResult {
  return {
    ...result,
    text: undefined,
    passages: result.passages.map((p) => (p.score ? { ...p, score: { ...p.score, explanation: null } } : p)),
    watermarks: result.watermarks?.map((w) => ({ ...w, flags: [] }))
  }
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export class ReportStream {
  private readonly writer: SafeReportWriter
  private readonly slim: DocumentResult[] = []
  /** Document reports in the order results were added (PDFs print in parallel but are listed in order). */
  private readonly files: (string | undefined)[] = []
  private readonly warnings: string[] = []
  private readonly chromium: string | null
  private readonly inflight = new Set<Promise<void>>()
  private readonly ready: Promise<string | null>
  private workDir: Promise<string> | null = null
  private printed = 0
  private busy = 0

  /** Milliseconds spent rendering, printing and writing reports so far (the report stage of a batch). */
  get busyMs(): number {
    return this.busy
  }

  /** `contextFor(results)`: the report context for one document ([result]) or for the class (all slim results). */
  constructor(
    private readonly dir: string,
    private readonly format: ReportFormat,
    private readonly contextFor: (results: DocumentResult[]) => ReportContext,
    private readonly options: WriteReportsOptions = {}
  ) {
    this.writer = new SafeReportWriter(dir, options.protect ?? [])
    this.chromium =
      format === 'pdf' && !options.printPdf
        ? options.chromium === undefined
          ? findChromium()
          : options.chromium
        : null
    if (format === 'pdf' && !options.printPdf && !this.chromium) this.warnings.push(NO_CHROMIUM_MESSAGE)
    this.ready = mkdir(dir, { recursive: true }).then(
      () => null,
      (error: unknown) => `Reports could not be written to ${dir}: ${reason(error)}`
    )
  }

  /** Writes this document's report (PDFs print up to `concurrency` at a time) and remembers it for the class. */
  async add(result: DocumentResult): Promise<void> {
    this.writer.protect(result.path)
    this.slim.push(slimResult(result))
    if (this.format === 'csv' || (await this.ready)) return
    while (this.inflight.size >= Math.max(1, this.options.concurrency ?? 2)) await Promise.race(this.inflight)
    const started = performance.now()
    const slot = this.files.push(undefined) - 1
    const task = this.writeDocument(result).then(
      (file) => {
        this.files[slot] = file
      },
      (error: unknown) => {
        this.warnings.push(`${result.fileName}: the report could not be written: ${reason(error)}`)
      }
    )
    this.inflight.add(task)
    void task.finally(() => {
      this.inflight.delete(task)
      this.busy += performance.now() - started
    })
    if (this.format !== 'pdf') await task
  }

  /**
   * Writes the class report of `results` now (HTML, PDF or JSON), before any document report that follows: the
   * app's class export, where every result is at hand. A failure becomes a warning.
   */
  async writeClassReport(results: DocumentResult[]): Promise<void> {
    if (this.format === 'csv' || (await this.ready)) return
    const started = performance.now()
    try {
      const slim = results.map(slimResult)
      const ctx = this.contextFor(slim)
      const slot = this.files.push(undefined) - 1
      this.files[slot] =
        this.format === 'json'
          ? await this.writer.writeText(`${CLASS_STEM}.json`, toClassReportJson(slim, ctx))
          : await this.writeHtmlOrPdf(`${CLASS_STEM}.html`, renderClassReport(slim, ctx))
    } catch (error) {
      this.warnings.push(`The class report could not be written to ${this.dir}: ${reason(error)}`)
    } finally {
      this.busy += performance.now() - started
    }
  }

  /**
   * Waits for every document report, writes the class report (CSV: always the one table; otherwise when there is
   * more than one document, unless `classReport` is false), and says what was written.
   */
  async finish({ classReport = true }: { classReport?: boolean } = {}): Promise<WriteReportsOutcome> {
    await Promise.all(this.inflight)
    const failed = await this.ready
    if (failed) return { files: [], warnings: [failed] }
    const started = performance.now()
    try {
      if (this.format === 'csv') {
        const stem = this.options.csvStem ?? CLASS_STEM
        this.files.push(await this.writer.writeText(`${stem}.csv`, csvTable(this.slim)))
      } else if (classReport && this.slim.length > 1) {
        const ctx = this.contextFor(this.slim)
        if (this.format === 'json')
          this.files.push(
            await this.writer.writeText(`${CLASS_STEM}.json`, toClassReportJson(this.slim, ctx))
          )
        else
          this.files.push(await this.writeHtmlOrPdf(`${CLASS_STEM}.html`, renderClassReport(this.slim, ctx)))
      }
    } catch (error) {
      this.warnings.push(`The class report could not be written to ${this.dir}: ${reason(error)}`)
    } finally {
      if (this.workDir) await rm(await this.workDir, { recursive: true, force: true })
      this.busy += performance.now() - started
    }
    const files = this.files.filter((f) => f !== undefined)
    return { files, warnings: [...this.warnings, ...this.writer.warnings] }
  }

  private async writeDocument(result: DocumentResult): Promise<string> {
    if (this.format === 'json')
      return this.writer.writeText(reportFileName(result, 'json'), toReportJson(result))
    return this.writeHtmlOrPdf(
      reportFileName(result, 'html'),
      renderDocumentReport(result, this.contextFor([result]))
    )
  }

  /** Returns the file written: the PDF, or the HTML when printing failed (with a warning). */
  private async writeHtmlOrPdf(name: string, html: string): Promise<string> {
    const printPdf = this.options.printPdf
    if (this.format !== 'pdf' || (!this.chromium && !printPdf)) return this.writer.writeText(name, html)
    this.workDir ??= mkdtemp(join(tmpdir(), 'inkprint-report-'))
    const work = await this.workDir
    const n = this.printed++
    const htmlPath = join(work, `${n}.html`)
    const pdfPath = join(work, `${n}.pdf`)
    try {
      const outcome = printPdf
        ? await printPdf(html).then(
            async (bytes) => (await writeFile(pdfPath, bytes), { ok: true as const }),
            (error: unknown) => ({ ok: false as const, message: `Printing to PDF failed: ${reason(error)}.` })
          )
        : await writeFile(htmlPath, html, 'utf8').then(() =>
            printHtmlToPdf(this.chromium as string, htmlPath, pdfPath, this.options.printTimeoutMs)
          )
      if (outcome.ok) return await this.writer.copyIn(pdfPath, name.replace(/\.html$/, '.pdf'))
      this.warnings.push(`${name}: ${outcome.message} The HTML report was written instead.`)
      return await this.writer.writeText(name, html)
    } finally {
      await rm(htmlPath, { force: true })
      await rm(pdfPath, { force: true })
    }
  }
}

/** All at once: the reports for results already in hand (one context for every document and the class). */
export async function writeReports(
  results: DocumentResult[],
  dir: string,
  format: ReportFormat,
  ctx: ReportContext,
  options: WriteReportsOptions = {}
): Promise<WriteReportsOutcome> {
  const stream = new ReportStream(dir, format, () => ctx, options)
  for (const result of results) await stream.add(result)
  return stream.finish()
}
