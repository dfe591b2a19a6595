/**
 * The statistical tests behind every watermark p-value. Each function names the null distribution it assumes
 * and the paper equation it implements. Tails are summed in log space so that p-values far below 1e-300 do
 * not underflow to a misleading 0 before they are reported.
 */
import { logGamma, logGammaIncUpper, logNormalSf } from './special'

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1)
}

/** ln(Σ exp(terms)) without overflow. */
function logSumExp(terms: number[]): number {
  let max = -Infinity
  for (const t of terms) if (t > max) max = t
  if (max === -Infinity) return -Infinity
  let sum = 0
  for (const t of terms) sum += Math.exp(t - max)
  return max + Math.log(sum)
}

/**
 * KGW z-score, Kirchenbauer et al. 2023 (ICML), the soft-watermark detection statistic
 *   z = (|s|_G − γT) / sqrt(T γ (1−γ))   (|s|_G green tokens among T scored).
 * It is the normal approximation of the binomial null below; we report it, but not its tail, as the p-value.
 */
export function kgwZScore(green: number, scored: number, gamma: number): number {
  return (green - gamma * scored) / Math.sqrt(scored * gamma * (1 - gamma))
}

/**
 * ln P(X ≥ k) for X ~ Binomial(n, p): the exact null of KGW with distinct n-grams (each scored token is green
 * with probability γ independently; Kirchenbauer et al. 2023; Fernandez et al. 2023 "Three Bricks" give the exact
 *   p = P(X ≥ |s|_G) = I_γ(|s|_G, T − |s|_G + 1)   (their code: `betainc(k, 1+n−k, γ)`)),
 * and of the SynthID mean score (ones among depth·n g-values, each Bernoulli(½) under H0; Dathathri et al. 2024).
 */
export function logBinomialSf(k: number, n: number, p: number): number {
  if (k <= 0) return 0
  if (k > n) return -Infinity
  if (p <= 0) return -Infinity
  if (p >= 1) return 0
  const logP = Math.log(p)
  const logQ = Math.log1p(-p)
  const terms: number[] = []
  // ln pmf(k) once, then the ratio pmf(i+1)/pmf(i) = (n−i)/(i+1) · p/(1−p)
  let term = logChoose(n, k) + k * logP + (n - k) * logQ
  for (let i = k; i <= n; i++) {
    terms.push(term)
    term += Math.log((n - i) / (i + 1)) + logP - logQ
    if (i > n * p && term < terms[0] - 800) break // the rest cannot change a double
  }
  return logSumExp(terms)
}

export function binomialSf(k: number, n: number, p: number): number {
  return Math.exp(logBinomialSf(k, n, p))
}

/**
 * ln P(X ≥ k) for X ~ Hypergeometric(population N, K successes, n draws). The exact null of Unigram's
 * `unidetect` (Zhao et al. 2024: the m distinct tokens are drawn without replacement from V, of which a fixed γV
 * are green), P(X ≥ g) = Σ_{i≥g} C(γV, i) C(V−γV, m−i) / C(V, m); the reference only gives the normal
 * approximation with the finite-population correction τ = sqrt(1 − (m−1)/(V−1)) Φ⁻¹(1−α).
 */
export function logHypergeometricSf(k: number, N: number, K: number, n: number): number {
  const lowest = Math.max(0, n - (N - K))
  const highest = Math.min(n, K)
  if (k <= lowest) return 0
  if (k > highest) return -Infinity
  let term = logHypergeometricPmf(k, N, K, n)
  const terms: number[] = []
  for (let i = k; i <= highest; i++) {
    terms.push(term)
    term += Math.log(((K - i) * (n - i)) / ((i + 1) * (N - K - n + i + 1)))
    if (term < terms[0] - 800) break
  }
  return logSumExp(terms)
}

/**
 * ln pmf(k) = ln C(n,k) + Σ_{i<k} ln((K−i)/(N−i)) + Σ_{j<n−k} ln((N−K−j)/(N−k−j)).
 * The product form avoids subtracting three huge ln Γ(N) values (which costs ~1e-10 relative at N = 50k).
 */
function logHypergeometricPmf(k: number, N: number, K: number, n: number): number {
  if (n > 200_000) return logChoose(K, k) + logChoose(N - K, n - k) - logChoose(N, n)
  let sum = logChoose(n, k)
  for (let i = 0; i < k; i++) sum += Math.log((K - i) / (N - i))
  for (let j = 0; j < n - k; j++) sum += Math.log((N - K - j) / (N - k - j))
  return sum
}

export function hypergeometricSf(k: number, N: number, K: number, n: number): number {
  return Math.exp(logHypergeometricSf(k, N, K, n))
}

/**
 * Aaronson / Gumbel-max null (Aaronson 2022; Fernandez et al. 2023 "Three Bricks"): each score
 * −ln(1 − r_t) is Exp(1) under H0, so the sum S over n distinct tokens is Gamma(n, 1) and
 * p = P(S' ≥ S) = Q(n, S), scipy `gammaincc(n, S)`.
 */
export function logGammaTestPValue(scoreSum: number, count: number): number {
  return logGammaIncUpper(count, scoreSum)
}

/** One-sided normal tail, only for approximations that say so (SynthID weighted mean). */
export function normalTestLogPValue(z: number): number {
  return logNormalSf(z)
}

/**
 * Payload search correction of three_bricks `main_watermark.py`: with M payloads tried and best p,
 * p' = 1 − (1 − p)^M when p > min(1/M, 1e-5), else M·p (Šidák / Bonferroni).
 */
export function payloadCorrectedPValue(bestP: number, payloads: number): number {
  if (payloads <= 1) return bestP
  if (bestP > Math.min(1 / payloads, 1e-5)) return 1 - Math.pow(1 - bestP, payloads)
  return payloads * bestP
}

/**
 * Holm (1979) step-down adjustment: sort ascending, p'_(i) = max_{j ≤ i} min(1, (m − j) p_(j)) (0-based j).
 * Controls the family-wise error over all profiles tested on one document without assuming independence.
 * `null` entries (tests not run) are skipped and stay null.
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const present = pValues
    .map((p, index) => ({ p, index }))
    .filter((e): e is { p: number; index: number } => e.p !== null)
    .sort((a, b) => a.p - b.p)
  const m = present.length
  const out: (number | null)[] = pValues.map(() => null)
  let running = 0
  present.forEach((entry, j) => {
    running = Math.max(running, Math.min(1, (m - j) * entry.p))
    out[entry.index] = running
  })
  return out
}

/**
 * HF `WatermarkDetector._compute_pval`: 1 − ½(1 + sign(z)(1 − e^{−2z²/π})), an approximation without the square
 * root (pitfall P8) that cancels to exactly 0 for large z. Kept only to reproduce HF numbers; never displayed.
 */
export function hfApproximatePValue(z: number): number {
  return 1 - 0.5 * (1 + Math.sign(z) * (1 - Math.exp((-2 * z ** 2) / Math.PI)))
}
