/**
 * The careful words reports use. Inkprint describes how writing reads and how often that reading is wrong;
 * it never says what a student did. All numbers are formatted here so every section says the same thing.
 */
import type { DetectorSummary, Passage, PassageScore } from '../../shared/types'
import { aiPassageRuns } from '../../shared/reading'
import { describeFalsePositiveRate, formatPercent } from '../../shared/wording'

// Numbers and verdict words are the screen's too: one home, shared/wording.ts.
export {
  describeFalsePositiveRate,
  formatBytes,
  formatDateTime,
  formatMinutes,
  formatPercent,
  formatPValue,
  formatRate,
  oneIn,
  PASSAGE_LABEL_WORDS,
  plainMeasuredOn,
  VERDICT_WORDS
} from '../../shared/wording'

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
