/**
 * Local calibration, Node side: score folders of a school's known-human (and optionally known-AI) documents
 * with the real pipeline, build a profile from the document probabilities, and keep it on disk.
 */
import type { ModelFacts, OperatingPointName } from '../shared/api'
import { DEFAULT_OPERATING_POINT } from '../shared/operating-points'
import type { InkprintError } from '../shared/types'
import {
  applyCalibration,
  buildCalibrationProfile,
  calibrationMismatch,
  type CalibrationProfile,
  type ModelCardFloor
} from '../engine/calibration'
import type { CheckEngine } from './batch/engine'
import { CheckSession } from './check-session'
import { errorFor } from './result'
import { modelCardFloor, readModelFacts } from './model-facts'

export { applyCalibration, calibrationMismatch }
export { applyCalibrationToResult, calibrated, lengthMismatch } from './calibrated'
export { CalibrationStore, defaultCalibrationDir, isValidProfileId } from './calibration-store'

export interface ScoredDocuments {
  /** Document AI probabilities, in no particular order and with no link back to the files. */
  scores: number[]
  /** Word counts of the scored documents (same order as scores): how long the calibration essays were. */
  words: number[]
  model: { name: string; version: string; sha256: string } | null
  total: number
  failed: number
  /** Too short, not English, or otherwise without a document probability. */
  notScored: number
  skipped: number
}

export interface ScoreOptions {
  /** Defaults to checking on this thread with the shipped resources. */
  engine?: CheckEngine
  operatingPoint?: OperatingPointName
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

/** Checks every document behind `paths` (files or folders) and keeps only the document probabilities. */
export async function scoreDocuments(paths: string[], options: ScoreOptions = {}): Promise<ScoredDocuments> {
  // Loaded lazily so that injecting an engine (tests, workers) never pulls in the whole check pipeline.
  const engine = options.engine ?? (await import('./calibration-engine')).defaultEngine()
  const out: ScoredDocuments = {
    scores: [],
    words: [],
    model: null,
    total: 0,
    failed: 0,
    notScored: 0,
    skipped: 0
  }
  try {
    // The same check session as every other check, with nothing kept and nothing but the detector's score
    // wanted (the shipped point, no calibration, no watermark profiles, no text).
    const session = new CheckSession(
      {
        operatingPoint: options.operatingPoint ?? DEFAULT_OPERATING_POINT,
        calibration: null,
        profileIds: [],
        includeText: false
      },
      { engine, store: null, reuse: false }
    )
    const { summary } = await session.run({
      batchId: 'calibrate',
      paths,
      signal: options.signal,
      sink: (event) => {
        if (event.type !== 'file-done') return
        const r = event.result
        const p = r.detector?.aiProbability
        if (r.error) out.failed++
        else if (typeof p === 'number' && Number.isFinite(p) && r.status === 'ok') {
          out.scores.push(p)
          out.words.push(r.words)
          out.model ??= r.detector?.model ?? null
        } else out.notScored++
        options.onProgress?.(event.done, event.total)
      }
    })
    out.total = summary.total
    out.skipped = summary.skipped.length
  } finally {
    if (!options.engine) await engine.close()
  }
  return out
}

export interface CalibrateRequest {
  name: string
  humanPaths: string[]
  aiPaths?: string[]
  targetFpr: number
  engine?: CheckEngine
  signal?: AbortSignal
  onProgress?: (phase: 'human' | 'ai', done: number, total: number) => void
  /** For tests; defaults to now. */
  createdAt?: string
}

export type CalibrateOutcome =
  | { ok: true; profile: CalibrationProfile; human: ScoredDocuments; ai: ScoredDocuments | null }
  | { ok: false; error: InkprintError; human?: ScoredDocuments }

/** Scores the folders and builds the profile. Errors come back as data with a plain message. */
export async function calibrateFromFolders(req: CalibrateRequest): Promise<CalibrateOutcome> {
  const human = await scoreDocuments(req.humanPaths, {
    engine: req.engine,
    signal: req.signal,
    onProgress: (d, t) => req.onProgress?.('human', d, t)
  })
  if (req.signal?.aborted)
    return { ok: false, error: errorFor('cancelled', 'Calibration was cancelled.'), human }
  if (human.scores.length === 0) {
    const why =
      human.total === 0
        ? 'No documents Inkprint can read were found in the human-essay folder.'
        : 'None of the human essays could be scored: they were too short, not in English or unreadable, ' +
          'or no detector model is installed.'
    return { ok: false, error: errorFor('empty', why), human }
  }
  const ai = req.aiPaths?.length
    ? await scoreDocuments(req.aiPaths, {
        engine: req.engine,
        signal: req.signal,
        onProgress: (d, t) => req.onProgress?.('ai', d, t)
      })
    : null
  if (req.signal?.aborted)
    return { ok: false, error: errorFor('cancelled', 'Calibration was cancelled.'), human }
  const model = human.model
  if (!model)
    return { ok: false, error: errorFor('internal', 'The detector did not report its model.'), human }
  if (ai?.model && ai.model.sha256 !== model.sha256) {
    return {
      ok: false,
      error: errorFor('internal', 'The human and AI folders were scored by different models.'),
      human
    }
  }
  const facts = await readModelFacts()
  const profile = buildCalibrationProfile({
    name: req.name,
    createdAt: req.createdAt ?? new Date().toISOString(),
    model,
    humanScores: human.scores,
    aiScores: ai?.scores ?? [],
    humanWords: human.words,
    targetFpr: req.targetFpr,
    modelCardFloor: facts?.sha256 === model.sha256 ? modelCardFloor(facts, req.targetFpr) : undefined,
    shippedDefault: facts?.sha256 === model.sha256 ? shippedDefault(facts) : undefined
  })
  return { ok: true, profile, human, ai }
}

/** The shipped setting new checks use without a calibration ("balanced"), as the bar a calibration is held to. */
export function shippedDefault(facts: ModelFacts | null): ModelCardFloor | undefined {
  const point = facts?.operatingPoints.find((p) => p.name === DEFAULT_OPERATING_POINT)
  return point ? { name: point.name, threshold: point.threshold, fpr: point.fpr } : undefined
}
