/**
 * NumPy `np.random.default_rng(seed).shuffle(arr)` for a 1-D array, bit for bit (needed by the Unigram
 * watermark). Sources: numpy/random/bit_generator.pyx (SeedSequence), _pcg64.pyx + src/pcg64/pcg64.{h,c}
 * (PCG64 XSL-RR 128/64), _generator.pyx `_shuffle_raw`, src/distributions/distributions.c `random_interval`.
 *
 * NumPy does not promise `Generator` stream stability across releases; this matches numpy 1.24 (vectors)
 * and 2.4 (research cross-check).
 */

const MASK32 = 0xffffffff
const INIT_A = 0x43b0d7e5
const MULT_A = 0x931e8875
const INIT_B = 0x8b51f9dd
const MULT_B = 0x58f38ded
const MIX_MULT_L = 0xca01f9dd
const MIX_MULT_R = 0x4973f715
const POOL_SIZE = 4

/** Python int → uint32 words, least significant first (`_coerce_to_uint32_array`); 0 → [0]. */
function entropyWords(seed: bigint): number[] {
  if (seed < 0n) throw new RangeError('SeedSequence entropy must be non-negative')
  const words: number[] = []
  let x = seed
  do {
    words.push(Number(x & BigInt(MASK32)))
    x >>= 32n
  } while (x > 0n)
  return words
}

/** `SeedSequence(seed).generate_state(nWords, uint32)`. */
export function seedSequenceState(seed: bigint, nWords: number): Uint32Array {
  const entropy = entropyWords(seed)
  let hashConst = INIT_A
  const hashmix = (value: number): number => {
    let v = (value ^ hashConst) >>> 0
    hashConst = Math.imul(hashConst, MULT_A) >>> 0
    v = Math.imul(v, hashConst) >>> 0
    return (v ^ (v >>> 16)) >>> 0
  }
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0
    return (r ^ (r >>> 16)) >>> 0
  }
  const pool = new Uint32Array(POOL_SIZE)
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < entropy.length ? entropy[i] : 0)
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]))
    }
  }
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src]))
  }
  const out = new Uint32Array(nWords)
  let hashB = INIT_B
  for (let i = 0; i < nWords; i++) {
    let v = (pool[i % POOL_SIZE] ^ hashB) >>> 0
    hashB = Math.imul(hashB, MULT_B) >>> 0
    v = Math.imul(v, hashB) >>> 0
    out[i] = (v ^ (v >>> 16)) >>> 0
  }
  return out
}

const MASK64 = (1n << 64n) - 1n
const MASK128 = (1n << 128n) - 1n
const PCG_MULT = (2549297995355413924n << 64n) + 4865540595714422341n

export class Pcg64 {
  private state = 0n
  private readonly inc: bigint
  private buffered: number | null = null

  constructor(seed: bigint) {
    const words = seedSequenceState(seed, 8)
    // generate_state(4, uint64): consecutive uint32 pairs read little-endian
    const u64 = (i: number): bigint => (BigInt(words[2 * i + 1]) << 32n) | BigInt(words[2 * i])
    const initState = (u64(0) << 64n) | u64(1)
    const initSeq = (u64(2) << 64n) | u64(3)
    this.inc = ((initSeq << 1n) | 1n) & MASK128
    this.step()
    this.state = (this.state + initState) & MASK128
    this.step()
  }

  private step(): void {
    this.state = (this.state * PCG_MULT + this.inc) & MASK128
  }

  next64(): bigint {
    this.step()
    const hi = this.state >> 64n
    const lo = this.state & MASK64
    const rot = Number(hi >> 58n)
    const x = (hi ^ lo) & MASK64
    return rot === 0 ? x : ((x >> BigInt(rot)) | (x << BigInt(64 - rot))) & MASK64
  }

  /** Low half of a fresh 64-bit output first, then the buffered high half. */
  next32(): number {
    if (this.buffered !== null) {
      const v = this.buffered
      this.buffered = null
      return v
    }
    const next = this.next64()
    this.buffered = Number(next >> 32n)
    return Number(next & 0xffffffffn)
  }
}

/** `random_interval(max)` for max ≤ 2^32-1: rejection sampling under the smallest all-ones mask ≥ max. */
function randomInterval(rng: Pcg64, max: number): number {
  if (max === 0) return 0
  let mask = max
  mask |= mask >>> 1
  mask |= mask >>> 2
  mask |= mask >>> 4
  mask |= mask >>> 8
  mask |= mask >>> 16
  mask >>>= 0
  let value: number
  do {
    value = (rng.next32() & mask) >>> 0
  } while (value > max)
  return value
}

/** In-place `default_rng(seed).shuffle(arr)` for a 1-D array. */
export function numpyShuffle<T extends { length: number; [i: number]: number }>(arr: T, seed: bigint): T {
  const rng = new Pcg64(seed)
  for (let i = arr.length - 1; i >= 1; i--) {
    const j = randomInterval(rng, i)
    const t = arr[i]
    arr[i] = arr[j]
    arr[j] = t
  }
  return arr
}
