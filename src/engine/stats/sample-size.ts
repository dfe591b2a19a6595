/**
 * How many known-human essays a school needs before its measured false-positive rate means anything.
 */
import { binomialCdf } from './beta'

/**
 * Smallest n such that observing at most `falsePositives` flagged essays out of n demonstrates
 * FPR ≤ targetFpr at the given one-sided confidence, i.e. the exact binomial test (the one-sided
 * Clopper–Pearson upper bound):  P(X ≤ k | n, target) ≤ 1 − confidence.
 * With k = 0 this is (1 − target)^n ≤ 1 − confidence, n ≥ ln(1 − conf) / ln(1 − target); the "rule of
 * three" (n ≥ 3 / target at 95%, Hanley & Lippman-Hand 1983) is its small-target approximation
 * (−ln 0.05 ≈ 3.0). Example: target 1%, 95% → 299 essays with no false positive (rule of three: 300).
 */
export function documentsNeededFor(targetFpr: number, confidence = 0.95, falsePositives = 0): number {
  if (!(targetFpr > 0 && targetFpr < 1))
    throw new RangeError(`target FPR must be in (0, 1), got ${targetFpr}`)
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`)
  if (!Number.isInteger(falsePositives) || falsePositives < 0)
    throw new RangeError('falsePositives must be a count')
  const alpha = 1 - confidence
  if (falsePositives === 0) return Math.ceil(Math.log(alpha) / Math.log1p(-targetFpr) - 1e-9)
  // The CDF falls monotonically in n: bracket by doubling, then bisect.
  const enough = (n: number): boolean => binomialCdf(falsePositives, n, targetFpr) <= alpha
  let hi = falsePositives + 1
  while (!enough(hi)) hi *= 2
  let lo = Math.floor(hi / 2)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (enough(mid)) hi = mid
    else lo = mid
  }
  return hi
}
