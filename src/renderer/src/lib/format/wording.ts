/**
 * The careful words the UI uses for numbers and verdicts. Kept in one pure module so every view says the same
 * thing and tests can pin the phrasing: Inkprint describes how writing reads, never what a student did.
 */
import type { DocumentResult, OperatingPoint } from '../../../../shared/types'
import { formatRate, VERDICT_WORDS } from '../../../../shared/wording'
import { LIMITED_EVIDENCE_WORDS_TEXT, shownVerdict, type ShownVerdict } from '../../../../shared/reading'

// Numbers and verdict words are the reports' too: one home, shared/wording.ts.
export {
  describeFalsePositiveRate,
  formatInterval,
  formatMinutes,
  formatPercent,
  formatPValue,
  formatRate,
  oneIn,
  PASSAGE_LABEL_WORDS,
  plainMeasuredOn,
  VERDICT_WORDS
} from '../../../../shared/wording'

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
