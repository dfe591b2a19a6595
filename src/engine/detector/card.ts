/**
 * The model card (resources/models/detector.card.json) as the runtime reads it. Every threshold the app
 * uses comes from here, never from a literal, so retraining cannot silently desynchronise code and model.
 */
import { OPERATING_POINT_NAMES } from '../../shared/operating-points'
import type { HumanRate, OperatingPoint } from '../../shared/types'
import { FEATURIZER_VERSION, INPUT_DIM } from './featurize'
import { NORMALISER_VERSION } from './normalise'
import { STYLE_FEATURES, type StyleFeatureName } from './style'

export interface PlattParams {
  a: number
  b: number
  n: number
  /** Covariance of (a, b), for the probability interval. */
  cov: [[number, number], [number, number]]
}

export interface StyleReference {
  humanMean: number
  humanStd: number
  humanP10: number
  humanP90: number
  aiMean: number
  /** Model weight on the raw feature value (log-odds per unit). */
  weight: number
}

export interface CardOperatingPoint extends OperatingPoint {
  targetFpr: number
}

export interface DetectorCard {
  name: string
  version: string
  date: string
  sha256: string
  onnxFile: string
  licence: string
  featurizer: { version: number; inputDim: number; styleFeatures: string[]; normaliserVersion: number }
  calibration: { document: PlattParams; passage: PlattParams; assumedAiShare?: number }
  operatingPoints: CardOperatingPoint[]
  defaultOperatingPoint: string
  uncertainFloor: number
  tooShortWords: number
  /** Below this many words a document gets "limited evidence" instead of a verdict. */
  limitedEvidenceWords?: number
  passageThresholds: { likelyAi: number; likelyHuman: number }
  /** Sorted calibration logits of human documents per writer group (see humanRate). */
  humanTail?: { groups: Record<string, { n: number; quantiles: number[]; top: number[] }> }
  segmentation: { switchProbability: number }
  language: { minStopwordRatio: number; minWords: number }
  styleReference: Record<StyleFeatureName, StyleReference>
  metrics: Record<string, unknown>
}

export type CardCheck = { ok: true; card: DetectorCard } | { ok: false; message: string }

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function num(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

/** Validates the parts of the card the runtime depends on; the featurizer must match this build. */
export function checkCard(raw: unknown): CardCheck {
  if (!isRecord(raw)) return { ok: false, message: 'The model card is not a JSON object.' }
  const c = raw as unknown as DetectorCard
  if (typeof c.sha256 !== 'string' || c.sha256.length !== 64)
    return { ok: false, message: 'The model card has no sha256.' }
  if (
    !isRecord(c.featurizer) ||
    c.featurizer.version !== FEATURIZER_VERSION ||
    c.featurizer.normaliserVersion !== NORMALISER_VERSION ||
    c.featurizer.inputDim !== INPUT_DIM
  )
    return {
      ok: false,
      message: 'The model was trained with a different featurizer version than this app uses.'
    }
  const names = c.featurizer.styleFeatures
  if (!Array.isArray(names) || names.join(',') !== STYLE_FEATURES.join(','))
    return { ok: false, message: 'The model card lists different style features than this app computes.' }
  for (const p of [c.calibration?.document, c.calibration?.passage])
    if (!p || !num(p.a) || !num(p.b) || !Array.isArray(p.cov) || p.cov.length !== 2)
      return { ok: false, message: 'The model card has no calibration parameters.' }
  const ops = Array.isArray(c.operatingPoints) ? c.operatingPoints : []
  for (const name of OPERATING_POINT_NAMES)
    if (!ops.some((o) => o.name === name && num(o.threshold)))
      return { ok: false, message: `The model card has no "${name}" operating point.` }
  if (!num(c.tooShortWords) || !num(c.uncertainFloor) || !num(c.passageThresholds?.likelyAi))
    return { ok: false, message: 'The model card is missing thresholds.' }
  return { ok: true, card: c }
}

export function operatingPoint(card: DetectorCard, name: string): CardOperatingPoint {
  const found = card.operatingPoints.find((o) => o.name === name)
  const fallback = card.operatingPoints.find((o) => o.name === card.defaultOperatingPoint)
  const op = found ?? fallback ?? card.operatingPoints[0]
  if (!op) throw new Error('model card has no operating points') // checkCard guarantees this cannot happen
  return op
}

/**
 * Share of the card's calibration human documents scoring at least `logit`, in the writer group where that
 * share is highest (so no group's rate is understated). The top 50 scores of each group are stored exactly,
 * the rest as evenly spaced quantiles. When no human text of any group scored this high, the rate is "fewer
 * than 1 in n" with n all the calibration texts together.
 */
export function humanRate(card: DetectorCard, logit: number): HumanRate | null {
  const groups = Object.values(card.humanTail?.groups ?? {})
  if (groups.length === 0) return null
  let best: HumanRate | null = null
  let total = 0
  for (const g of groups) {
    total += g.n
    let above = g.top.filter((v) => v >= logit).length
    if (above === g.top.length && g.quantiles.length > 1) {
      // above the 51st-highest score: interpolate in the quantiles of the other n - 50
      const rest = g.n - g.top.length
      const below = g.quantiles.filter((v) => v < logit).length
      above += Math.round((rest * (g.quantiles.length - below)) / g.quantiles.length)
    }
    if (above === 0) continue
    // only groups where some human text scored this high speak; small groups cannot claim "fewer than 1 in n"
    const rate = above / g.n
    if (!best || rate > best.rate) best = { rate, n: g.n, belowResolution: false }
  }
  return best ?? { rate: 1 / (total + 1), n: total, belowResolution: true }
}
