/**
 * Hot-path versions of the torch CPU generator operations (same streams as mt19937.ts / randperm.ts, which the
 * vectors pin; tests check these kernels against them). One shared state buffer, no allocation, no method
 * calls per draw, and no double `%` (V8 compiles that to a slow fmod call) and no division: the remainder comes from a
 * cached reciprocal, corrected by one step (exact for u < 2^32, m < 2^20).
 */

const N = 624
const M = 397
const MATRIX_A = 0x9908b0df | 0
const UPPER = 0x80000000 | 0
const LOWER = 0x7fffffff

const state = new Int32Array(N)

function seedState(seed32: number): void {
  state[0] = seed32 | 0
  for (let i = 1; i < N; i++) {
    const prev = state[i - 1]
    state[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i
  }
}

function twistState(): void {
  const mt = state
  let kk = 0
  for (; kk < N - M; kk++) {
    const y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER)
    mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A)
  }
  for (; kk < N - 1; kk++) {
    const y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER)
    mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A)
  }
  const y = (mt[N - 1] & UPPER) | (mt[0] & LOWER)
  mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A)
}

function temper(x: number): number {
  let y = x
  y ^= y >>> 11
  y ^= (y << 7) & 0x9d2c5680
  y ^= (y << 15) & 0xefc60000
  y ^= y >>> 18
  return y >>> 0
}

const MAX_FAST_MODULUS = 1 << 20

/** 1/m for m = 0 … n, so the per-draw remainder is a multiply plus a one-step correction (no division). */
let reciprocals = new Float64Array(0)
function reciprocalsUpTo(n: number): Float64Array {
  if (reciprocals.length <= n) {
    reciprocals = new Float64Array(n + 1)
    for (let m = 1; m <= n; m++) reciprocals[m] = 1 / m
  }
  return reciprocals
}

/** Exact u mod m for u < 2^32, m < 2^20: q from the rounded reciprocal is off by at most one, fixed here. */
function remainder(u: number, m: number, inv: Float64Array): number {
  let r = u - Math.floor(u * inv[m]) * m
  if (r >= m) r -= m
  else if (r < 0) r += m
  return r
}

/** Same answer as `isInRandpermPrefix(new Mt19937(seed32), n, k, token)`. */
export function tokenInRandpermPrefix(seed32: number, n: number, k: number, token: number): boolean {
  if (n >= MAX_FAST_MODULUS) throw new RangeError('vocabulary too large for the fast kernel')
  const inv = reciprocalsUpTo(n)
  seedState(seed32)
  let index = N
  let position = token
  const steps = Math.min(k, n - 1)
  for (let i = 0; i < steps; i++) {
    if (index === N) {
      twistState()
      index = 0
    }
    const j = i + remainder(temper(state[index++]), n - i, inv)
    if (j === position) return true
    if (i === position) position = j
  }
  return position < k
}

/** Same as `randpermPrefix(new Mt19937(seed32), n, k)`, written into `scratch` (length ≥ n, any content). */
export function randpermPrefixInto(seed32: number, n: number, k: number, scratch: Int32Array): Int32Array {
  if (n >= MAX_FAST_MODULUS) throw new RangeError('vocabulary too large for the fast kernel')
  const inv = reciprocalsUpTo(n)
  for (let i = 0; i < n; i++) scratch[i] = i
  seedState(seed32)
  let index = N
  const steps = Math.min(k, n - 1)
  for (let i = 0; i < steps; i++) {
    if (index === N) {
      twistState()
      index = 0
    }
    const j = i + remainder(temper(state[index++]), n - i, inv)
    const t = scratch[i]
    scratch[i] = scratch[j]
    scratch[j] = t
  }
  return scratch.subarray(0, k)
}

/**
 * Raw 32-bit outputs at the given ascending stream positions (0-based) after `manual_seed(seed32)`, writing
 * them into `out`. Skipped outputs are never tempered, so reaching entry 30000 costs ~48 twists only.
 */
export function mtOutputsAt(seed32: number, ascendingPositions: readonly number[], out: number[]): void {
  seedState(seed32)
  let twists = 0
  for (let i = 0; i < ascendingPositions.length; i++) {
    const position = ascendingPositions[i]
    const needed = Math.floor(position / N) + 1
    while (twists < needed) {
      twistState()
      twists++
    }
    out[i] = temper(state[position % N])
  }
}

// slot[p] = 1 + index of the tracked token currently at position p (0 = none); kept all-zero between calls
let slot = new Int32Array(0)

/**
 * Membership of several tokens in `randperm(n)[:k]` for ONE seed, in a single pass of k draws (same answers as
 * `isInRandpermPrefix` per token). Each tracked token's position is followed through the forward swaps.
 */
export function tokensInRandpermPrefix(
  seed32: number,
  n: number,
  k: number,
  tokens: readonly number[]
): boolean[] {
  if (n >= MAX_FAST_MODULUS) throw new RangeError('vocabulary too large for the fast kernel')
  if (slot.length < n) slot = new Int32Array(n)
  const inv = reciprocalsUpTo(n)
  const result = new Array<boolean>(tokens.length).fill(false)
  const position = new Int32Array(tokens.length)
  let open = 0
  tokens.forEach((t, idx) => {
    if (slot[t] !== 0) {
      // duplicate token: answer copied at the end
      position[idx] = -1 - (slot[t] - 1)
      return
    }
    slot[t] = idx + 1
    position[idx] = t
    open++
  })
  seedState(seed32)
  let index = N
  const steps = Math.min(k, n - 1)
  for (let i = 0; i < steps && open > 0; i++) {
    if (index === N) {
      twistState()
      index = 0
    }
    const j = i + remainder(temper(state[index++]), n - i, inv)
    const atJ = slot[j]
    const atI = slot[i]
    if (atJ !== 0) {
      // the token at j is swapped into position i: final, green
      result[atJ - 1] = true
      slot[j] = 0
      open--
    }
    if (atI !== 0 && j !== i) {
      // the token at i moves to j
      slot[i] = 0
      slot[j] = atI
      position[atI - 1] = j
    }
  }
  // unresolved tokens: green only if they already sit inside the prefix (k = n); clear their slots
  tokens.forEach((_, idx) => {
    const p = position[idx]
    if (p >= 0 && slot[p] === idx + 1) {
      slot[p] = 0
      if (p < k) result[idx] = true
    }
  })
  tokens.forEach((_, idx) => {
    if (position[idx] < 0) result[idx] = result[-1 - position[idx]]
  })
  return result
}
