/**
 * KGW green-list seeding, in the two incompatible conventions of the reference code (research §2.1–2.2):
 *
 * - lm-watermarking (`alternative_prf_schemes.py`): PRF over the last h ids, fixed hash table
 *   `randperm(1_000_003)` seeded 2971215073 (Fibonacci 47), `hashint(x) = T[x % 1_000_003] + 1`.
 * - HF transformers (`WatermarkLogitsProcessor.set_seed`): table seeded with the hashing KEY; lefthash ignores
 *   context_width; selfhash defaults to context_width 1.
 *
 * Both then call `manual_seed(prf_key % (2**64 - 1))`, whose low 32 bits reach MT19937.
 */
import { LazyRandperm } from '../rng/randperm'
import { low32, seedAfterMod, wrapInt64 } from '../rng/int64'

export const FIXED_TABLE_SIZE = 1_000_003
export const LM_WATERMARKING_TABLE_SEED = 2971215073n

export type PrfType = 'additive' | 'anchored-minhash' | 'minhash' | 'skipgram'

export interface LmSeedingScheme {
  prf: PrfType
  /** h: how many previous tokens the PRF reads. */
  contextWidth: number
  /** Self-salted: the candidate token is part of its own seed (selfhash / algorithm-3). */
  selfSalt: boolean
  hashKey: bigint
}

const DEFAULT_HASH_KEY = 15485863n

/** `seeding_scheme_lookup` of lm-watermarking, including the free-form `ff-<prf>-<h>-<True|False>[-<key>]`. */
export function lookupLmSeedingScheme(name: string): LmSeedingScheme | null {
  switch (name) {
    case 'simple_1':
    case 'lefthash':
      return { prf: 'additive', contextWidth: 1, selfSalt: false, hashKey: DEFAULT_HASH_KEY }
    case 'algorithm-3':
    case 'selfhash':
      return { prf: 'anchored-minhash', contextWidth: 4, selfSalt: true, hashKey: DEFAULT_HASH_KEY }
    case 'minhash':
      return { prf: 'minhash', contextWidth: 4, selfSalt: false, hashKey: DEFAULT_HASH_KEY }
    case 'skipgram':
      return { prf: 'skipgram', contextWidth: 5, selfSalt: false, hashKey: DEFAULT_HASH_KEY }
  }
  const ff =
    /^ff-(additive_prf|anchored_minhash_prf|minhash_prf|skipgram_prf)-(\d+)-(True|False)(?:-(\d+))?$/.exec(
      name
    )
  if (!ff) return null
  const prfByName: Record<string, PrfType> = {
    additive_prf: 'additive',
    anchored_minhash_prf: 'anchored-minhash',
    minhash_prf: 'minhash',
    skipgram_prf: 'skipgram'
  }
  return {
    prf: prfByName[ff[1]],
    contextWidth: Number(ff[2]),
    selfSalt: ff[3] === 'True',
    hashKey: ff[4] !== undefined ? BigInt(ff[4]) : DEFAULT_HASH_KEY
  }
}

/** Bounded cache of the lazily shuffled fixed tables, one per table seed. */
const tables = new Map<string, LazyRandperm>()

export function fixedHashTable(seed: bigint): LazyRandperm {
  const key = seed.toString()
  let table = tables.get(key)
  if (!table) {
    if (tables.size >= 4) tables.delete(tables.keys().next().value as string)
    table = new LazyRandperm(FIXED_TABLE_SIZE, seed)
    tables.set(key, table)
  }
  return table
}

/** `hashint(x) = T[x % 1_000_003] + 1` on an int64 tensor value (torch `%` is Python-style). */
function hashint(table: LazyRandperm, x: bigint): bigint {
  const index = Number(((x % 1_000_003n) + 1_000_003n) % 1_000_003n)
  return BigInt(table.at(index) + 1)
}

/** lm-watermarking `prf_lookup[prf](input_ids[-h:], salt_key)` as the Python int it returns. */
export function lmPrfKey(scheme: LmSeedingScheme, window: readonly number[], table: LazyRandperm): bigint {
  const ids = window.slice(-scheme.contextWidth).map(BigInt)
  const salt = scheme.hashKey
  switch (scheme.prf) {
    case 'additive':
      // salt_key * input_ids.sum().item(): the product is a Python int (no wrap)
      return salt * ids.reduce((a, b) => a + b, 0n)
    case 'anchored-minhash': {
      // (salt_key * hashint(input_ids) * hashint(input_ids[-1])).min(): int64 tensor ops, wrap each step
      const anchor = hashint(table, ids[ids.length - 1])
      let best: bigint | null = null
      for (const id of ids) {
        const v = wrapInt64(wrapInt64(salt * hashint(table, id)) * anchor)
        if (best === null || v < best) best = v
      }
      return best ?? 0n
    }
    case 'minhash': {
      // hashint(salt_key * input_ids).min()
      let best: bigint | null = null
      for (const id of ids) {
        const v = hashint(table, wrapInt64(salt * id))
        if (best === null || v < best) best = v
      }
      return best ?? 0n
    }
    case 'skipgram':
      // hashint(salt_key * input_ids[0])
      return hashint(table, wrapInt64(salt * ids[0]))
  }
}

export type HfSeedingScheme = 'lefthash' | 'selfhash'

/** HF `WatermarkLogitsProcessor.set_seed` → the raw seed before `% (2**64 - 1)`. */
export function hfRawSeed(
  scheme: HfSeedingScheme,
  window: readonly number[],
  contextWidth: number,
  hashKey: bigint,
  table: LazyRandperm
): bigint {
  const ids = window.slice(-contextWidth).map(BigInt)
  const last = ids[ids.length - 1]
  if (scheme === 'lefthash') return hashKey * last // python int
  const b = hashint(table, last)
  let best: bigint | null = null
  for (const id of ids) {
    const v = wrapInt64(wrapInt64(hashKey * hashint(table, id)) * b)
    if (best === null || v < best) best = v
  }
  return best ?? 0n
}

/** The 32-bit value MT19937 is seeded with, from the Python-int PRF key. */
export function mtSeedFromPrfKey(prfKey: bigint): number {
  return low32(seedAfterMod(prfKey))
}
