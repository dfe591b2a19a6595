/**
 * The careful words the UI uses for numbers and verdicts. Kept in one pure module so every view says the same
 * thing and tests can pin the phrasing: Inkprint describes how writing reads, never what a student did.
 */
import type { DocumentResult, OperatingPoint } from '../../../../shared/types'
import { formatPercent, oneIn, PASSAGE_LABEL_WORDS, VERDICT_WORDS } from '../../../../shared/wording'
import { LIMITED_EVIDENCE_WORDS_TEXT, shownVerdict, type ShownVerdict } from '../../../../shared/reading'

export { formatPercent, oneIn, PASSAGE_LABEL_WORDS, VERDICT_WORDS }

/** The verdict in words, including the short-text case the detector's own table may not name. */
export function verdictWords(verdict: ShownVerdict): string {
  return verdict === 'limited-evidence' ? LIMITED_EVIDENCE_WORDS_TEXT : VERDICT_WORDS[verdict]
}

/** "about 1 in 4 classes of 25" for a target rate: what a calibration target means in a teacher's terms. */
export function studentsPerClass(rate: number, classSize = 25): string {
  const perClass = rate * classSize
  if (perClass >= 1) {
    const n = Math.round(perClass * 10) / 10
    return `about ${n} honest student${n === 1 ? '' : 's'} in every class of ${classSize}`
  }
  const classes = Math.round(1 / perClass)
  return classes <= 1
    ? `about 1 honest student in every class of ${classSize}`
    : `about 1 honest student in every ${classes} classes of ${classSize}`
}

/** "84%–95%"; when both ends round to the same text (e.g. ">99%") it is written once. */
export function formatInterval([low, high]: [number, number]): string {
  const a = formatPercent(low)
  const b = formatPercent(high)
  return a === b ? a : `${a}–${b}`
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

/** The operating point's measured false-positive rate as a sentence a teacher can repeat. */
export function describeFalsePositiveRate(point: OperatingPoint): string {
  const where = point.measuredOn ? ` (measured on ${plainMeasuredOn(point.measuredOn)})` : ''
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

/** "'Year 10' (30 of your students’ essays): 3.3% of them flagged, likely between 0.6% and 16.7%". */
export function describeCalibratedPoint(point: OperatingPoint): string | null {
  const c = point.calibration
  if (!c) return null
  const [low, high] = c.fprInterval
  return (
    `'${c.name}' (${c.n} of your students’ essays): ${formatRate(point.fpr)} of them flagged, ` +
    `likely between ${formatRate(low)} and ${formatRate(high)}`
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
    case 'ok': {
      const verdict = shownVerdict(result)
      return verdict ? verdictWords(verdict) : 'Scores not available'
    }
    case 'too-short':
      return VERDICT_WORDS['too-short']
    case 'unsupported':
      return result.error?.message ?? 'This file type is not supported'
    case 'error':
      return result.error?.message ?? 'The file could not be read'
  }
}
