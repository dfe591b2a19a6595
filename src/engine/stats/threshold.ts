/**
 * Choosing a document threshold from known-human (and optionally known-AI) scores. A document is flagged
 * when its score is strictly ABOVE the threshold: the detector's own verdict rule
 * (src/engine/detector/verdict.ts decideVerdict, and detlib.py), so a threshold chosen here means the
 * same thing when the app applies it.
 */
import { DEFAULT_CONFIDENCE, wilsonInterval, zForConfidence, type ProportionInterval } from './intervals'

export interface ThresholdChoice {
  threshold: number
  /** Human documents above the threshold. */
  falsePositives: number
  nHuman: number
  /** Empirical FPR with its Wilson interval. */
  fpr: ProportionInterval
  /** Present when AI scores were given. */
  truePositives?: number
  nAi?: number
  tpr?: ProportionInterval
}

export interface FprTableRow {
  threshold: number
  falsePositives: number
  fpr: number
  fprLower: number
  fprUpper: number
  tpr?: number
}

/** How many documents a threshold flags: score > threshold. */
export function countFlagged(scores: readonly number[], threshold: number): number {
  let n = 0
  for (const s of scores) if (s > threshold) n++
  return n
}

/**
 * The smallest threshold whose empirical FPR on the human scores is ≤ target. With k = ⌊target·n⌋ false
 * positives allowed (k < n since target < 1) and h₍ₖ₊₁₎ the (k+1)-th highest human score, t = h₍ₖ₊₁₎ flags
 * at most k humans (only scores strictly above it) and every t < h₍ₖ₊₁₎ flags at least k + 1, so h₍ₖ₊₁₎ is
 * the answer. Ties at h₍ₖ₊₁₎ can make the achieved FPR lower than k/n; it is recounted, never assumed.
 */
export function thresholdForTargetFpr(
  humanScores: readonly number[],
  targetFpr: number,
  options: { aiScores?: readonly number[]; confidence?: number } = {}
): ThresholdChoice {
  if (humanScores.length === 0) throw new RangeError('need at least one human score')
  if (!(targetFpr >= 0 && targetFpr < 1))
    throw new RangeError(`target FPR must be in [0, 1), got ${targetFpr}`)
  const z = zForConfidence(options.confidence ?? DEFAULT_CONFIDENCE)
  const n = humanScores.length
  // 1e-9: 0.01 × 300 must allow 3, not 2.9999999999999996; at most n − 1 so an index exists
  const allowed = Math.min(n - 1, Math.floor(targetFpr * n + 1e-9))
  const descending = [...humanScores].sort((a, b) => b - a)
  const threshold = descending[allowed]
  const falsePositives = countFlagged(humanScores, threshold)
  const choice: ThresholdChoice = {
    threshold,
    falsePositives,
    nHuman: n,
    fpr: wilsonInterval(falsePositives, n, z)
  }
  if (options.aiScores && options.aiScores.length > 0) {
    const tp = countFlagged(options.aiScores, threshold)
    choice.truePositives = tp
    choice.nAi = options.aiScores.length
    choice.tpr = wilsonInterval(tp, options.aiScores.length, z)
  }
  return choice
}

/**
 * FPR (with Wilson interval) and TPR at every distinct score used as a threshold (flag when above), ascending. This is the
 * table a school reads to pick its own operating point; it contains numbers only, never texts.
 */
export function fprTable(
  humanScores: readonly number[],
  aiScores: readonly number[] = [],
  confidence = DEFAULT_CONFIDENCE
): FprTableRow[] {
  const z = zForConfidence(confidence)
  const thresholds = [...new Set([...humanScores, ...aiScores])].sort((a, b) => a - b)
  const human = [...humanScores].sort((a, b) => a - b)
  const ai = [...aiScores].sort((a, b) => a - b)
  return thresholds.map((t) => {
    const fp = human.length - upperBound(human, t)
    const w = wilsonInterval(fp, human.length, z)
    const row: FprTableRow = {
      threshold: t,
      falsePositives: fp,
      fpr: w.estimate,
      fprLower: w.lower,
      fprUpper: w.upper
    }
    if (ai.length > 0) row.tpr = (ai.length - upperBound(ai, t)) / ai.length
    return row
  })
}

/** Index of the first element > x in an ascending array (so length − index elements exceed x). */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}
