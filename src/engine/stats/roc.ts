/**
 * ROC curves and the area under them. Convention throughout: a document is flagged when its score is
 * ≥ the threshold; label 1 = AI (positive), 0 = human (negative).
 */

export interface RocPoint {
  /** Flag when score ≥ threshold. +Infinity for the (0, 0) corner. */
  threshold: number
  fpr: number
  tpr: number
}

export type BinaryLabel = 0 | 1

function checkInputs(scores: readonly number[], labels: readonly BinaryLabel[]): void {
  if (scores.length !== labels.length) throw new RangeError('scores and labels differ in length')
  if (scores.some((s) => Number.isNaN(s))) throw new RangeError('scores contain NaN')
}

/**
 * ROC points at every distinct score, highest threshold first (Fawcett 2006, Algorithm 2). Tied scores are
 * one step, so a tie between a human and an AI text is a diagonal segment rather than an arbitrary
 * staircase that depends on input order. Starts at (0, 0) and ends at (1, 1); FPR and TPR never decrease.
 * With no positives (or no negatives) that axis stays at 0.
 */
export function rocCurve(scores: readonly number[], labels: readonly BinaryLabel[]): RocPoint[] {
  checkInputs(scores, labels)
  const positives = labels.filter((l) => l === 1).length
  const negatives = labels.length - positives
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a])
  const points: RocPoint[] = [{ threshold: Number.POSITIVE_INFINITY, fpr: 0, tpr: 0 }]
  let tp = 0
  let fp = 0
  for (let i = 0; i < order.length; i++) {
    const idx = order[i]
    if (labels[idx] === 1) tp++
    else fp++
    const next = order[i + 1]
    if (next !== undefined && scores[next] === scores[idx]) continue // finish the tie group first
    points.push({
      threshold: scores[idx],
      fpr: negatives ? fp / negatives : 0,
      tpr: positives ? tp / positives : 0
    })
  }
  return points
}

/** Area under a polyline of ROC points by the trapezoid rule: Σ (x_i − x_{i−1}) (y_i + y_{i−1}) / 2. */
export function trapezoidArea(points: readonly Pick<RocPoint, 'fpr' | 'tpr'>[]): number {
  let area = 0
  for (let i = 1; i < points.length; i++) {
    area += ((points[i].fpr - points[i - 1].fpr) * (points[i].tpr + points[i - 1].tpr)) / 2
  }
  return area
}

/**
 * AUROC as the Mann–Whitney statistic: P(score_AI > score_human) + ½ P(tie) (Hanley & McNeil 1982).
 * Computed from mid-ranks: U = R₁ − n₁(n₁ + 1)/2, AUC = U / (n₁ n₀), which is O(n log n) and equals the
 * trapezoid area under `rocCurve`. Null when either class is empty (the area is undefined).
 */
export function auroc(scores: readonly number[], labels: readonly BinaryLabel[]): number | null {
  checkInputs(scores, labels)
  const n1 = labels.filter((l) => l === 1).length
  const n0 = labels.length - n1
  if (n1 === 0 || n0 === 0) return null
  const ranks = midRanks(scores)
  let rankSumPositives = 0
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) rankSumPositives += ranks[i]
  return (rankSumPositives - (n1 * (n1 + 1)) / 2) / (n1 * n0)
}

/** 1-based ranks in ascending order; tied values all get the mean of the ranks they span. */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b])
  const ranks = new Array<number>(values.length)
  let i = 0
  while (i < order.length) {
    let j = i
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++
    const mid = (i + j) / 2 + 1
    for (let t = i; t <= j; t++) ranks[order[t]] = mid
    i = j + 1
  }
  return ranks
}
