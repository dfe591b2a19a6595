/**
 * Confidence intervals for a binomial proportion k/n (here: a false- or true-positive rate). Both are stated
 * in the product because they answer slightly different questions: Wilson is the usual well-behaved
 * approximate interval; Clopper–Pearson is exact (never under-covers) and so more conservative.
 */
import { normalPpf } from '../watermark/stats/special'
import { inverseRegularizedIncompleteBeta } from './beta'

export interface ProportionInterval {
  /** Point estimate k / n (0 when n = 0). */
  estimate: number
  lower: number
  upper: number
}

export const DEFAULT_CONFIDENCE = 0.95

/** Two-sided normal quantile for a confidence level: 0.95 → 1.959964 (z_{1−α/2}). */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`)
  return normalPpf(1 - (1 - confidence) / 2)
}

/**
 * Wilson score interval (Wilson 1927; Brown, Cai & DasGupta 2001 eq. 4):
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²)
 * Unlike the Wald interval it stays inside [0, 1] and is not degenerate at k = 0, which is the case that
 * matters most for a false-positive rate. `z` defaults to the 95% two-sided value.
 */
export function wilsonInterval(
  k: number,
  n: number,
  z: number = zForConfidence(DEFAULT_CONFIDENCE)
): ProportionInterval {
  checkCounts(k, n)
  if (n === 0) return { estimate: 0, lower: 0, upper: 1 }
  const p = k / n
  const z2 = z * z
  const denom = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / denom
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  // At k = 0 (or n) the formula gives exactly p̂ at one end; clamp away floating-point dust.
  return {
    estimate: p,
    lower: k === 0 ? 0 : Math.max(0, centre - half),
    upper: k === n ? 1 : Math.min(1, centre + half)
  }
}

/**
 * Clopper–Pearson exact interval (Clopper & Pearson 1934), as Beta quantiles with α = 1 − confidence:
 *   lower = B⁻¹(α/2; k, n − k + 1)   (0 when k = 0)
 *   upper = B⁻¹(1 − α/2; k + 1, n − k)   (1 when k = n)
 */
export function clopperPearsonInterval(
  k: number,
  n: number,
  confidence: number = DEFAULT_CONFIDENCE
): ProportionInterval {
  checkCounts(k, n)
  if (n === 0) return { estimate: 0, lower: 0, upper: 1 }
  const alpha = 1 - confidence
  return {
    estimate: k / n,
    lower: k === 0 ? 0 : inverseRegularizedIncompleteBeta(alpha / 2, k, n - k + 1),
    upper: k === n ? 1 : inverseRegularizedIncompleteBeta(1 - alpha / 2, k + 1, n - k)
  }
}

function checkCounts(k: number, n: number): void {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`need integers 0 ≤ k ≤ n (got k=${k}, n=${n})`)
  }
}
