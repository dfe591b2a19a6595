/**
 * Where `inkprint check` says what it found: standard output or --out (JSON Lines, JSON, CSV), evidence reports
 * (--report), and the one summary line on standard error. This is the CLI's sink for a CheckSession: it hears of
 * each result once it is kept, in order. An output that cannot be written stops the batch (exit 2).
 */
import { open, type FileHandle } from 'node:fs/promises'
import type { BatchEvent } from '../shared/api'
import { RESULT_SCHEMA_VERSION, type DocumentResult } from '../shared/types'
import { writeFailureReason } from '../pipeline/batch/result-writer'
import type { SessionOutcome } from '../pipeline/check-session'
import { readModelFacts } from '../pipeline/model-facts'
import { reportContextFor, ReportStream } from '../pipeline/report'
import { INKPRINT_VERSION } from '../pipeline/version'
import type { CheckCommand } from './args'
import { CSV_HEADER, csvRow } from './csv'

type OutputArgs = Pick<CheckCommand, 'out' | 'results' | 'report' | 'reportFormat' | 'format' | 'includeText'>

export class CheckOutput {
  /** Aborted when an output fails or the reader of stdout has gone: the session stops. */
  private readonly stop = new AbortController()
  private outputError: string | null = null
  private brokenPipe = false
  /** Writes to --out are chained, so the file holds results in order and a failure is seen once. */
  private outChain: Promise<void> = Promise.resolve()
  private readonly collected: DocumentResult[] = []
  private failedCount = 0
  private readonly onStdoutError = (error: NodeJS.ErrnoException): void => {
    // `inkprint check … | head`: the reader has gone. Stop quietly; nothing is wrong with the documents.
    if (error.code === 'EPIPE') {
      this.brokenPipe = true
      this.stop.abort()
    } else this.fail(`standard output cannot be written: ${writeFailureReason(error)}.`)
  }

  private constructor(
    private readonly args: OutputArgs,
    private readonly outHandle: FileHandle | null,
    private readonly reports: ReportStream | null
  ) {
    process.stdout.on('error', this.onStdoutError)
    if (args.format === 'csv') this.write(CSV_HEADER + '\r\n')
  }

  /**
   * Opens the outputs (--out is truncated only now, after every other check has passed); a plain message when
   * one cannot be written.
   */
  static async open(args: OutputArgs): Promise<CheckOutput | string> {
    let outHandle: FileHandle | null = null
    if (args.out) {
      try {
        outHandle = await open(args.out, 'w')
      } catch (error) {
        return `--out ${args.out} cannot be written: ${writeFailureReason(error)}.`
      }
    }
    if (args.results) {
      try {
        await (await open(args.results, 'a')).close()
      } catch (error) {
        await outHandle?.close()
        return `--results ${args.results} cannot be written: ${writeFailureReason(error)}.`
      }
    }
    const generatedAt = new Date().toISOString()
    const facts = args.report ? await readModelFacts() : null
    // Reports are written as results arrive, one at a time, so memory stays flat however large the batch.
    const reports = args.report
      ? new ReportStream(args.report, args.reportFormat, (results) =>
          reportContextFor(results, generatedAt, facts)
        )
      : null
    return new CheckOutput(args, outHandle, reports)
  }

  get signal(): AbortSignal {
    return this.stop.signal
  }

  get failed(): boolean {
    return this.outputError !== null
  }

  /** The first output problem is the one reported; the batch stops. */
  fail(message: string): void {
    this.outputError ??= message
    this.stop.abort()
  }

  /** The session's sink: each result once it is kept, judged. */
  async take(event: BatchEvent): Promise<void> {
    if (event.type !== 'file-done') return
    const r = event.result
    if (r.error) this.failedCount++
    if (this.reports) await this.reports.add(r)
    if (this.args.format === 'jsonl')
      this.write(JSON.stringify(this.args.includeText ? r : { ...r, text: undefined }) + '\n')
    else if (this.args.format === 'csv') this.write(csvRow(r) + '\r\n')
    else if (!this.args.report) this.collected.push(r)
  }

  /** Finishes reports and the output, writes the summary line; returns the exit status. */
  async finish(outcome: SessionOutcome): Promise<number> {
    const { summary } = outcome
    if (this.reports && this.args.report) {
      const written = await this.reports.finish()
      for (const w of written.warnings) process.stderr.write(`inkprint: ${w}\n`)
      // "written … in X s": time spent on reports (npm run bench reads it as the report stage)
      const reportSeconds = (this.reports.busyMs / 1000).toFixed(1)
      process.stderr.write(
        `inkprint: ${written.files.length} report file(s) written to ${this.args.report} in ${reportSeconds} s\n`
      )
    }
    if (this.args.format === 'json' && !this.stop.signal.aborted) {
      const payload = {
        schemaVersion: RESULT_SCHEMA_VERSION,
        inkprintVersion: INKPRINT_VERSION,
        results: this.collected
      }
      this.write(JSON.stringify(payload, null, 2) + '\n')
    }
    await this.outChain
    if (this.outHandle) {
      await this.outHandle
        .sync()
        .catch((error: unknown) =>
          this.fail(`--out ${this.args.out} could not be written: ${writeFailureReason(error)}.`)
        )
      await this.outHandle.close().catch(() => undefined)
    } else if (!this.brokenPipe) {
      // Let stdout drain, so an EPIPE at the very end is still seen as a closed reader, not an error.
      await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
    }
    process.stdout.off('error', this.onStdoutError)
    if (this.outputError) {
      process.stderr.write(`inkprint: ${this.outputError} The batch was stopped.\n`)
      return 2
    }
    const failed = this.failedCount
    if (this.brokenPipe) return failed > 0 ? 1 : 0

    const parts = [`${summary.done} checked`, `${failed} failed`]
    if (outcome.reused) parts.push(`${outcome.reused} reused from ${this.args.results}`)
    if (summary.skipped.length)
      parts.push(`${summary.skipped.length} skipped (not a supported document type)`)
    if (summary.ownReports.length)
      parts.push(`${summary.ownReports.length} Inkprint report(s) left out (our own output, not a student's)`)
    process.stderr.write(`inkprint: ${parts.join(', ')} in ${(summary.elapsedMs / 1000).toFixed(1)} s\n`)
    return failed > 0 ? 1 : 0
  }

  private write(s: string): void {
    if (this.outputError || this.brokenPipe) return
    const handle = this.outHandle
    if (!handle) {
      process.stdout.write(s)
      return
    }
    this.outChain = this.outChain.then(
      () =>
        handle.write(s).then(
          () => undefined,
          (error: unknown) =>
            this.fail(`--out ${this.args.out} could not be written: ${writeFailureReason(error)}.`)
        ),
      () => undefined
    )
  }
}
