import { describe, expect, it } from 'vitest'
import { auroc, midRanks, rocCurve, trapezoidArea, type BinaryLabel } from '../../../../src/engine/stats'

/** Brute-force Mann–Whitney: count pairs, ties ½. */
function pairwiseAuc(scores: number[], labels: BinaryLabel[]): number {
  let wins = 0
  let pairs = 0
  for (let i = 0; i < scores.length; i++) {
    for (let j = 0; j < scores.length; j++) {
      if (labels[i] !== 1 || labels[j] !== 0) continue
      pairs++
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0
    }
  }
  return wins / pairs
}

describe('AUROC', () => {
  it('is 1 for perfect separation, 0 for inverted, 0.5 for all tied', () => {
    expect(auroc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1)
    expect(auroc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0)
    expect(auroc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5)
  })
  it('counts a tie as ½: hand-computed small case', () => {
    // AI {0.8, 0.5}, human {0.5, 0.2}: pairs (0.8>0.5)=1, (0.8>0.2)=1, (0.5=0.5)=½, (0.5>0.2)=1 → 3.5/4
    expect(auroc([0.8, 0.5, 0.5, 0.2], [1, 1, 0, 0])).toBe(0.875)
    // AI {0.3, 0.3, 0.7}, human {0.3, 0.1}: 0.3 vs 0.3 ½ twice, 0.3>0.1 twice, 0.7 beats both → 5/6
    expect(auroc([0.3, 0.3, 0.7, 0.3, 0.1], [1, 1, 1, 0, 0])).toBeCloseTo(5 / 6, 15)
  })
  it('equals the brute-force pair count and the trapezoid area under the ROC curve', () => {
    let seed = 7
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + Math.floor(rand() * 40)
      const scores = Array.from({ length: n }, () => Math.round(rand() * 8) / 8) // coarse → many ties
      const labels = Array.from({ length: n }, (_, i) =>
        i < 2 ? (i as BinaryLabel) : rand() < 0.5 ? 1 : 0
      ) as BinaryLabel[]
      const a = auroc(scores, labels)
      expect(a).toBeCloseTo(pairwiseAuc(scores, labels), 12)
      expect(trapezoidArea(rocCurve(scores, labels))).toBeCloseTo(a ?? NaN, 12)
    }
  })
  it('is null when a class is missing', () => {
    expect(auroc([0.1, 0.2], [0, 0])).toBeNull()
  })
  it('mid-ranks ties', () => {
    expect(midRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4])
  })
})

describe('ROC curve', () => {
  it('runs from (0,0) to (1,1), monotone, one point per distinct score', () => {
    const scores = [0.9, 0.7, 0.7, 0.4, 0.4, 0.4, 0.1]
    const labels: BinaryLabel[] = [1, 1, 0, 1, 0, 0, 0]
    const pts = rocCurve(scores, labels)
    expect(pts[0]).toEqual({ threshold: Number.POSITIVE_INFINITY, fpr: 0, tpr: 0 })
    expect(pts.at(-1)).toMatchObject({ fpr: 1, tpr: 1 })
    expect(pts.map((p) => p.threshold).slice(1)).toEqual([0.9, 0.7, 0.4, 0.1])
    for (let i = 1; i < pts.length; i++) {
      expect(pts[i].fpr).toBeGreaterThanOrEqual(pts[i - 1].fpr)
      expect(pts[i].tpr).toBeGreaterThanOrEqual(pts[i - 1].tpr)
      expect(pts[i].threshold).toBeLessThan(pts[i - 1].threshold)
    }
    // At threshold 0.7 (flag ≥ 0.7): AI 2/3 flagged, human 1/4 — the tie is one diagonal step, not two.
    expect(pts[2]).toEqual({ threshold: 0.7, fpr: 0.25, tpr: 2 / 3 })
  })
  it('does not depend on the input order of tied scores', () => {
    const a = rocCurve([0.5, 0.5, 0.2], [1, 0, 0])
    const b = rocCurve([0.5, 0.5, 0.2], [0, 1, 0])
    expect(a).toEqual(b)
  })
})
