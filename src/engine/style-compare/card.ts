/**
 * The style-comparison card (resources/style/style-compare.card.json): the reference spreads, the fitted
 * weights, the calibration distributions per number of known texts and the measured figures. Produced by
 * `npm run eval:style`; the app only reads it.
 */
import type { StyleReference } from './measures'

export interface StyleModel {
  /** Difference-vector entries, in order (DIFFERENCE_NAMES when the card was made). */
  names: string[]
  mean: number[]
  sd: number[]
  weights: number[]
  bias: number
}

export interface StyleCalibrationTable {
  /** Number of known texts this table was measured with (the last table serves any larger number). */
  knownTexts: number
  /** Sorted distances of same-writer pairs (calibration writers), subsampled to at most a few hundred. */
  same: number[]
  /** Sorted distances of different-writer pairs. */
  different: number[]
  /** Sizes the tails were computed from (before subsampling). */
  nSame: number
  nDifferent: number
  /** The app's setting: distance at or above which a text "stands out". */
  threshold: number
  /** Measured on held-out writers at that threshold. */
  falseAlarmRate: number
  falseAlarmInterval: [number, number]
  measuredOn: string
}

export interface StyleCompareCard {
  name: string
  version: string
  createdAt: string
  featuresVersion: number
  reference: StyleReference
  model: StyleModel
  minWords: { questioned: number; known: number; passage: number }
  /** Same-writer tail probability that sets each table's threshold (e.g. 0.05 = 1 in 20). */
  settingTail: number
  tables: StyleCalibrationTable[]
  limits: string[]
  /** Headline figures for the About page and the README, free-form. */
  figures: Record<string, unknown>
}

function isNumArray(x: unknown): x is number[] {
  return Array.isArray(x) && x.every((v) => typeof v === 'number' && Number.isFinite(v))
}

/** Validates a parsed card; returns a reason when it cannot be used. */
export function checkStyleCard(
  x: unknown
): { ok: true; card: StyleCompareCard } | { ok: false; reason: string } {
  if (typeof x !== 'object' || x === null) return { ok: false, reason: 'not an object' }
  const c = x as Partial<StyleCompareCard>
  if (!c.model || !isNumArray(c.model.weights) || !isNumArray(c.model.mean) || !isNumArray(c.model.sd))
    return { ok: false, reason: 'no model' }
  if (c.model.weights.length !== c.model.mean.length || c.model.weights.length !== c.model.sd.length)
    return { ok: false, reason: 'model sizes differ' }
  if (!c.reference || !isNumArray(c.reference.measureSd) || !isNumArray(c.reference.functionWordSd))
    return { ok: false, reason: 'no reference spreads' }
  if (!Array.isArray(c.tables) || c.tables.length === 0) return { ok: false, reason: 'no calibration tables' }
  for (const t of c.tables)
    if (!isNumArray(t.same) || !isNumArray(t.different) || t.same.length === 0 || t.different.length === 0)
      return { ok: false, reason: 'empty calibration table' }
  if (!c.minWords) return { ok: false, reason: 'no minimum lengths' }
  return { ok: true, card: c as StyleCompareCard }
}
