/**
 * Node-side adapter for the AI-text detector: loads detector.onnx + detector.card.json, verifies the card's
 * sha256 against the model file, and runs the pure engine (src/engine/detector/score.ts) with an
 * onnxruntime-node CPU session (one intra-op thread: the app scores many documents, not one big one).
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import type * as Ort from 'onnxruntime-node'
import type { ErrorCode, InkprintError, Passage } from '../shared/types'
import { checkCard, type DetectorCard } from '../engine/detector/card'
import type { SparseVector } from '../engine/detector/featurize'
import {
  scoreDocumentWith,
  type DocumentScore,
  type LinearOutput,
  type LinearScorer,
  type ScoreOptions
} from '../engine/detector/score'
import { disableOrtTelemetry } from './ort-telemetry'
import { throughOrtGate } from './batch/ort-gate'

type OrtModule = typeof Ort

/**
 * ONNX Runtime is loaded on first use, after its telemetry has been switched off (see ort-telemetry.ts), so no
 * process that checks documents ever starts it with telemetry on.
 */
function loadOrt(): OrtModule {
  disableOrtTelemetry()
  return createRequire(__filename)('onnxruntime-node') as OrtModule
}

export const DEFAULT_MODEL_DIR = resolve('resources/models')

export interface Detector {
  card: DetectorCard
  /** Raw linear output for a feature vector (exposed for tests and benchmarks). */
  scoreVector: LinearScorer
  /** With `clock`, the time spent inside ONNX Runtime is added to clock.inferMs (for stage timings). */
  scoreDocument(
    text: string,
    passages: Passage[],
    opts: ScoreOptions,
    clock?: { inferMs: number }
  ): Promise<DocumentScore>
  close(): Promise<void>
}

export class DetectorLoadError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
  }
}

async function readOrFail(path: string): Promise<Buffer> {
  try {
    return await readFile(path)
  } catch {
    throw new DetectorLoadError('not-found', `The detector model file is missing: ${path}`)
  }
}

function sessionScorer(ort: OrtModule, session: Ort.InferenceSession): LinearScorer {
  return async (vector: SparseVector): Promise<LinearOutput> => {
    const n = vector.indices.length
    const indices = new BigInt64Array(n)
    for (let i = 0; i < n; i++) indices[i] = BigInt(vector.indices[i] ?? 0)
    const out = await throughOrtGate(() =>
      session.run({
        indices: new ort.Tensor('int64', indices, [n]),
        values: new ort.Tensor('float32', vector.values, [n])
      })
    )
    const logit = out.logit?.data
    const contrib = out.contrib?.data
    if (!(logit instanceof Float32Array) || !(contrib instanceof Float32Array))
      throw new DetectorLoadError('internal', 'The detector model returned unexpected outputs.')
    return { logit: logit[0] ?? 0, contrib }
  }
}

function timed(scorer: LinearScorer, clock: { inferMs: number }): LinearScorer {
  return async (vector) => {
    const t0 = performance.now()
    try {
      return await scorer(vector)
    } finally {
      clock.inferMs += performance.now() - t0
    }
  }
}

/** Loads and verifies the detector. Rejects with DetectorLoadError (code 'not-found' | 'corrupt'). */
export async function loadDetector(modelDir: string = DEFAULT_MODEL_DIR): Promise<Detector> {
  const cardBytes = await readOrFail(join(modelDir, 'detector.card.json'))
  let parsed: unknown
  try {
    parsed = JSON.parse(cardBytes.toString('utf8'))
  } catch {
    throw new DetectorLoadError('corrupt', 'The detector model card is not valid JSON.')
  }
  const checked = checkCard(parsed)
  if (!checked.ok) throw new DetectorLoadError('corrupt', checked.message)
  const card = checked.card
  const modelBytes = await readOrFail(join(modelDir, card.onnxFile))
  const sha = createHash('sha256').update(modelBytes).digest('hex')
  if (sha !== card.sha256)
    throw new DetectorLoadError(
      'corrupt',
      'The detector model file does not match its model card (sha256 differs).'
    )
  const ort = loadOrt()
  const session = await throughOrtGate(() =>
    ort.InferenceSession.create(modelBytes, {
      executionProviders: ['cpu'],
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all'
    })
  )
  const scoreVector = sessionScorer(ort, session)
  return {
    card,
    scoreVector,
    scoreDocument: (text, passages, opts, clock) =>
      scoreDocumentWith(clock ? timed(scoreVector, clock) : scoreVector, card, text, passages, opts),
    close: () => throughOrtGate(() => session.release())
  }
}

/** Same as loadDetector, with the error returned as data for callers that prefer not to catch. */
export async function tryLoadDetector(
  modelDir: string = DEFAULT_MODEL_DIR
): Promise<{ ok: true; detector: Detector } | { ok: false; error: InkprintError }> {
  try {
    return { ok: true, detector: await loadDetector(modelDir) }
  } catch (e) {
    const code: ErrorCode = e instanceof DetectorLoadError ? e.code : 'internal'
    return { ok: false, error: { code, message: e instanceof Error ? e.message : String(e) } }
  }
}
