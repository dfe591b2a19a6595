import { describe, expect, it } from 'vitest'
import {
  binomialCdf,
  clopperPearsonInterval,
  inverseRegularizedIncompleteBeta,
  regularizedIncompleteBeta,
  wilsonInterval,
  zForConfidence
} from '../../../../src/engine/stats'

// Reference values from scipy 1.17 (scipy.special.betainc, scipy.stats.beta.ppf, scipy.stats.norm.ppf).
describe('regularized incomplete beta', () => {
  const cases: [number, number, number, number][] = [
    [0.5, 2, 3, 0.6875], // by hand: I_½(2,3) = 11/16
    [0.1, 1, 5, 0.40951], // closed form 1 − 0.9⁵
    [0.3, 2.5, 4.5, 0.40653901668245934],
    [0.2, 0.5, 0.5, 0.2951672353008665], // (2/π) asin √0.2
    [0.4, 10, 20, 0.7853183897628262],
    [0.7, 100, 50, 0.8054481662277535],
    [0.9, 0.1, 0.2, 0.7804880320024469],
    [0.31, 300, 700, 0.7564186827315443]
  ]
  it.each(cases)('I_%s(%s, %s) = %s to 1e-9', (x, a, b, expected) => {
    expect(Math.abs(regularizedIncompleteBeta(x, a, b) - expected)).toBeLessThan(1e-9)
  })
  it('has exact ends and the symmetry I_x(a,b) = 1 − I_{1−x}(b,a)', () => {
    expect(regularizedIncompleteBeta(0, 3, 4)).toBe(0)
    expect(regularizedIncompleteBeta(1, 3, 4)).toBe(1)
    for (const x of [0.05, 0.3, 0.77]) {
      expect(regularizedIncompleteBeta(x, 3.5, 7)).toBeCloseTo(
        1 - regularizedIncompleteBeta(1 - x, 7, 3.5),
        12
      )
    }
  })
  it('inverts to the quantile', () => {
    for (const [q, a, b] of [
      [0.025, 1, 100],
      [0.975, 2, 99],
      [0.5, 0.5, 0.5],
      [0.9, 30, 3]
    ]) {
      const x = inverseRegularizedIncompleteBeta(q, a, b)
      expect(Math.abs(regularizedIncompleteBeta(x, a, b) - q)).toBeLessThan(1e-12)
    }
  })
  it('gives binomial tail probabilities', () => {
    // P(X ≤ 1 | n=10, p=0.2) = 0.8¹⁰ + 10·0.2·0.8⁹
    expect(binomialCdf(1, 10, 0.2)).toBeCloseTo(0.8 ** 10 + 10 * 0.2 * 0.8 ** 9, 12)
    expect(binomialCdf(0, 299, 0.01)).toBeCloseTo(0.99 ** 299, 12)
  })
})

describe('Wilson score interval', () => {
  it('uses z = 1.959964 for 95%', () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963984540054, 9)
    expect(zForConfidence(0.9)).toBeCloseTo(1.6448536269514722, 9)
  })
  it('0/40: [0, z²/(n+z²)] = [0, 0.0876]', () => {
    const w = wilsonInterval(0, 40)
    const z2 = 1.959963984540054 ** 2
    expect(w.lower).toBe(0)
    expect(w.upper).toBeCloseTo(z2 / (40 + z2), 12) // hand-derived closed form at k = 0
    expect(w.upper).toBeCloseTo(0.08762160119728665, 9)
  })
  it('1/100 and 5/20 match the textbook values', () => {
    const a = wilsonInterval(1, 100)
    expect(a.lower).toBeCloseTo(0.0017674320641406505, 9)
    expect(a.upper).toBeCloseTo(0.054486196178705315, 9)
    const b = wilsonInterval(5, 20)
    expect(b.estimate).toBe(0.25)
    expect(b.lower).toBeCloseTo(0.11186170140766569, 9)
    expect(b.upper).toBeCloseTo(0.468700877618744, 9)
  })
  it('accepts any z and widens with it', () => {
    const narrow = wilsonInterval(5, 20, 1)
    const wide = wilsonInterval(5, 20, 3)
    expect(wide.upper - wide.lower).toBeGreaterThan(narrow.upper - narrow.lower)
  })
  it('is [0, 1] with no data and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual({ estimate: 0, lower: 0, upper: 1 })
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError)
  })
})

describe('Clopper–Pearson exact interval', () => {
  it('0/40: upper = 1 − 0.025^(1/40)', () => {
    const cp = clopperPearsonInterval(0, 40)
    expect(cp.lower).toBe(0)
    expect(Math.abs(cp.upper - (1 - 0.025 ** (1 / 40)))).toBeLessThan(1e-9)
    expect(Math.abs(cp.upper - 0.08809730287880237)).toBeLessThan(1e-9)
  })
  it.each([
    [1, 100, 0.00025314603297742064, 0.054459385392080645],
    [5, 20, 0.08657146910143461, 0.49104587170795744],
    [3, 1000, 0.0006190999316495713, 0.008742023238478303],
    [10, 10, 0.6915028921812392, 1]
  ])('%s/%s matches scipy to 1e-9', (k, n, lo, hi) => {
    const cp = clopperPearsonInterval(k, n)
    expect(Math.abs(cp.lower - lo)).toBeLessThan(1e-9)
    expect(Math.abs(cp.upper - hi)).toBeLessThan(1e-9)
  })
  it('is wider than Wilson (exact intervals are conservative)', () => {
    const cp = clopperPearsonInterval(5, 20)
    const w = wilsonInterval(5, 20)
    expect(cp.upper).toBeGreaterThan(w.upper)
    expect(cp.lower).toBeLessThan(w.lower)
  })
})
