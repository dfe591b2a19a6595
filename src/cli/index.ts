/**
 * `inkprint` command line: the same pipeline as the app, for a folder, a class or a whole archive.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { RESULT_SCHEMA_VERSION, type DocumentResult } from '../shared/types'
import { InProcessEngine } from '../pipeline/batch/in-process-engine'
import { WorkerEngine } from '../pipeline/batch/worker-engine'
import type { CheckEngine } from '../pipeline/batch/engine'
import { runBatch } from '../pipeline/batch/runner'
import { describeWriteFailure, ResultWriter, writeFailureReason } from '../pipeline/batch/result-writer'
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
import { loadProfiles } from '../pipeline/profiles'
import { resourcesDir } from '../pipeline/resources'
import { loadContextWithUserProfiles } from '../pipeline/user-profiles'
import { checkOutputs, type PlannedOutput } from './outputs'
import { readSchoolProfiles } from './profiles'

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

function makeEngine(args: CheckCommand, schoolProfilesDir: string | null): CheckEngine {
  const script = join(__dirname, 'check-worker.js')
  if (args.workers > 0 && existsSync(script)) {
    return new WorkerEngine({ script, workers: args.workers, timeoutMs: args.timeoutMs, maxHeapMb: 1024 })
  }
  return new InProcessEngine(() =>
    schoolProfilesDir ? loadContextWithUserProfiles(schoolProfilesDir) : loadCheckContext()
  )
}

/** A usage or output problem: one plain line on stderr, exit status 2. */
function usageProblem(message: string): number {
  process.stderr.write(`inkprint: ${message}\n`)
  return 2
}

const reasonOf = writeFailureReason

async function check(args: CheckCommand): Promise<number> {
  // Every place we will write is checked before the first document is read (and before anything is truncated).
  const planned: PlannedOutput[] = []
  if (args.out) planned.push({ flag: '--out', path: args.out, kind: 'file' })
  if (args.results) planned.push({ flag: '--results', path: args.results, kind: 'file' })
  if (args.report) planned.push({ flag: '--report', path: args.report, kind: 'folder' })
  const problem = await checkOutputs(args.paths, planned)
  if (problem) return usageProblem(problem)

  // --profile FILE: validated here, then handed to the checkers through a private folder of this run.
  let schoolDir: string | null = null
  let schoolIds: string[] = []
  if (args.profiles.length > 0) {
    const shipped = await loadProfiles(join(resourcesDir(), 'profiles'))
    const read = await readSchoolProfiles(args.profiles, new Set(shipped.map((p) => p.id)))
    if (!read.ok) return usageProblem(read.message)
    schoolDir = await mkdtemp(join(tmpdir(), 'inkprint-profiles-'))
    for (const p of read.profiles)
      await writeFile(join(schoolDir, `${p.id}.json`), JSON.stringify(p, null, 2) + '\n', 'utf8')
    schoolIds = [...shipped.map((p) => p.id), ...read.profiles.map((p) => p.id)]
    // Workers read it when they start (check-worker.ts), as in the app.
    process.env.INKPRINT_USER_PROFILES = schoolDir
  }
  try {
    return await checkWith(args, schoolDir, schoolIds)
  } finally {
    if (schoolDir) await rm(schoolDir, { recursive: true, force: true })
  }
}

async function checkWith(args: CheckCommand, schoolDir: string | null, schoolIds: string[]): Promise<number> {
  let judge = (r: DocumentResult): DocumentResult => r
  if (args.calibration) {
    const store = new CalibrationStore(args.calibrationsDir ? resolve(args.calibrationsDir) : undefined)
    const profile = isValidProfileId(args.calibration) ? await store.load(args.calibration) : null
    if (!profile)
      return usageProblem(
        `no saved calibration "${args.calibration}" in ${store.dir} (inkprint calibrate --list shows them)`
      )
    judge = (r) => calibrated(r, profile)
  }

  // Outputs are opened (and --out truncated) only now, after every check above has passed.
  let outHandle: FileHandle | null = null
  if (args.out) {
    try {
      outHandle = await open(args.out, 'w')
    } catch (error) {
      return usageProblem(`--out ${args.out} cannot be written: ${reasonOf(error)}.`)
    }
  }
  const store = args.results ? new ResultsStore(args.results) : null
  if (store && args.results) {
    try {
      await (await open(args.results, 'a')).close()
    } catch (error) {
      await outHandle?.close()
      return usageProblem(`--results ${args.results} cannot be written: ${reasonOf(error)}.`)
    }
  }

  const stop = new AbortController()
  let outputError: string | null = null
  let brokenPipe = false
  const failOutput = (message: string): void => {
    outputError ??= message
    stop.abort()
  }
  const onStdoutError = (error: NodeJS.ErrnoException): void => {
    // `inkprint check … | head`: the reader has gone. Stop quietly; nothing is wrong with the documents.
    if (error.code === 'EPIPE') {
      brokenPipe = true
      stop.abort()
    } else failOutput(`standard output cannot be written: ${reasonOf(error)}.`)
  }
  process.stdout.on('error', onStdoutError)
  // Writes to --out are chained, so the file holds results in order and a failure is seen once.
  let outChain: Promise<void> = Promise.resolve()
  const write = (s: string): void => {
    if (outputError || brokenPipe) return
    if (outHandle) {
      const handle = outHandle
      outChain = outChain.then(
        () =>
          handle.write(s).then(
            () => undefined,
            (error: unknown) => failOutput(`--out ${args.out} could not be written: ${reasonOf(error)}.`)
          ),
        () => undefined
      )
    } else process.stdout.write(s)
  }

  // Reports quote the text passage by passage, so it is always extracted for them.
  const includeText = args.includeText || args.report !== null
  const engine = makeEngine(args, schoolDir)
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
  const reusedResults = new WeakSet<DocumentResult>()
  const storedHashes = store && args.resume ? await store.hashesByPath() : new Map<string, string | null>()
  const found =
    args.resume && store
      ? await reuseFromStore(
          store,
          { operatingPoint: args.operatingPoint, includeText, profileIds: schoolDir ? schoolIds : null },
          () => reusedCount++
        )
      : null
  const reuse = found
    ? async (path: string): Promise<DocumentResult | null> => {
        const r = await found(path)
        if (r) reusedResults.add(r)
        return r
      }
    : undefined
  // Results are appended one at a time, in order, and printed once kept; a failed write stops the batch and
  // says what was saved.
  const writer = new ResultWriter(store, (failure) =>
    failOutput(`--results ${args.results}: a result ${describeWriteFailure(failure)}.`)
  )

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
    reuse,
    signal: stop.signal,
    onEvent: (event) => {
      if (event.type !== 'file-done') return
      // A reused result already has its line (same path, same content): writing it again would duplicate it.
      const kept =
        reusedResults.has(event.result) && storedHashes.get(event.result.path) === event.result.sha256
      const r = judge(event.result)
      writer.enqueue(
        event.result,
        () => {
          if (r.error) failed++
          if (reports) reportQueue = reportQueue.then(() => reports.add(r))
          if (args.format === 'jsonl')
            write(JSON.stringify(args.includeText ? r : { ...r, text: undefined }) + '\n')
          else if (args.format === 'csv') write(csvRow(r) + '\r\n')
          else if (!args.report) collected.push(r)
        },
        !kept
      )
    }
  })
  await engine.close()
  await writer.idle()
  if (store && !outputError) {
    try {
      await store.compact()
    } catch (error) {
      failOutput(`--results ${args.results} could not be tidied: ${reasonOf(error)}.`)
    }
  }
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
  if (args.format === 'json' && !stop.signal.aborted) {
    const payload = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      inkprintVersion: INKPRINT_VERSION,
      results: collected
    }
    write(JSON.stringify(payload, null, 2) + '\n')
  }
  await outChain
  if (outHandle) {
    await outHandle
      .sync()
      .catch((error: unknown) => failOutput(`--out ${args.out} could not be written: ${reasonOf(error)}.`))
    await outHandle.close().catch(() => undefined)
  } else if (!brokenPipe) {
    // Let stdout drain, so an EPIPE at the very end is still seen as a closed reader, not an error.
    await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  }
  if (outputError) {
    process.stderr.write(`inkprint: ${outputError} The batch was stopped.\n`)
    return 2
  }
  if (brokenPipe) return failed > 0 ? 1 : 0

  const parts = [`${summary.done} checked`, `${failed} failed`]
  if (reusedCount) parts.push(`${reusedCount} reused from ${args.results}`)
  if (summary.skipped.length) parts.push(`${summary.skipped.length} skipped (not a supported document type)`)
  if (summary.ownReports.length)
    parts.push(`${summary.ownReports.length} Inkprint report(s) left out (our own output, not a student's)`)
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
