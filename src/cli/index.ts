/**
 * `inkprint` command line: the same pipeline as the app, for a folder, a class or a whole archive.
 */
import { createWriteStream, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { RESULT_SCHEMA_VERSION, type DocumentResult } from '../shared/types'
import { InProcessEngine } from '../pipeline/batch/in-process-engine'
import { WorkerEngine } from '../pipeline/batch/worker-engine'
import type { CheckEngine } from '../pipeline/batch/engine'
import { runBatch } from '../pipeline/batch/runner'
import { loadCheckContext } from '../pipeline/context'
import { ResultsStore } from '../pipeline/results-store'
import { reuseFromStore } from '../pipeline/reuse'
import { INKPRINT_VERSION } from '../pipeline/version'
import { parseCliArgs, UsageError, USAGE, type CheckCommand } from './args'
import { CSV_HEADER, csvRow } from './csv'
import { runAudit } from './audit'
import { runCalibrate } from './calibrate'
import { runExtract } from './extract'
import { reportContextFor, ReportStream } from '../pipeline/report'
import { readModelFacts } from '../pipeline/model-facts'
import { calibrated, CalibrationStore, isValidProfileId } from '../pipeline/calibration'
import { knownWritingOptions } from '../pipeline/known-writing'

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'calibrate') return runCalibrate(argv.slice(1))
  if (argv[0] === 'audit') return runAudit(argv.slice(1))
  if (argv[0] === 'extract') return runExtract(argv.slice(1))
  let args
  try {
    args = parseCliArgs(argv)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    process.stderr.write(`inkprint: ${err.message}\n\n${USAGE}\n`)
    return 2
  }
  if (args.command === 'help') {
    process.stdout.write(USAGE + '\n')
    return 0
  }
  if (args.command === 'version') {
    process.stdout.write(INKPRINT_VERSION + '\n')
    return 0
  }
  return check(args)
}

function makeEngine(args: CheckCommand): CheckEngine {
  const script = join(__dirname, 'check-worker.js')
  if (args.workers > 0 && existsSync(script)) {
    return new WorkerEngine({ script, workers: args.workers, timeoutMs: args.timeoutMs, maxHeapMb: 1024 })
  }
  return new InProcessEngine(() => loadCheckContext())
}

async function check(args: CheckCommand): Promise<number> {
  const out = args.out ? createWriteStream(args.out) : process.stdout
  // Reports quote the text passage by passage, so it is always extracted for them.
  const includeText = args.includeText || args.report !== null
  const write = (s: string): void => void out.write(s)
  const store = args.results ? new ResultsStore(args.results) : null
  let judge = (r: DocumentResult): DocumentResult => r
  if (args.calibration) {
    const store = new CalibrationStore(args.calibrationsDir ? resolve(args.calibrationsDir) : undefined)
    const profile = isValidProfileId(args.calibration) ? await store.load(args.calibration) : null
    if (!profile) {
      process.stderr.write(
        `inkprint: no saved calibration "${args.calibration}" in ${store.dir} (inkprint calibrate --list shows them)\n`
      )
      return 2
    }
    judge = (r) => calibrated(r, profile)
  }
  const engine = makeEngine(args)
  const collected: DocumentResult[] = []
  const generatedAt = new Date().toISOString()
  const facts = args.report ? await readModelFacts() : null
  const reports = args.report
    ? new ReportStream(args.report, args.reportFormat, (results) =>
        reportContextFor(results, generatedAt, facts)
      )
    : null
  // Reports are written as results arrive, one at a time, so memory stays flat however large the batch.
  let reportQueue: Promise<void> = Promise.resolve()
  let failed = 0
  let reusedCount = 0
  // --resume: files already checked (same content, version and settings) keep their earlier result. The
  // results file holds raw results; a calibration is applied afresh to old and new alike.
  const reuse =
    args.resume && store
      ? await reuseFromStore(
          store,
          { operatingPoint: args.operatingPoint, includeText, profileIds: null },
          () => reusedCount++
        )
      : null

  if (args.format === 'csv') write(CSV_HEADER + '\r\n')
  const summary = await runBatch({
    batchId: 'cli',
    paths: args.paths,
    options: {
      operatingPoint: args.operatingPoint,
      profiles: [],
      includeText,
      ...(await knownWritingOptions(args.known))
    },
    engine,
    reuse: reuse ?? undefined,
    onEvent: (event) => {
      if (event.type !== 'file-done') return
      if (store) void store.append(event.result)
      const r = judge(event.result)
      if (r.error) failed++
      if (reports) reportQueue = reportQueue.then(() => reports.add(r))
      if (args.format === 'jsonl')
        write(JSON.stringify(args.includeText ? r : { ...r, text: undefined }) + '\n')
      else if (args.format === 'csv') write(csvRow(r) + '\r\n')
      else if (!args.report) collected.push(r)
    }
  })
  await engine.close()
  if (reports && args.report) {
    await reportQueue
    const written = await reports.finish()
    for (const w of written.warnings) process.stderr.write(`inkprint: ${w}\n`)
    // "written … in X s": time spent on reports (npm run bench reads it as the report stage)
    const reportSeconds = (reports.busyMs / 1000).toFixed(1)
    process.stderr.write(
      `inkprint: ${written.files.length} report file(s) written to ${args.report} in ${reportSeconds} s\n`
    )
  }
  if (args.format === 'json') {
    const payload = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      inkprintVersion: INKPRINT_VERSION,
      results: collected
    }
    write(JSON.stringify(payload, null, 2) + '\n')
  }
  if (out !== process.stdout) await new Promise<void>((resolve) => out.end(resolve))

  const parts = [`${summary.done} checked`, `${failed} failed`]
  if (reusedCount) parts.push(`${reusedCount} reused from ${args.results}`)
  if (summary.skipped.length) parts.push(`${summary.skipped.length} skipped (not a supported document type)`)
  process.stderr.write(`inkprint: ${parts.join(', ')} in ${(summary.elapsedMs / 1000).toFixed(1)} s\n`)
  return failed > 0 ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`inkprint: internal error: ${err instanceof Error ? err.stack : String(err)}\n`)
    process.exitCode = 1
  }
)
