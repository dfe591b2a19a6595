/**
 * The one document verdict rule. The detector applies it at the operating point it was asked for, re-judging
 * applies it at another shipped point, and a school's calibration applies it at its own threshold: the same
 * probability and threshold always give the same verdict, wherever it is decided.
 */
import type { DetectorSummary, DocumentVerdict, OperatingPoint } from '../../shared/types'

/**
 * Verdicts that say why there is no threshold verdict (too short, not English, not prose, too little evidence):
 * no threshold changes them.
 */
const WITHOUT_THRESHOLD: ReadonlySet<DocumentVerdict> = new Set<DocumentVerdict>([
  'too-short',
  'unsupported-language',
  'not-prose',
  'limited-evidence'
])

export interface VerdictInput {
  /** The calibrated document AI probability. */
  probability: number
  /** The operating point's threshold: above it, the document is flagged. */
  threshold: number
  /** Above this (and at most the threshold, and one half) the verdict is "uncertain" (the card's, or a calibration's). */
  uncertainFloor: number
}

/**
 * "Likely AI" above the threshold and above one half (so a low calibrated threshold can never put "likely AI"
 * beside a probability under 50%); "uncertain" above the uncertain floor (never above the threshold, and never
 * below one half, so "likely human" is only said of probabilities under one half); "likely human" otherwise.
 *
 * A document is judged on all of its text, so it can read like AI when no single passage clears the passage
 * line, which is far stricter because a long essay has many passages. Such a verdict is explained beside it
 * ("no passage on its own … the text as a whole does"), not withdrawn: withdrawing it cut the share of the
 * audit set's AI essays caught at the default setting from 70% to 31% (225 → 99 of 320), far below what the
 * card's measured rates promise.
 */
export function decideVerdict(v: VerdictInput): DocumentVerdict {
  if (v.probability > v.threshold && v.probability > 0.5) return 'likely-ai'
  if (v.probability > Math.min(v.uncertainFloor, v.threshold, 0.5)) return 'uncertain'
  return 'likely-human'
}

/** True when the summary's verdict does not depend on a threshold (see WITHOUT_THRESHOLD) or there is no score. */
export function verdictWithoutThreshold(
  summary: Pick<DetectorSummary, 'verdict' | 'aiProbability'>
): boolean {
  return WITHOUT_THRESHOLD.has(summary.verdict) || summary.aiProbability === null
}

/** The summary judged at `point` by the one rule; a verdict that does not depend on the threshold is kept. */
export function judgeAt(
  summary: DetectorSummary,
  point: OperatingPoint,
  uncertainFloor: number
): DetectorSummary {
  const p = summary.aiProbability
  const verdict =
    verdictWithoutThreshold(summary) || p === null
      ? summary.verdict
      : decideVerdict({
          probability: p,
          threshold: point.threshold,
          uncertainFloor
        })
  return { ...summary, operatingPoint: point, verdict }
}
