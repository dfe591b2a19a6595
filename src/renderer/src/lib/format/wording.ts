/**
 * The careful words the UI uses for numbers and verdicts. Kept in one pure module so every view says the same
 * thing and tests can pin the phrasing: Inkprint describes how writing reads, never what a student did.
 */
import type { DocumentResult, DocumentVerdict, OperatingPoint, PassageLabel } from '../../../../shared/types'

export const VERDICT_WORDS: Record<DocumentVerdict, string> = {
  'likely-ai': 'Reads like AI-generated writing',
  uncertain: 'Mixed or unclear signals',
  'likely-human': 'Reads like human writing',
  'too-short': 'Too short to judge reliably',
  'unsupported-language': 'Language not supported: Inkprint is trained on English'
}

export const PASSAGE_LABEL_WORDS: Record<PassageLabel, string> = {
  'likely-ai': 'Reads like AI',
  uncertain: 'Uncertain',
  'likely-human': 'Reads like human',
  'too-short': 'Too short to judge',
  'not-scored': 'Not scored'
}

/** 0.873 → "87%". Values under 1% or over 99% are written as "<1%" / ">99%": calibration is not that sharp. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  if (value > 0 && value < 0.01) return '<1%'
  if (value < 1 && value > 0.99) return '>99%'
  return `${Math.round(value * 100)}%`
}

/** "84%–95%"; when both ends round to the same text (e.g. ">99%") it is written once. */
export function formatInterval([low, high]: [number, number]): string {
  const a = formatPercent(low)
  const b = formatPercent(high)
  return a === b ? a : `${a}–${b}`
}

/** "1 in 100" for a rate of 0.01. Rounds to a friendly denominator. */
export function oneIn(rate: number): string {
  const n = 1 / rate
  const rounded = n >= 100 ? Math.round(n / 10) * 10 : Math.round(n)
  return `1 in ${rounded}`
}

/** The operating point's measured false-positive rate as a sentence a teacher can repeat. */
export function describeFalsePositiveRate(point: OperatingPoint): string {
  const where = point.measuredOn ? ` (measured on ${point.measuredOn})` : ''
  const upper = point.fprUpper > 0 ? `; at worst about ${oneIn(point.fprUpper)}` : ''
  if (point.fpr <= 0) {
    return `None of the human essays we tested were flagged at this setting${where}${upper}.`
  }
  return `About ${oneIn(point.fpr)} human essays is flagged at this setting${where}${upper}.`
}

/** 0.0333 → "3.3%": a school's calibration is read closely, so one decimal; whole numbers drop the ".0". */
export function formatRate(value: number): string {
  const tenths = Math.round(value * 1000) / 10
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)}%`
}

/** "calibrated on 30 essays, 'Year 10', FPR 3.3% [0.6–16.7%]" for an operating point set by a local calibration. */
export function describeCalibratedPoint(point: OperatingPoint): string | null {
  const c = point.calibration
  if (!c) return null
  const [low, high] = c.fprInterval
  return (
    `calibrated on ${c.n} essays, '${c.name}', FPR ${formatRate(point.fpr)} ` +
    `[${formatRate(low).replace('%', '')}–${formatRate(high)}]`
  )
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return 'under a second'
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  return `${minutes} min ${seconds % 60} s`
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  return `${hours} h ${minutes % 60} min`
}

/** The one-line status of a document in the class table. */
export function describeStatus(result: DocumentResult): string {
  switch (result.status) {
    case 'ok':
      return result.detector ? VERDICT_WORDS[result.detector.verdict] : 'Scores not available'
    case 'too-short':
      return VERDICT_WORDS['too-short']
    case 'unsupported':
      return result.error?.message ?? 'This file type is not supported'
    case 'error':
      return result.error?.message ?? 'The file could not be read'
  }
}
