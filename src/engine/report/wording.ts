/**
 * The careful words reports use. Inkprint describes how writing reads and how often that reading is wrong;
 * it never says what a student did. All numbers are formatted here so every section says the same thing.
 */
import type { DetectorSummary, OperatingPoint, Passage, PassageScore } from '../../shared/types'
import { aiPassageRuns } from '../../shared/reading'
import { formatPercent, oneIn, PASSAGE_LABEL_WORDS, VERDICT_WORDS } from '../../shared/wording'
import { formatPValue } from '../../shared/reading'

export { formatPercent, oneIn, PASSAGE_LABEL_WORDS, VERDICT_WORDS }

/** Error rates are small, so they keep one decimal: 0.0123 → "1.2%". */
export function formatRate(value: number): string {
  if (value > 0 && value < 0.001) return '<0.1%'
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`
}

/** p-values span many orders of magnitude: 3 significant digits, scientific below 0.001 (shared with the app). */
export { formatPValue }

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

/** The operating point's measured false-positive rate as a sentence a teacher can repeat. */
export function describeFalsePositiveRate(point: OperatingPoint): string {
  const where = point.measuredOn ? `, as measured on ${plainMeasuredOn(point.measuredOn)}` : ''
  const upper =
    point.fprUpper > 0 ? `; allowing for measurement uncertainty, at most about ${oneIn(point.fprUpper)}` : ''
  if (point.fpr <= 0) return `At this setting none of the human essays we tested was flagged${where}${upper}.`
  return `At this setting about ${oneIn(point.fpr)} human essays is flagged${where}${upper}.`
}

/** "held-out human student essays (test split, n=579; …)" → "579 essays by students that the model never saw in training". */
export function plainMeasuredOn(measuredOn: string): string {
  // The count may carry thousands separators ("n=4,400"): read all its digits, not just those before the comma.
  const n = /test split, n=(\d[\d,]*)/.exec(measuredOn) ?? /n=(\d[\d,]*)/.exec(measuredOn)
  if (n)
    return `${Number(n[1].replace(/,/g, '')).toLocaleString('en-US')} essays by students that the model never saw in training`
  return measuredOn
}

/** Passage indices are 0-based in results and 1-based for readers. */
export function passageRange(from: number, to: number): string {
  return from === to ? `Passage ${from + 1}` : `Passages ${from + 1}–${to + 1}`
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/**
 * The headline sentence, e.g. "Passages 3–5 (41% of the text) score like AI-generated writing; at this setting
 * about 1 in 100 human essays is flagged (…)." Describes the writing, never the writer.
 */
export function summarySentence(
  detector: DetectorSummary,
  passages?: readonly (Passage & { score?: PassageScore })[]
): string {
  // With the passages at hand, name only those whose own label reads like AI (never an uncertain neighbour).
  const ai = passages
    ? aiPassageRuns(passages).map(([fromPassage, toPassage]) => ({ fromPassage, toPassage }))
    : detector.segments.filter((s) => s.state === 'ai')
  const fpr = describeFalsePositiveRate(detector.operatingPoint)
  const fprLower = fpr.charAt(0).toLowerCase() + fpr.slice(1)
  if (ai.length === 0) {
    // A flagged document whose passages are each only uncertain: say why both are true, never contradict.
    if (detector.verdict === 'likely-ai')
      return `No passage on its own scores like AI-generated writing, but the text as a whole does (a whole essay carries more evidence than any one passage); ${fprLower}`
    return `No passage scores like AI-generated writing; ${fprLower}`
  }
  const ranges = ai.map((s) =>
    s.fromPassage === s.toPassage ? `${s.fromPassage + 1}` : `${s.fromPassage + 1}–${s.toPassage + 1}`
  )
  const count = ai.reduce((n, s) => n + s.toPassage - s.fromPassage + 1, 0)
  const share = detector.aiShare === null ? '' : ` (${formatPercent(detector.aiShare)} of the text)`
  const subject = `${count === 1 ? 'Passage' : 'Passages'} ${joinWords(ranges)}${share}`
  return `${subject} ${count === 1 ? 'scores' : 'score'} like AI-generated writing; ${fprLower}`
}

/** ISO → "2026-11-29 09:41 UTC". Pure: parses the given string, never reads the clock. Unparseable stays as is. */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
}
