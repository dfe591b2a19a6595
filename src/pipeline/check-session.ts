/**
 * One check of a set of files, the same in the app and the CLI. The settings are resolved once (the shipped
 * operating point or a school's calibration, which watermark profiles, whether the text is kept); then, file by
 * file: an earlier result checked with the same settings is reused, or the file is checked; the result is judged
 * (calibration), kept in the results store, and only then handed to the sink (the window's events, the CLI's
 * output and reports). The store holds results as they were shown, judged, so reading one back never needs the
 * settings again.
 */
import type { BatchEvent, OperatingPointName } from '../shared/api'
import type { KnownWritingSet } from '../shared/known-writing'
import type { DocumentResult } from '../shared/types'
import type { CalibrationProfile } from '../engine/calibration'
import type { DetectorCard } from '../engine/detector/card'
import type { CheckEngine } from './batch/engine'
import { describeWriteFailure, ResultWriter, type WriteFailure } from './batch/result-writer'
import { runBatch, type BatchSummary } from './batch/runner'
import { calibrated } from './calibrated'
import { compareDocument } from './known-writing'
import { isValidProfileId, type CalibrationStore } from './calibration-store'
import { rejudgeAtShippedPoint, rejudgeResult } from './rejudge'
import type { ResultsStore } from './results-store'
import { reuseFromStore, type ReuseSettings } from './reuse'

/** check.ts reads an empty profile list as "all profiles": this id matches none, for when none is wanted. */
export const NO_PROFILE = '(none)'

/** Everything that decides what a result says, resolved before the first file is read. */
export interface CheckSettings {
  operatingPoint: OperatingPointName
  /** A school's calibration to judge with instead of the shipped operating point; null for the shipped point. */
  calibration: CalibrationProfile | null
  /** The watermark profiles to test, by id; empty: none. */
  profileIds: readonly string[]
  /** Keep each document's text in its result (the app, reports, `--include-text`). */
  includeText: boolean
  /** Students' known writing, compared while checking (CLI `--known`). */
  knownWriting?: KnownWritingSet
}

export interface SessionDeps {
  engine: CheckEngine
  /** Where results are kept (the app's results file, CLI `--results`); null: nowhere. */
  store: Pick<ResultsStore, 'append' | 'finishedByHash' | 'hashesByPath'> | null
  /** Reuse results already in the store that these settings would give again (the app; CLI `--resume`). */
  reuse: boolean
  /** A last step after judging, e.g. the app's comparison with the known writing kept now. */
  finish?: (result: DocumentResult) => DocumentResult
}

export interface SessionRun {
  batchId: string
  paths: string[]
  /** Cancels the batch (the Cancel button, a closed stdout). */
  signal?: AbortSignal
  /** Told the file count as soon as folders are expanded. */
  onPlanned?: (total: number) => void
  /**
   * Told every event, in order; a file-done only once its result is kept, and nothing after a failed write but
   * the batch-done (with `stopped`). A returned promise is awaited before the next event.
   */
  sink: (event: BatchEvent) => void | Promise<void>
}

export interface SessionOutcome {
  summary: BatchSummary
  /** Results reused from the store instead of checking the file again. */
  reused: number
  /** Results written to the store by this run. */
  saved: number
  /** The failed write that stopped the batch; null when none failed. */
  stopped: WriteFailure | null
}

/** The saved calibration with this id; 'unknown' when there is none (never a path outside the store). */
export async function resolveCalibration(
  store: CalibrationStore,
  id: string | null | undefined
): Promise<CalibrationProfile | null | 'unknown'> {
  if (!id) return null
  const profile = isValidProfileId(id) ? await store.load(id) : null
  return profile ?? 'unknown'
}

export class CheckSession {
  constructor(
    readonly settings: CheckSettings,
    private readonly deps: SessionDeps
  ) {}

  /** What an earlier result must have been checked with to be reused: every setting that changes a result. */
  reuseKey(): ReuseSettings {
    return {
      operatingPoint: this.settings.operatingPoint,
      calibrationId: this.settings.calibration?.id ?? null,
      profileIds: [...this.settings.profileIds],
      includeText: this.settings.includeText
    }
  }

  /** A fresh result judged with these settings: the calibration's threshold when there is one. */
  judge(result: DocumentResult): DocumentResult {
    const calibration = this.settings.calibration
    return calibration ? calibrated(result, calibration) : result
  }

  /** A kept result judged again with these settings, without reading the file (another setting or calibration). */
  rejudge(result: DocumentResult, card: DetectorCard | null): DocumentResult {
    if (this.settings.calibration) return this.judge(result)
    if (!card) return result
    return rejudgeResult(result, (d) => rejudgeAtShippedPoint(d, card, this.settings.operatingPoint))
  }

  /**
   * A reused result compared with the known writing given now (CLI --known), which may differ from the run that
   * made it; without known writing, no comparison is carried over from that run.
   */
  private compareAgain(result: DocumentResult): DocumentResult {
    const set = this.settings.knownWriting
    if (!set) {
      if (!result.styleComparison || this.deps.finish) return result
      const { styleComparison: _dropped, ...rest } = result
      return rest
    }
    if (result.text === undefined || (result.status !== 'ok' && result.status !== 'too-short')) return result
    return { ...result, styleComparison: compareDocument(result.path, result.text, result.passages, set) }
  }

  async run(run: SessionRun): Promise<SessionOutcome> {
    const { store, engine } = this.deps
    const finish = this.deps.finish ?? ((r: DocumentResult) => r)
    const controller = new AbortController()
    const stop = (): void => controller.abort()
    if (run.signal?.aborted) stop()
    run.signal?.addEventListener('abort', stop, { once: true })
    const writer = new ResultWriter(store, stop)

    let reusedCount = 0
    let delivered = 0
    const reused = new WeakSet<DocumentResult>()
    const found = store && this.deps.reuse ? await reuseFromStore(store, this.reuseKey()) : null
    // A reused result for the same path and content already has its line: writing it again would duplicate it.
    const storedHashes = found && store ? await store.hashesByPath() : new Map<string, string | null>()
    const reuse = found
      ? async (path: string): Promise<DocumentResult | null> => {
          const r = await found(path)
          // Known writing is compared from the text: without it, an earlier result cannot be compared again.
          if (r && this.settings.knownWriting && r.text === undefined) return null
          if (r) {
            reusedCount++
            reused.add(r)
          }
          return r
        }
      : undefined

    const summary = await runBatch({
      batchId: run.batchId,
      paths: run.paths,
      options: {
        operatingPoint: this.settings.operatingPoint,
        profiles: this.settings.profileIds.length > 0 ? [...this.settings.profileIds] : [NO_PROFILE],
        includeText: this.settings.includeText,
        ...(this.settings.knownWriting ? { knownWriting: this.settings.knownWriting } : {})
      },
      engine,
      reuse,
      signal: controller.signal,
      onPlanned: run.onPlanned,
      onEvent: (event) => {
        if (event.type === 'file-done') {
          const prior = reused.has(event.result) ? this.compareAgain(event.result) : null
          // A reused result was kept judged with these very settings (see reuseKey): it is not judged twice.
          const result = finish(prior ?? this.judge(event.result))
          const alreadyKept =
            prior !== null &&
            storedHashes.get(prior.path) === prior.sha256 &&
            JSON.stringify(result.styleComparison) === JSON.stringify(event.result.styleComparison)
          const done = { ...event, result }
          writer.enqueue(
            result,
            () => {
              delivered++
              return run.sink(done)
            },
            !alreadyKept
          )
        } else if (event.type === 'batch-done') {
          writer.finally(() => {
            const failure = writer.failure
            return run.sink(
              failure
                ? {
                    ...event,
                    done: delivered,
                    cancelled: true,
                    stopped: `Checking stopped: a result ${describeWriteFailure(failure)}.`
                  }
                : event
            )
          })
        } else writer.enqueue(null, () => run.sink(event))
      }
    })
    await writer.idle()
    run.signal?.removeEventListener('abort', stop)
    return { summary, reused: reusedCount, saved: writer.saved, stopped: writer.failure }
  }
}
