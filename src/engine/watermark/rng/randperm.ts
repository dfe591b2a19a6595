/**
 * `torch.randperm(n, generator=cpu_gen)` for n < 2^32/20 (aten/src/ATen/native/TensorFactories.cpp, randperm_cpu):
 * a FORWARD Fisher–Yates with modulo bias,
 *
 *   for i in 0 .. n-2:  z = random() % (n - i);  swap(r[i], r[i + z])
 *
 * After iteration i the prefix r[0..i] is final, so a green list `randperm(V)[:k]` needs only k draws.
 */
import { Mt19937 } from './mt19937'

const identityCache = new Map<number, Int32Array>()

function identity(n: number): Int32Array {
  let base = identityCache.get(n)
  if (!base) {
    base = new Int32Array(n)
    for (let i = 0; i < n; i++) base[i] = i
    if (identityCache.size > 8) identityCache.clear()
    identityCache.set(n, base)
  }
  return base
}

/** The first `k` entries of `randperm(n)` drawn from `gen` (consumes k draws, or n-1 when k = n). */
export function randpermPrefix(gen: Mt19937, n: number, k: number): Int32Array {
  const r = identity(n).slice()
  const steps = Math.min(k, n - 1)
  for (let i = 0; i < steps; i++) {
    const j = i + (gen.nextU32() % (n - i))
    const t = r[i]
    r[i] = r[j]
    r[j] = t
  }
  return r.subarray(0, k)
}

/** The whole permutation. */
export function randperm(gen: Mt19937, n: number): Int32Array {
  return randpermPrefix(gen, n, n)
}

/**
 * Is `token` among the first `k` entries of `randperm(n)`? Follows only that token's position, so it costs at
 * most k draws, no allocation, and stops as soon as the token is placed.
 */
export function isInRandpermPrefix(gen: Mt19937, n: number, k: number, token: number): boolean {
  let position = token
  const steps = Math.min(k, n - 1)
  for (let i = 0; i < steps; i++) {
    const j = i + (gen.nextU32() % (n - i))
    if (j === position) return true
    if (i === position) position = j
  }
  // k = n (or n-1 steps done): everything left is in place
  return position < k
}

/**
 * A long permutation (the 1_000_003-entry KGW hash table) computed lazily: only the prefix that lookups need
 * is shuffled, and the generator is kept so the prefix can grow later.
 */
export class LazyRandperm {
  private readonly r: Int32Array
  private readonly gen: Mt19937
  private done = 0

  constructor(
    readonly size: number,
    seed: number | bigint
  ) {
    this.r = identity(size).slice()
    this.gen = new Mt19937(seed)
  }

  /** Entry `index` of `randperm(size)`. */
  at(index: number): number {
    if (index >= this.done) this.extendTo(index + 1)
    return this.r[index]
  }

  private extendTo(count: number): void {
    // grow in large steps so a text with rising ids does not re-enter many times
    const target = Math.min(this.size - 1, Math.max(count, Math.min(this.size - 1, this.done * 2 + 65536)))
    const r = this.r
    const n = this.size
    for (let i = this.done; i < target; i++) {
      const j = i + (this.gen.nextU32() % (n - i))
      const t = r[i]
      r[i] = r[j]
      r[j] = t
    }
    this.done = Math.max(target, count)
  }
}
