import { describe, expect, it } from 'vitest'
import {
  countFlagged,
  documentsNeededFor,
  fprTable,
  thresholdForTargetFpr
} from '../../../../src/engine/stats'

describe('threshold search', () => {
  const human = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.95] // n = 10

  it('with target 10% allows one false positive: the threshold is the 2nd-highest human (flag when above)', () => {
    const c = thresholdForTargetFpr(human, 0.1)
    expect(c.threshold).toBe(0.8)
    expect(c.falsePositives).toBe(1)
    expect(c.fpr.estimate).toBe(0.1)
    // and it is the smallest such threshold: anything below 0.8 flags two humans
    expect(countFlagged(human, 0.8 - 1e-12)).toBe(2)
  })
  it('with target below 1/n allows none', () => {
    const c = thresholdForTargetFpr(human, 0.05)
    expect(c.threshold).toBe(0.95)
    expect(c.falsePositives).toBe(0)
    expect(c.fpr.lower).toBe(0)
    expect(c.fpr.upper).toBeGreaterThan(0.05) // ten essays cannot show 5%
  })
  it('recounts when ties make the achieved FPR lower than allowed', () => {
    const c = thresholdForTargetFpr([0.9, 0.9, 0.9, 0.1], 0.5) // 2 allowed, but the 3 tie
    expect(c.falsePositives).toBe(0)
    expect(c.threshold).toBe(0.9)
  })
  it('reports TPR with an interval when AI scores are given', () => {
    const c = thresholdForTargetFpr(human, 0.1, { aiScores: [0.99, 0.9, 0.85, 0.8, 0.5] })
    expect(c.truePositives).toBe(3) // 0.8 itself is not above the threshold
    expect(c.nAi).toBe(5)
    expect(c.tpr?.estimate).toBe(0.6)
    expect(c.tpr?.lower).toBeLessThan(0.6)
  })
  it('handles 1% of 300 exactly (3 allowed, despite 0.01 × 300 = 2.9999…)', () => {
    const scores = Array.from({ length: 300 }, (_, i) => i / 300)
    expect(thresholdForTargetFpr(scores, 0.01).falsePositives).toBe(3)
  })
})

describe('FPR table', () => {
  it('has one row per distinct score, FPR falling as the threshold rises (flag when above)', () => {
    const rows = fprTable([0.1, 0.2, 0.2, 0.9], [0.5, 0.9])
    expect(rows.map((r) => r.threshold)).toEqual([0.1, 0.2, 0.5, 0.9])
    expect(rows.map((r) => r.falsePositives)).toEqual([3, 1, 1, 0])
    expect(rows.map((r) => r.tpr)).toEqual([1, 1, 0.5, 0])
    for (const r of rows) expect(r.fprUpper).toBeGreaterThanOrEqual(r.fpr)
  })
})

describe('documents needed', () => {
  it('1% at 95% with zero false positives: 299 essays (exact), the rule of three says 300', () => {
    expect(documentsNeededFor(0.01, 0.95)).toBe(299)
    expect(Math.abs(documentsNeededFor(0.01, 0.95) - 3 / 0.01)).toBeLessThanOrEqual(1)
    expect(documentsNeededFor(0.005)).toBe(598)
  })
  it('allowing one false positive needs more essays (scipy: 473)', () => {
    expect(documentsNeededFor(0.01, 0.95, 1)).toBe(473)
  })
  it('and zero false positives in that many essays does demonstrate the target', () => {
    const n = documentsNeededFor(0.02, 0.95)
    expect((1 - 0.02) ** n).toBeLessThanOrEqual(0.05)
    expect((1 - 0.02) ** (n - 1)).toBeGreaterThan(0.05)
  })
})
