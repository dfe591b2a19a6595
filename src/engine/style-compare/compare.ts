/**
 * Compares a checked text with a student's known writing: one calibrated distance, its place among same-writer
 * and different-writer pairs ("1 time in N"), the concrete differences in words, and the passages that differ
 * most. Pure.
 */
import type { StyleComparison, StyleDifference } from '../../shared/types'
import type { StyleCompareCard, StyleCalibrationTable } from './card'
import { FUNCTION_WORDS, mergeCounts, styleCounts, type StyleCounts } from './features'
import { MEASURES, differenceVector, transformed, type MeasureDef } from './measures'

export const STYLE_LIMITS: readonly string[] = [
  'Topic, genre and task change style: a letter and an essay by the same student differ more than two essays.',
  'Time between texts changes style: students improve, and a year-old text is weaker evidence.',
  'Help changes style: a tutor, a parent, a spelling or grammar checker, or an exam room versus home.',
  'A text that stands out is a reason to talk with the student, not proof that someone else wrote it.'
]

/** Distance of a questioned text from known writing: the model's log-odds of "different writer". */
export function styleDistance(q: StyleCounts, known: StyleCounts, card: StyleCompareCard): number {
  const x = differenceVector(q, known, card.reference)
  const { mean, sd, weights, bias } = card.model
  let s = bias
  for (let i = 0; i < weights.length; i++) s += weights[i] * (((x[i] ?? 0) - mean[i]) / (sd[i] || 1))
  return s
}

/** Share of sorted `values` at or above `x`, with the +1 rule so it is never 0. */
function tail(sorted: readonly number[], x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] < x) lo = mid + 1
    else hi = mid
  }
  return (sorted.length - lo + 1) / (sorted.length + 1)
}

export function tableFor(card: StyleCompareCard, knownTexts: number): StyleCalibrationTable {
  const sorted = [...card.tables].sort((a, b) => a.knownTexts - b.knownTexts)
  let chosen = sorted[0]
  for (const t of sorted) if (t.knownTexts <= knownTexts) chosen = t
  return chosen
}

function fmt(v: number, unit: MeasureDef['unit']): string {
  if (unit === 'share') return `${Math.round(v * 50)} of 50`
  if (unit === 'per100') return v >= 10 ? v.toFixed(0) : v.toFixed(1)
  return v.toFixed(1)
}

function unitWords(unit: MeasureDef['unit']): string {
  return unit === 'per100'
    ? ' per 100 words'
    : unit === 'words'
      ? ' words'
      : unit === 'letters'
        ? ' letters'
        : unit === 'sentences'
          ? ' sentences'
          : ''
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** The measures (and function words) that differ most, in words; only differences of at least `minZ`. */
export function styleDifferences(
  q: StyleCounts,
  known: StyleCounts,
  card: StyleCompareCard,
  max = 4,
  minZ = 1
): StyleDifference[] {
  const out: StyleDifference[] = []
  MEASURES.forEach((m, i) => {
    const a = m.value(q)
    const b = m.value(known)
    if (a === null || b === null) return
    const z = (transformed(m, a) - transformed(m, b)) / (card.reference.measureSd[i] || 1)
    if (!Number.isFinite(z)) return
    const u = unitWords(m.unit)
    out.push({
      feature: m.key,
      text: `${capital(m.label)}: ${fmt(a, m.unit)}${u} here, ${fmt(b, m.unit)}${u} in the known writing`,
      questioned: a,
      known: b,
      z
    })
  })
  FUNCTION_WORDS.forEach((w, i) => {
    if (q.words === 0 || known.words === 0) return
    const a = (100 * q.functionWords[i]) / q.words
    const b = (100 * known.functionWords[i]) / known.words
    const z = (Math.sqrt(a / 100) - Math.sqrt(b / 100)) / (card.reference.functionWordSd[i] || 1)
    if (!Number.isFinite(z) || (a < 0.3 && b < 0.3)) return
    out.push({
      feature: `fw.${w}`,
      text: `“${w}”: ${a.toFixed(1)} per 100 words here, ${b.toFixed(1)} in the known writing`,
      questioned: a,
      known: b,
      z
    })
  })
  return out
    .filter((d) => Math.abs(d.z) >= minZ)
    .sort((x, y) => Math.abs(y.z) - Math.abs(x.z))
    .slice(0, max)
}

function oneIn(p: number): number {
  return Math.max(1, Math.round(1 / p))
}

export interface ComparePassage {
  index: number
  text: string
  words: number
}

export interface CompareInput {
  student: string | null
  /** Counts of each known text (stored profiles), one per text. */
  known: readonly StyleCounts[]
  /** The checked text and its passages. */
  text: string
  passages: readonly ComparePassage[]
}

function base(input: CompareInput, knownWords: number): StyleComparison {
  return {
    status: 'no-known-writing',
    student: input.student,
    knownTexts: input.known.length,
    knownWords,
    distance: null,
    sameWriterOneIn: null,
    differentWriterOneIn: null,
    standsOut: false,
    setting: null,
    differences: [],
    passages: [],
    message: '',
    limits: [...STYLE_LIMITS]
  }
}

/** The whole comparison for one checked text. */
export function compareWithKnown(input: CompareInput, card: StyleCompareCard): StyleComparison {
  const knownWords = input.known.reduce((n, k) => n + k.words, 0)
  const out = base(input, knownWords)
  if (input.known.length === 0 || input.student === null) {
    out.message =
      input.student === null
        ? 'No student matched this file, so there is no known writing to compare with. Choose the student by hand.'
        : `No known writing of ${input.student} has been added. Add earlier essays or in-class writing to compare.`
    return out
  }
  if (knownWords < card.minWords.known) {
    out.status = 'too-little-known-writing'
    out.message = `Only ${knownWords} words of ${input.student}'s known writing; at least ${card.minWords.known} are needed, ideally two or three texts of essay length.`
    return out
  }
  const q = styleCounts(input.text)
  if (q.words < card.minWords.questioned) {
    out.status = 'too-short'
    out.message = `This text has ${q.words} words; the style comparison needs at least ${card.minWords.questioned}.`
    return out
  }
  const known = mergeCounts(input.known)
  const distance = styleDistance(q, known, card)
  const table = tableFor(card, input.known.length)
  out.status = 'compared'
  out.distance = Math.round(distance * 1000) / 1000
  out.sameWriterOneIn = oneIn(tail(table.same, distance))
  out.differentWriterOneIn = oneIn(tail(table.different, distance))
  out.standsOut = distance >= table.threshold
  out.setting = {
    falseAlarmRate: table.falseAlarmRate,
    falseAlarmInterval: table.falseAlarmInterval,
    threshold: table.threshold,
    measuredOn: table.measuredOn
  }
  out.differences = styleDifferences(q, known, card)
  out.passages = input.passages
    .filter((p) => p.words >= card.minWords.passage)
    .map((p) => {
      const pc = styleCounts(p.text)
      return { index: p.index, distance: Math.round(styleDistance(pc, known, card) * 1000) / 1000, pc }
    })
    .sort((a, b) => b.distance - a.distance)
    .slice(0, 3)
    .map(({ index, distance: d, pc }) => ({
      index,
      distance: d,
      differences: styleDifferences(pc, known, card, 3)
    }))
  const texts = `${input.known.length} known text${input.known.length === 1 ? '' : 's'} (${knownWords} words)`
  const nSame = out.sameWriterOneIn
  const nDiff = out.differentWriterOneIn
  out.message = out.standsOut
    ? `This text stands out from ${input.student}'s ${texts}: texts by the same student differ this much about 1 time in ${nSame}; texts by different writers about 1 time in ${nDiff}.`
    : `This text is within the range of ${input.student}'s ${texts}: texts by the same student differ this much about 1 time in ${nSame}; texts by different writers about 1 time in ${nDiff}.`
  return out
}
