/**
 * Unigram-Watermark (Zhao, Ananth, Li, Wang, ICLR 2024), reference `gptwm.py`: one fixed green list,
 *
 *   seed = LE_u32(sha256(int64_LE(watermark_key))[0:4])
 *   mask = [True]*int(f·V) + [False]*(V − int(f·V));  np.random.default_rng(seed).shuffle(mask)
 */
import { BoundedCache } from '../cache'
import { numpyShuffle } from '../rng/numpy-pcg64'
import { int64LeBytes, sha256 } from '../rng/sha256'

export interface UnigramConfig {
  key: bigint
  vocabSize: number
  fraction: number
}

/** `GPTWatermarkBase._hash_fn(key)`. */
export function unigramRngSeed(key: bigint): number {
  const digest = sha256(int64LeBytes([key]))
  return (digest[0] | (digest[1] << 8) | (digest[2] << 16) | (digest[3] << 24)) >>> 0
}

export function unigramGreenCount(cfg: UnigramConfig): number {
  return Math.floor(cfg.fraction * cfg.vocabSize)
}

const masks = new BoundedCache<Uint8Array>(8 * 1024 * 1024)

/** The V-entry mask in token order (1 = green). Cached per (key, V, fraction). */
export function unigramMask(cfg: UnigramConfig): Uint8Array {
  const cacheKey = `${cfg.key}:${cfg.vocabSize}:${cfg.fraction}`
  const cached = masks.get(cacheKey)
  if (cached) return cached
  const mask = new Uint8Array(cfg.vocabSize)
  mask.fill(1, 0, unigramGreenCount(cfg))
  numpyShuffle(mask, BigInt(unigramRngSeed(cfg.key)))
  masks.set(cacheKey, mask, mask.byteLength)
  return mask
}

export interface UnigramScore {
  /** `detect`: every token counts (not a valid test when tokens repeat). */
  numTokens: number
  numGreen: number
  zDetect: number
  /** `unidetect`: the set of distinct tokens. */
  numUnique: number
  numGreenUnique: number
  zUnidetect: number
  green: boolean[]
  /** True at the first occurrence of each distinct token (the ones `unidetect` counts). */
  firstOccurrence: boolean[]
}

function unigramZ(green: number, total: number, f: number): number {
  return (green - f * total) / Math.sqrt(f * (1 - f) * total)
}

export function unigramScoreIds(ids: readonly number[], cfg: UnigramConfig): UnigramScore {
  const mask = unigramMask(cfg)
  const seen = new Set<number>()
  const green: boolean[] = []
  const firstOccurrence: boolean[] = []
  let numGreen = 0
  let numGreenUnique = 0
  for (const id of ids) {
    const isGreen = id >= 0 && id < mask.length && mask[id] === 1
    const first = !seen.has(id)
    seen.add(id)
    green.push(isGreen)
    firstOccurrence.push(first)
    if (isGreen) numGreen++
    if (isGreen && first) numGreenUnique++
  }
  return {
    numTokens: ids.length,
    numGreen,
    zDetect: unigramZ(numGreen, ids.length, cfg.fraction),
    numUnique: seen.size,
    numGreenUnique,
    zUnidetect: unigramZ(numGreenUnique, seen.size, cfg.fraction),
    green,
    firstOccurrence
  }
}

/** Reference `dynamic_threshold`: τ = sqrt(1 − (m−1)/(N−1)) · Φ⁻¹(1−α), m distinct tokens, N = V. */
export function unigramDynamicThreshold(numUnique: number, vocabSize: number, tauQuantile: number): number {
  return Math.sqrt(1 - (numUnique - 1) / (vocabSize - 1)) * tauQuantile
}
