/**
 * 64-bit integer semantics of the reference code.
 *
 * - torch/numpy int64 tensor ops wrap at 64 bits (two's complement) → `wrapInt64` after every + and *.
 * - Python ints (`.item()` results, `salt * sum`) are unbounded → plain BigInt.
 * - Python `%` with a positive divisor returns a value in [0, m), also for negative left operands.
 *
 * BigInt is fine for one seed per token; the SynthID hash (hundreds of multiplications per token) uses the
 * allocation-free hi/lo pair arithmetic below.
 */

export const TWO_POW_64_MINUS_1 = (1n << 64n) - 1n

export function wrapInt64(x: bigint): bigint {
  return BigInt.asIntN(64, x)
}

/** Python modulo: result has the sign of the (positive) divisor. */
export function pythonMod(a: bigint, m: bigint): bigint {
  const r = a % m
  return r < 0n ? r + m : r
}

/**
 * What `torch.Generator.manual_seed(x % (2**64 - 1))` receives for a Python int x. Note: for a negative int64
 * this is NOT its two's complement (research §1.3, pitfall P5) — e.g. −7370232808415965188 → 11076511265293586427.
 */
export function seedAfterMod(x: bigint): bigint {
  return pythonMod(x, TWO_POW_64_MINUS_1)
}

/** Only the low 32 bits of a seed reach MT19937. */
export function low32(x: bigint): number {
  return Number(BigInt.asUintN(32, x))
}

/** Parses a decimal integer string or a safe integer into a BigInt; null when it is not an integer. */
export function parseBigInt(value: string | number): bigint | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null
  return /^-?\d+$/.test(value.trim()) ? BigInt(value.trim()) : null
}

// ---- allocation-light int64 as two uint32 halves ---------------------------------------------------------

/** A mutable int64 held as unsigned 32-bit halves (hi carries the sign bit). */
export interface I64 {
  hi: number
  lo: number
}

export function i64FromBigInt(x: bigint): I64 {
  const u = BigInt.asUintN(64, x)
  return { hi: Number(u >> 32n), lo: Number(u & 0xffffffffn) }
}

export function i64ToBigInt(x: I64): bigint {
  return BigInt.asIntN(64, (BigInt(x.hi >>> 0) << 32n) | BigInt(x.lo >>> 0))
}

const TWO_32 = 4294967296

/** out = a + b (wrapping); `b` given as halves. */
export function addTo(out: I64, bHi: number, bLo: number): void {
  const lo = out.lo + (bLo >>> 0)
  const carry = lo >= TWO_32 ? 1 : 0
  out.lo = lo >>> 0
  out.hi = (out.hi + bHi + carry) >>> 0
}

/** out = out * b (wrapping, low 64 bits of the product). */
export function mulBy(out: I64, bHi: number, bLo: number): void {
  const aLo = out.lo
  const aHi = out.hi
  const a0 = aLo & 0xffff
  const a1 = aLo >>> 16
  const b0 = bLo & 0xffff
  const b1 = bLo >>> 16
  // full 64-bit product of the two low words, in exact double arithmetic (every partial sum < 2^53)
  const mid = a0 * b1 + a1 * b0
  const low = a0 * b0 + (mid % 65536) * 65536
  const carry = Math.floor(low / TWO_32)
  const highOfLow = a1 * b1 + Math.floor(mid / 65536) + carry
  out.lo = low >>> 0
  out.hi = (highOfLow + Math.imul(aHi, bLo) + Math.imul(aLo, bHi)) >>> 0
}

/** out = out >> s (arithmetic, 0 < s < 32). */
export function shiftRightArithmetic(out: I64, s: number): void {
  out.lo = ((out.lo >>> s) | (out.hi << (32 - s))) >>> 0
  out.hi = ((out.hi | 0) >> s) >>> 0
}

/** Python `x % m` for a positive m ≤ 2^24 (exact in doubles). */
export function i64ModSmall(x: I64, m: number): number {
  const hiSigned = x.hi | 0
  const hiMod = ((hiSigned % m) + m) % m
  const scale = TWO_32 % m
  return (hiMod * scale + (x.lo % m)) % m
}
