/** Seeded sampling so `--limit N` audits are reproducible: the same seed always picks the same records. */

/** FNV-1a 32-bit hash of a string, used only to turn a seed string into a PRNG state. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A seeded PRNG for a text seed (mulberry32 seeded with the seed's 32-bit hash). */
export function seededRandom(seed: string): () => number {
  return mulberry32(hashSeed(seed))
}

/** mulberry32: a small, well-mixed 32-bit PRNG returning numbers in [0, 1), the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Up to `limit` items, chosen uniformly at random with the seed (partial Fisher–Yates), returned in their
 * original order. With stratify, each stratum keeps its share (at least one item) so small groups such as a
 * minority writer group are not sampled away.
 */
export function seededSample<T>(
  items: readonly T[],
  limit: number,
  seed: string,
  stratify?: (item: T) => string
): T[] {
  if (limit >= items.length) return [...items]
  if (!stratify) return pickIndices(items.length, limit, seededRandom(seed)).map((i) => items[i])
  const strata = new Map<string, number[]>()
  items.forEach((item, i) => {
    const key = stratify(item)
    const list = strata.get(key)
    if (list) list.push(i)
    else strata.set(key, [i])
  })
  // Largest-remainder allocation: shares add up to exactly `limit`, and every stratum keeps at least one.
  const entries = [...strata.entries()].sort(([a], [b]) => a.localeCompare(b))
  const exact = entries.map(([, idx]) => (limit * idx.length) / items.length)
  const want = exact.map((x, i) => Math.min(entries[i][1].length, Math.max(1, Math.floor(x))))
  const byRemainder = exact
    .map((_, i) => i)
    .sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])))
  for (let left = limit - want.reduce((a, b) => a + b, 0), k = 0; left > 0 && k < byRemainder.length; k++) {
    const i = byRemainder[k]
    if (want[i] < entries[i][1].length) {
      want[i]++
      left--
    }
  }
  const chosen: number[] = []
  entries.forEach(([key, indices], i) => {
    chosen.push(
      ...pickIndices(indices.length, want[i], seededRandom(`${seed}|${key}`)).map((j) => indices[j])
    )
  })
  return chosen.sort((a, b) => a - b).map((i) => items[i])
}

function pickIndices(n: number, k: number, rand: () => number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i)
  const take = Math.min(k, n)
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rand() * (n - i))
    ;[idx[i], idx[j]] = [idx[j], idx[i]]
  }
  return idx.slice(0, take).sort((a, b) => a - b)
}
