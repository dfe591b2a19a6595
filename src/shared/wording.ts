/**
 * The careful words and numbers shared by the app and the reports, so a teacher reads the same verdict, rate,
 * p-value, percentage and "1 in N" on screen and on paper. Inkprint describes how writing reads and how often that
 * reading is wrong; never what a student did. The screen (renderer/src/lib/format/wording.ts) and the reports
 * (engine/report/wording.ts) re-export these and add only what is theirs alone.
 */
import type { DocumentVerdict, OperatingPoint, PassageLabel } from './types'

export const VERDICT_WORDS: Record<DocumentVerdict, string> = {
  'likely-ai': 'Reads like AI-generated writing',
  uncertain: 'Mixed or unclear signals',
  'likely-human': 'Reads like human writing',
  'limited-evidence': 'Limited evidence: too short for a verdict',
  'not-prose': 'Not judged: mostly code, formulas or symbols, which the detector was not trained on',
  'too-short': 'Too short to judge reliably',
  'unsupported-language': 'Language not supported (the detector is trained on English)'
}

export const PASSAGE_LABEL_WORDS: Record<PassageLabel, string> = {
  'likely-ai': 'Reads like AI',
  uncertain: 'Uncertain',
  'likely-human': 'Reads like human',
  'too-short': 'Too short to judge',
  'not-scored': 'Not scored'
}

/**
 * A passage's label in words, to be read beside its number. A passage is shaded as AI only far above one half
 * (a long essay has many passages, and one of them can score high by chance), so an uncertain passage that leans
 * towards AI says so instead of "Uncertain · 97%", which reads as a contradiction.
 */
export function passageLabelWords(label: PassageLabel, probability: number | null): string {
  if (label === 'uncertain' && probability !== null && probability >= 0.5) return LEANS_AI_WORDS
  return PASSAGE_LABEL_WORDS[label]
}

export const LEANS_AI_WORDS = 'Leans AI, not enough on its own'

/** Why a passage that leans towards AI is not shaded: said wherever that label is explained. */
export const LEANS_AI_REASON =
  'One passage is shaded as AI only when its score is very high, because a long essay has many passages and one of them can score high by chance.'

/** A probability: 0.873 → "87%". Calibration is not sharp enough for more; extremes are "<1%" and ">99%". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  if (value > 0 && value < 0.01) return '<1%'
  if (value < 1 && value > 0.99) return '>99%'
  return `${Math.round(value * 100)}%`
}

/**
 * An error rate (false positives, detection), read closely: 0.005 → "0.5%", 0.026 → "2.6%", 0.03 → "3%",
 * 0.12 → "12%", and a small rate keeps one significant figure (0.0002 → "0.02%") instead of rounding to zero.
 */
export function formatRate(rate: number): string {
  const pct = rate * 100
  if (pct === 0) return '0%'
  if (pct < 0.1) return `${Number(pct.toPrecision(1))}%`
  if (pct < 10) return `${(Math.round(pct * 10) / 10).toFixed(1).replace(/\.0$/, '')}%`
  return `${Math.round(pct)}%`
}

/** "84%–95%" for a probability interval; when both ends read the same (e.g. ">99%") it is written once. */
export function formatInterval([low, high]: [number, number]): string {
  const a = formatPercent(low)
  const b = formatPercent(high)
  return a === b ? a : `${a}–${b}`
}

/** 2000 → "2,000"; 37 → "37"; 1234 → "1,200": two significant figures above 100, as an estimate deserves. */
export function friendlyCount(n: number): string {
  const rounded = n < 100 ? Math.round(n) : Number(n.toPrecision(2))
  return Math.max(1, rounded).toLocaleString('en-US')
}

const LARGE: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million']
]

/** A rate as "1 in N": 0.01 → "1 in 100", 0.0005 → "1 in 2,000", 3e-12 → "1 in 330 billion". */
export function oneIn(rate: number): string {
  if (!(rate > 0)) return 'less than 1 in a trillion'
  const n = 1 / rate
  if (n > 1e12) return 'less than 1 in a trillion'
  for (const [size, word] of LARGE) if (n >= size) return `1 in ${Number((n / size).toPrecision(2))} ${word}`
  return `1 in ${friendlyCount(n)}`
}

/**
 * p-values span many orders of magnitude: 3 significant digits down to 0.001 ("0.115"), then "2.1×10⁻⁴", and
 * "below 10⁻¹²" where double precision and the model's assumptions stop meaning much.
 */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return '—'
  if (p < 1e-12) return 'below 10⁻¹²'
  if (p >= 0.001) return p.toPrecision(3)
  let exponent = Math.floor(Math.log10(p))
  let mantissa = p / Math.pow(10, exponent)
  if (Number(mantissa.toFixed(1)) >= 10) {
    mantissa /= 10
    exponent += 1
  }
  const superscript = String(exponent)
    .split('')
    .map((ch) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(ch)] ?? '⁻')
    .join('')
  return `${mantissa.toFixed(1)}×10${superscript}`
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—'
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/** ISO → "2026-11-29 09:41 UTC". Pure: parses the given string, never reads the clock. Unparseable stays as is. */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
}

/**
 * Where a rate was measured, without statistics jargon: "held-out human student essays (test split, n=579; …)"
 * becomes "579 essays by students that the model never saw in training".
 */
export function plainMeasuredOn(measuredOn: string): string {
  // "n=4,400" is 4,400 essays: read the digits after a thousands separator too.
  const n = /test split, n=(\d[\d,]*)/.exec(measuredOn) ?? /n=(\d[\d,]*)/.exec(measuredOn)
  if (n)
    return `${Number(n[1].replace(/,/g, '')).toLocaleString('en-US')} essays by students that the model never saw in training`
  return measuredOn.replace(/\s*\([^)]*n=[^)]*\)/g, '')
}

/** The operating point's measured false-positive rate as a sentence a teacher can repeat (screen and paper). */
export function describeFalsePositiveRate(point: OperatingPoint): string {
  const where = point.measuredOn ? `, as measured on ${plainMeasuredOn(point.measuredOn)}` : ''
  const upper =
    point.fprUpper > 0 ? `; allowing for measurement uncertainty, at most about ${oneIn(point.fprUpper)}` : ''
  if (point.fpr <= 0) return `At this setting none of the human essays we tested was flagged${where}${upper}.`
  return `At this setting about ${oneIn(point.fpr)} human essays is flagged${where}${upper}.`
}
