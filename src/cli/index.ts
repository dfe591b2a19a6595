/**
 * `inkprint` command line: the same pipeline as the app, for a folder, a class or a whole archive.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { WatermarkProfile } from '../engine/watermark'
import { InProcessEngine } from '../pipeline/batch/in-process-engine'
import { WorkerEngine } from '../pipeline/batch/worker-engine'
import type { CheckEngine } from '../pipeline/batch/engine'
import { describeWriteFailure, writeFailureReason } from '../pipeline/batch/result-writer'
import { CalibrationStore } from '../pipeline/calibration'
import { CheckSession, resolveCalibration, type CheckSettings } from '../pipeline/check-session'
import { loadCheckContext } from '../pipeline/context'
import { knownWritingOptions } from '../pipeline/known-writing'
import { loadProfiles } from '../pipeline/profiles'
import { resourcesDir } from '../pipeline/resources'
import { ResultsStore } from '../pipeline/results-store'
import { loadContextWithUserProfiles } from '../pipeline/user-profiles'
import { INKPRINT_VERSION } from '../pipeline/version'
import { parseCliArgs, UsageError, USAGE, type CheckCommand } from './args'
import { runAudit } from './audit'
import { runCalibrate } from './calibrate'
import { CheckOutput } from './check-output'
import { runExtract } from './extract'
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

async function check(args: CheckCommand): Promise<number> {
  // Every place we will write is checked before the first document is read (and before anything is truncated).
  const planned: PlannedOutput[] = []
  if (args.out) planned.push({ flag: '--out', path: args.out, kind: 'file' })
  if (args.results) planned.push({ flag: '--results', path: args.results, kind: 'file' })
  if (args.report) planned.push({ flag: '--report', path: args.report, kind: 'folder' })
  const problem = await checkOutputs(args.paths, planned)
  if (problem) return usageProblem(problem)

  // --profile FILE: validated here, then handed to the checkers through a private folder of this run.
  const shipped = await loadProfiles(join(resourcesDir(), 'profiles'))
  let schoolDir: string | null = null
  let school: WatermarkProfile[] = []
  if (args.profiles.length > 0) {
    const read = await readSchoolProfiles(args.profiles, new Set(shipped.map((p) => p.id)))
    if (!read.ok) return usageProblem(read.message)
    school = read.profiles
    schoolDir = await mkdtemp(join(tmpdir(), 'inkprint-profiles-'))
    for (const p of school)
      await writeFile(join(schoolDir, `${p.id}.json`), JSON.stringify(p, null, 2) + '\n', 'utf8')
    // Workers read it when they start (check-worker.ts), as in the app.
    process.env.INKPRINT_USER_PROFILES = schoolDir
  }
  try {
    const calibrations = new CalibrationStore(
      args.calibrationsDir ? resolve(args.calibrationsDir) : undefined
    )
    const calibration = await resolveCalibration(calibrations, args.calibration)
    if (calibration === 'unknown')
      return usageProblem(
        `no saved calibration "${args.calibration}" in ${calibrations.dir} (inkprint calibrate --list shows them)`
      )
    const settings: CheckSettings = {
      operatingPoint: args.operatingPoint,
      calibration,
      profileIds: [...shipped, ...school].filter((p) => p.enabled !== false).map((p) => p.id),
      // Reports quote the text passage by passage, so it is always extracted for them.
      includeText: args.includeText || args.report !== null,
      ...(await knownWritingOptions(args.known))
    }
    return await runCheck(args, settings, schoolDir)
  } finally {
    if (schoolDir) await rm(schoolDir, { recursive: true, force: true })
  }
}

async function runCheck(
  args: CheckCommand,
  settings: CheckSettings,
  schoolDir: string | null
): Promise<number> {
  const output = await CheckOutput.open(args)
  if (typeof output === 'string') return usageProblem(output)
  const store = args.results ? new ResultsStore(args.results) : null
  const engine = makeEngine(args, schoolDir)
  // --resume: files already checked (same content, version and settings) keep their earlier result.
  const session = new CheckSession(settings, { engine, store, reuse: args.resume })
  const outcome = await session.run({
    batchId: 'cli',
    paths: args.paths,
    signal: output.signal,
    sink: (event) => output.take(event)
  })
  await engine.close()
  if (outcome.stopped)
    output.fail(`--results ${args.results}: a result ${describeWriteFailure(outcome.stopped)}.`)
  if (store && !output.failed) {
    try {
      await store.compact()
    } catch (error) {
      output.fail(`--results ${args.results} could not be tidied: ${writeFailureReason(error)}.`)
    }
  }
  return output.finish(outcome)
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
