/**
 * `inkprint calibrate`: measure the detector on a school's own known-human essays and save a threshold.
 * The lead's src/cli/index.ts dispatches here with the arguments after the subcommand.
 */
import { existsSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { CalibrationProfile } from '../engine/calibration'
import { formatRate } from '../engine/calibration'
import type { CheckEngine } from '../pipeline/batch/engine'
import { WorkerEngine } from '../pipeline/batch/worker-engine'
import { calibrateFromFolders, CalibrationStore, defaultCalibrationDir } from '../pipeline/calibration'

export const CALIBRATE_USAGE = `Usage: inkprint calibrate --human DIR [--ai DIR] [--name NAME] [--target-fpr 0.01] [--out-dir DIR]
       inkprint calibrate --list | --show ID | --delete ID [--out-dir DIR]

Scores a folder of essays you know were written by students (for instance from before 2022) and chooses
the threshold that flags at most the target share of them. Only the scores are saved, never the essays.

Options:
  --human DIR        known-human documents (repeatable; folders are read recursively)
  --ai DIR           known-AI documents, to also measure how many AI essays are caught (repeatable)
  --name NAME        a name for this calibration (default: the human folder's name)
  --target-fpr RATE  largest share of human essays to flag, e.g. 0.01 for 1% (default 0.01)
  --out-dir DIR      where calibrations are kept (default ~/.inkprint/calibrations)
  --workers N        files checked in parallel (default 2; 0 checks in this process)
  --json             print the saved profile as JSON instead of a summary
  --list             list saved calibrations
  --show ID          print one saved calibration
  --delete ID        delete a saved calibration

Exit status: 0 when the calibration was saved from every file, 1 when it could not be made or some files
could not be read, 2 on usage errors.`

const write = (s: string): void => void process.stdout.write(s + '\n')
const warn = (s: string): void => void process.stderr.write(s + '\n')

/** Worker threads when the built worker exists (as `check` does), else this thread; loaded only when needed. */
async function makeEngine(workers: number): Promise<CheckEngine> {
  const script = join(__dirname, 'check-worker.js')
  if (workers > 0 && existsSync(script))
    return new WorkerEngine({ script, workers, timeoutMs: 60_000, maxHeapMb: 1024 })
  return (await import('../pipeline/calibration-engine')).defaultEngine()
}

/** A few FPR-table rows around the chosen threshold, so the trade-off is visible at a glance. */
function tableExcerpt(p: CalibrationProfile): string[] {
  const rows = p.table
  const at = rows.findIndex((r) => r.threshold >= p.threshold)
  const centre = at < 0 ? rows.length - 1 : at
  return rows.slice(Math.max(0, centre - 4), centre + 4).map((r) => {
    const tpr = r.tpr === undefined ? '' : `  catches ${formatRate(r.tpr)} of AI essays`
    return `  threshold ${r.threshold.toFixed(4)}: flags ${r.falsePositives}/${p.nHuman} human (${formatRate(r.fpr)}, up to ${formatRate(r.fprUpper)})${tpr}`
  })
}

export function describeProfile(p: CalibrationProfile): string[] {
  return [
    `${p.id}  ${p.name}  (${p.createdAt.slice(0, 10)}, model ${p.model.name} ${p.model.version})`,
    `  ${p.description}`,
    `  threshold ${p.threshold.toFixed(4)} for a ${formatRate(p.targetFpr)} target; exact (Clopper–Pearson) interval ` +
      `${formatRate(p.fprExact.lower)}–${formatRate(p.fprExact.upper)}`,
    ...p.warnings.map((w) => `  ! ${w}`)
  ]
}

export async function runCalibrate(argv: string[]): Promise<number> {
  const args = argv[0] === 'calibrate' ? argv.slice(1) : argv
  let values
  try {
    values = parseArgs({
      args,
      allowPositionals: false,
      options: {
        human: { type: 'string', multiple: true, default: [] },
        ai: { type: 'string', multiple: true, default: [] },
        name: { type: 'string' },
        'target-fpr': { type: 'string', default: '0.01' },
        'out-dir': { type: 'string' },
        workers: { type: 'string', default: '2' },
        json: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        show: { type: 'string' },
        delete: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    }).values
  } catch (err) {
    warn(`inkprint calibrate: ${err instanceof Error ? err.message : String(err)}\n\n${CALIBRATE_USAGE}`)
    return 2
  }
  if (values.help) {
    write(CALIBRATE_USAGE)
    return 0
  }
  const usage = (msg: string): number => {
    warn(`inkprint calibrate: ${msg}\n\n${CALIBRATE_USAGE}`)
    return 2
  }
  const store = new CalibrationStore(values['out-dir'] ? resolve(values['out-dir']) : defaultCalibrationDir())
  if (values.list) {
    const profiles = await store.list()
    if (profiles.length === 0) write(`No calibrations in ${store.dir}.`)
    for (const p of profiles) write(describeProfile(p).join('\n'))
    return 0
  }
  if (values.show !== undefined || values.delete !== undefined) {
    const id = (values.show ?? values.delete) as string
    const profile = await store.load(id).catch(() => null)
    if (!profile) {
      warn(`inkprint calibrate: no calibration "${id}" in ${store.dir}.`)
      return 1
    }
    if (values.delete !== undefined) {
      await store.delete(id)
      write(`Deleted ${id}.`)
    } else write(values.json ? JSON.stringify(profile, null, 2) : describeProfile(profile).join('\n'))
    return 0
  }
  if (values.human.length === 0) return usage('--human DIR is required.')
  const targetFpr = Number(values['target-fpr'])
  if (!(targetFpr > 0 && targetFpr < 0.5))
    return usage('--target-fpr must be a rate between 0 and 0.5, e.g. 0.01.')
  const workers = Number(values.workers)
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) return usage('--workers must be 0–64.')
  const engine = await makeEngine(workers)
  const name = values.name ?? basename(resolve(values.human[0]))
  const started = Date.now()
  let outcome
  try {
    outcome = await calibrateFromFolders({
      name,
      humanPaths: values.human.map((p) => resolve(p)),
      aiPaths: values.ai.map((p) => resolve(p)),
      targetFpr,
      engine,
      onProgress: (phase, done, total) => {
        if (done === total || done % 25 === 0)
          process.stderr.write(`\rscoring ${phase} essays: ${done}/${total}   `)
      }
    })
  } finally {
    await engine.close()
  }
  process.stderr.write('\n')
  if (!outcome.ok) {
    warn(`inkprint calibrate: ${outcome.error.message}`)
    return 1
  }
  const { profile, human, ai } = outcome
  const path = await store.save(profile)
  if (values.json) write(JSON.stringify(profile, null, 2))
  else {
    write(describeProfile(profile).join('\n'))
    write('\nFalse-positive rate at nearby thresholds:')
    write(tableExcerpt(profile).join('\n'))
    write(`\nSaved to ${path}`)
  }
  const failed = human.failed + (ai?.failed ?? 0)
  const notScored = human.notScored + (ai?.notScored ?? 0)
  warn(
    `inkprint calibrate: ${human.scores.length + (ai?.scores.length ?? 0)} scored, ${notScored} too short or not English, ` +
      `${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
  return failed > 0 ? 1 : 0
}
