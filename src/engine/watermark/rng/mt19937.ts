/**
 * PyTorch's CPU generator, bit for bit (aten/src/ATen/core/MT19937RNGEngine.h, CPUGeneratorImpl.cpp).
 *
 * `torch.Generator('cpu').manual_seed(x)` keeps only the low 32 bits of the (uint64) seed and runs the
 * standard Matsumoto–Nishimura `init_genrand`; `random()` is the standard MT19937 32-bit output. The same
 * stream is numpy's legacy `MT19937` and the C++ `std::mt19937` (its 10000th output from seed 5489 is
 * 4123659995, which the tests check).
 */

const N = 624
const M = 397
const MATRIX_A = 0x9908b0df
const UPPER_MASK = 0x80000000
const LOWER_MASK = 0x7fffffff

export class Mt19937 {
  private readonly state = new Uint32Array(N)
  private index = N

  constructor(seed: number | bigint = 5489) {
    this.seed(seed)
  }

  /** `manual_seed`: only the low 32 bits of the seed reach the engine. */
  seed(seed: number | bigint): void {
    const s = typeof seed === 'bigint' ? Number(BigInt.asUintN(32, seed)) : seed >>> 0
    const mt = this.state
    mt[0] = s
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0
    }
    this.index = N
  }

  private twist(): void {
    const mt = this.state
    let kk = 0
    for (; kk < N - M; kk++) {
      const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK)
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK)
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)
    }
    const y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK)
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)
    this.index = 0
  }

  /** The next tempered 32-bit output, as an unsigned number. */
  nextU32(): number {
    if (this.index >= N) this.twist()
    let y = this.state[this.index++]
    y ^= y >>> 11
    y ^= (y << 7) & 0x9d2c5680
    y ^= (y << 15) & 0xefc60000
    y ^= y >>> 18
    return y >>> 0
  }

  /** Skips `count` outputs without tempering them (used to reach one entry of a long `torch.rand`). */
  skip(count: number): void {
    let left = count
    while (left > 0) {
      if (this.index >= N) this.twist()
      const step = Math.min(left, N - this.index)
      this.index += step
      left -= step
    }
  }
}

/** `torch.rand` float32 element from one 32-bit draw: `(u32 & 0xFFFFFF) * 2^-24` (TransformationHelper.h). */
export function u32ToFloat32Unit(u: number): number {
  return (u & 0xffffff) * 5.9604644775390625e-8
}

/**
 * `torch.rand(n, generator)[indices]` (float32) without materialising the whole vector: draws are serial,
 * one per element, so entry i is the i-th output. `indices` may be in any order.
 */
export function torchRandAt(gen: Mt19937, indices: readonly number[]): number[] {
  const order = indices.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value)
  const out = new Array<number>(indices.length)
  let position = 0
  let last = -1
  let lastValue = 0
  for (const { value, i } of order) {
    if (value === last) {
      out[i] = lastValue
      continue
    }
    gen.skip(value - position)
    lastValue = u32ToFloat32Unit(gen.nextU32())
    position = value + 1
    last = value
    out[i] = lastValue
  }
  return out
}

/** `torch.randint(0, 2, (n,), generator)` on CPU: `u32 % 2` per element (SynthID variant A table). */
export function torchRandintBits(seed: number | bigint, n: number): Uint8Array {
  const gen = new Mt19937(seed)
  const out = new Uint8Array(n)
  for (let i = 0; i < n; i++) out[i] = gen.nextU32() & 1
  return out
}
