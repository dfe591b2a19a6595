/**
 * Special functions in double precision, no dependencies: log-gamma, the regularized incomplete gamma
 * functions (scipy `gammainc` / `gammaincc`), the normal tail and its inverse.
 */

const LN_SQRT_2PI = 0.9189385332046727 // ln(sqrt(2π))

/** ln Γ(x) for x > 0: Stirling's series for x ≥ 15, shifted up by the recurrence below (~1e-15 relative). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`)
  if (x < 15) {
    // Γ(x) = Γ(x + n) / (x (x+1) … (x+n-1))
    let product = 1
    let shifted = x
    while (shifted < 15) {
      product *= shifted
      shifted += 1
    }
    return logGamma(shifted) - Math.log(product)
  }
  const inv = 1 / x
  const inv2 = inv * inv
  // Bernoulli-number terms B_2k / (2k (2k-1) x^(2k-1))
  const series =
    inv *
    (1 / 12 -
      inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - inv2 * (691 / 360360))))))
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + series
}

const EPS = 1e-16
const TINY = 1e-300

/** ln of x^a e^-x / Γ(a), the common prefactor of P and Q. */
function logPrefactor(a: number, x: number): number {
  return a * Math.log(x) - x - logGamma(a)
}

/** Series for P(a, x), good for x < a + 1 (Numerical Recipes `gser`). Returns ln P. */
function logLowerSeries(a: number, x: number): number {
  let ap = a
  let term = 1 / a
  let sum = term
  for (let n = 0; n < 100000; n++) {
    ap += 1
    term *= x / ap
    sum += term
    if (Math.abs(term) < Math.abs(sum) * EPS) break
  }
  return Math.log(sum) + logPrefactor(a, x)
}

/** Modified Lentz continued fraction for Q(a, x), good for x ≥ a + 1 (`gcf`). Returns ln Q. */
function logUpperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < EPS) break
  }
  return Math.log(h) + logPrefactor(a, x)
}

/**
 * ln Q(a, x), the regularized UPPER incomplete gamma function (scipy.special.gammaincc), in log space so that
 * tails far below 1e-308 stay representable.
 */
export function logGammaIncUpper(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`gammaincc needs a > 0, x >= 0 (got ${a}, ${x})`)
  if (x === 0) return 0
  if (x < a + 1) return Math.log1p(-Math.exp(logLowerSeries(a, x)))
  return logUpperContinuedFraction(a, x)
}

/** Q(a, x) = Γ(a, x) / Γ(a) (scipy.special.gammaincc). */
export function gammaIncUpper(a: number, x: number): number {
  return Math.exp(logGammaIncUpper(a, x))
}

/** P(a, x) = γ(a, x) / Γ(a) (scipy.special.gammainc). */
export function gammaIncLower(a: number, x: number): number {
  if (x === 0) return 0
  if (x < a + 1) return Math.exp(logLowerSeries(a, x))
  return -Math.expm1(logUpperContinuedFraction(a, x))
}

/**
 * ln of the standard normal upper tail Φc(z) = P(Z ≥ z) (scipy.stats.norm.logsf). Uses
 * erfc(t) = Q(1/2, t²), so it is accurate far into the tail.
 */
export function logNormalSf(z: number): number {
  if (z >= 0) return Math.log(0.5) + logGammaIncUpper(0.5, (z * z) / 2)
  return Math.log1p(-0.5 * Math.exp(logGammaIncUpper(0.5, (z * z) / 2)))
}

export function normalSf(z: number): number {
  return Math.exp(logNormalSf(z))
}

/** Standard normal density. */
function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z - LN_SQRT_2PI)
}

/**
 * Φ⁻¹(p) (scipy.stats.norm.ppf): Acklam's rational approximation (~1e-9) polished by two Halley steps
 * on the accurate tail above, which brings it to double precision.
 */
export function normalPpf(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalPpf needs 0 < p < 1, got ${p}`)
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239
  ]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783
  ]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const low = 0.02425
  let x: number
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  } else if (p <= 1 - low) {
    const q = p - 0.5
    const r = q * q
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-p))
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  }
  for (let i = 0; i < 2; i++) {
    // f(x) = Φ(x) - p, written with the upper tail for accuracy on both sides
    const e = x >= 0 ? 1 - p - normalSf(x) : normalSf(-x) - p
    const u = e / normalPdf(x)
    x = x - u / (1 + (x * u) / 2)
  }
  return x
}
