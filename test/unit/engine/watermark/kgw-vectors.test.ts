import { describe, expect, it } from 'vitest'
import {
  fixedHashTable,
  hfApproximatePValue,
  kgwGreenList,
  kgwPrfKey,
  kgwScoreIds,
  kgwZScore,
  binomialSf,
  normalSf,
  lookupLmSeedingScheme,
  LM_WATERMARKING_TABLE_SEED,
  seedAfterMod,
  low32,
  type KgwConfig
} from '../../../../src/engine/watermark'
import { expectRel, loadVectors, sortedSha256, type Provenance } from './vectors'

interface GreenEntry {
  scheme: string
  vocab_size: number
  gamma: number
  prefix: number[]
  green_count: number
  green_head: number[]
  green_sorted_sha256: string
}

const lmConfig = (scheme: string, vocabSize: number, gamma: number, select = true): KgwConfig => {
  const s = lookupLmSeedingScheme(scheme)
  if (!s) throw new Error(`unknown scheme ${scheme}`)
  return {
    convention: 'lm-watermarking',
    scheme: s,
    tableSeed: LM_WATERMARKING_TABLE_SEED,
    vocabSize,
    gamma,
    selectGreenTokens: select
  }
}

function expectGreenList(cfg: KgwConfig, e: GreenEntry): void {
  const green = kgwGreenList(cfg, e.prefix)
  expect(green.length).toBe(e.green_count)
  expect(Array.from(green.slice(0, 32))).toEqual(e.green_head)
  expect(sortedSha256(green)).toBe(e.green_sorted_sha256)
}

describe('kgw-torch.json (torch re-implementation, verified by kgw-torch-crosscheck.json)', () => {
  const v = loadVectors<{
    fixed_table_head: number[]
    greenlists: (GreenEntry & { seed: number })[]
    sequences: {
      scheme: string
      vocab_size: number
      gamma: number
      ids: number[]
      scored: number
      green: number
      z: number
      green_flags: (boolean | null)[]
    }[]
  }>('kgw-torch.json')
  const crosscheck = loadVectors<{
    all_match: boolean
    provenance: Provenance
    greenlists: { scheme: string; vocab_size: number; prefix: number[]; match: boolean }[]
    sequences: {
      scheme: string
      scored_ref: number
      green_ref: number
      z_ref: number
      p_value_ref: number
      match: boolean
    }[]
  }>('kgw-torch-crosscheck.json')

  it('is backed by the lm-watermarking cross-check, whose reference counts and norm.sf p-values we also meet', () => {
    expect(crosscheck.all_match).toBe(true)
    expect(crosscheck.provenance.commit).toMatch(/^fb602de/)
    expect(crosscheck.greenlists.map((g) => [g.scheme, g.vocab_size, g.prefix])).toEqual(
      v.greenlists.map((g) => [g.scheme, g.vocab_size, g.prefix])
    )
    crosscheck.sequences.forEach((ref, i) => {
      const s = v.sequences[i]
      const r = kgwScoreIds(s.ids, lmConfig(s.scheme, s.vocab_size, s.gamma), { ignoreRepeatedNgrams: true })
      expect(ref.scheme).toBe(s.scheme)
      expect([r?.scored, r?.green]).toEqual([ref.scored_ref, ref.green_ref])
      expectRel(kgwZScore(ref.green_ref, ref.scored_ref, s.gamma), ref.z_ref)
      expectRel(normalSf(ref.z_ref), ref.p_value_ref, 1e-9)
    })
  })

  it('reproduces the fixed hash table randperm(1_000_003) seeded 2971215073', () => {
    const table = fixedHashTable(LM_WATERMARKING_TABLE_SEED)
    expect(v.fixed_table_head.map((_, i) => table.at(i))).toEqual(v.fixed_table_head)
  })

  it.each(v.greenlists.map((e, i) => [i, e] as const))('green list %i', (_, e) => {
    const cfg = lmConfig(e.scheme, e.vocab_size, e.gamma)
    // this older file stores seeds as JSON numbers, so values above 2^53 are rounded: compare as doubles
    expect(Number(seedAfterMod(kgwPrfKey(cfg, e.prefix)))).toBe(e.seed)
    expectGreenList(cfg, e)
  })

  it.each(v.sequences.map((s, i) => [i, s] as const))('sequence %i: T, G, z and per-window flags', (_, s) => {
    const r = kgwScoreIds(s.ids, lmConfig(s.scheme, s.vocab_size, s.gamma), { ignoreRepeatedNgrams: true })
    expect(r).not.toBeNull()
    if (!r) return
    expect(r.scored).toBe(s.scored)
    expect(r.green).toBe(s.green)
    expectRel(kgwZScore(r.green, r.scored, s.gamma), s.z)
    expect(r.windows.map((w) => (w.counted ? w.green : null))).toEqual(s.green_flags)
  })
})

describe('kgw-lm-watermarking.json (lm-watermarking reference outputs)', () => {
  const v = loadVectors<{
    provenance: Provenance
    greenlists: (GreenEntry & {
      hash_key: number
      select_green_tokens: boolean
      prf_key: string
      seed_after_mod: string
      seed_low32: number
    })[]
    sequences: {
      name: string
      scheme: string
      gamma: number
      ids: number[]
      detect_ignore_repeated_ngrams_true: Detect
      detect_ignore_repeated_ngrams_false: Detect
    }[]
  }>('kgw-lm-watermarking.json')
  interface Detect {
    num_tokens_scored: number
    num_green_tokens: number
    z_score: number
    p_value: number
    green_token_mask: number[]
    not_from_reference: { binomial_sf: number }
  }

  it('carries provenance', () => expect(v.provenance.repo).toBe('jwkirchenbauer/lm-watermarking'))

  it.each(v.greenlists.map((e) => [e.scheme, e] as const))(
    'green list %s (prf key, mod, low 32 bits, list)',
    (_, e) => {
      const cfg = lmConfig(e.scheme, e.vocab_size, e.gamma, e.select_green_tokens)
      const key = kgwPrfKey(cfg, e.prefix)
      expect(key.toString()).toBe(e.prf_key)
      expect(seedAfterMod(key).toString()).toBe(e.seed_after_mod)
      expect(low32(seedAfterMod(key))).toBe(e.seed_low32)
      expectGreenList(cfg, e)
    }
  )

  for (const s of v.sequences) {
    for (const ignore of [true, false]) {
      it(`${s.name}, ignore_repeated_ngrams=${ignore}`, () => {
        const d = ignore ? s.detect_ignore_repeated_ngrams_true : s.detect_ignore_repeated_ngrams_false
        const r = kgwScoreIds(s.ids, lmConfig(s.scheme, 50257, s.gamma), { ignoreRepeatedNgrams: ignore })
        if (!r) throw new Error('no score')
        expect(r.scored).toBe(d.num_tokens_scored)
        expect(r.green).toBe(d.num_green_tokens)
        const z = kgwZScore(r.green, r.scored, s.gamma)
        expectRel(z, d.z_score)
        expectRel(normalSf(z), d.p_value, 1e-9)
        expect(r.windows.map((w) => (w.green ? 1 : 0))).toEqual(d.green_token_mask)
        expectRel(binomialSf(r.green, r.scored, s.gamma), d.not_from_reference.binomial_sf, 1e-9)
      })
    }
  }
})

describe('kgw-hf.json (HF transformers conventions)', () => {
  interface HfDetect {
    num_tokens_scored: number
    num_green_tokens: number
    z_score: number
    p_value: number
    prediction: boolean
  }
  const v = loadVectors<{
    provenance: Provenance
    conventions: { fixed_table_head_key_15485863: number[] }
    greenlists: (GreenEntry & {
      context_width: number
      greenlist_ratio: number
      hashing_key: number
      raw_seed_int64: string
      seed_after_mod: string
      seed_low32: number
    })[]
    sequences: {
      name: string
      scheme: 'lefthash' | 'selfhash'
      context_width: number
      greenlist_ratio: number
      ids: number[]
      hf_detector: HfDetect
      hf_detector_ignore_repeated_ngrams: HfDetect
      not_from_reference: {
        unique_ngrams_scored: number
        green_unique: number
        z_unique: number
        binomial_sf_unique: number
      }
    }[]
  }>('kgw-hf.json')
  const hfConfig = (
    scheme: 'lefthash' | 'selfhash',
    cw: number,
    vocabSize: number,
    gamma: number
  ): KgwConfig => ({
    convention: 'hf',
    scheme,
    contextWidth: cw,
    hashKey: 15485863n,
    vocabSize,
    gamma,
    selectGreenTokens: true
  })

  it('seeds the fixed table with the key', () => {
    const table = fixedHashTable(15485863n)
    const head = v.conventions.fixed_table_head_key_15485863
    expect(head.map((_, i) => table.at(i))).toEqual(head)
  })

  it.each(v.greenlists.map((e, i) => [i, e.scheme, e] as const))('green list %i (%s)', (_, __, e) => {
    const cfg = hfConfig(
      e.scheme as 'lefthash' | 'selfhash',
      e.context_width,
      e.vocab_size,
      e.greenlist_ratio
    )
    const raw = kgwPrfKey(cfg, e.prefix)
    expect(raw.toString()).toBe(e.raw_seed_int64)
    expect(seedAfterMod(raw).toString()).toBe(e.seed_after_mod)
    expect(low32(seedAfterMod(raw))).toBe(e.seed_low32)
    expectGreenList(cfg, e)
  })

  it('HF unit test: V=20, last token 10 → token 1 is green', () => {
    expect(Array.from(kgwGreenList(hfConfig('lefthash', 1, 20, 0.25), [10]))).toContain(1)
  })

  for (const s of v.sequences) {
    it(`${s.name}: HF-compatible counts (no merge of repeats, BOS stripped) and honest de-duplicated counts`, () => {
      const cfg = hfConfig(s.scheme, s.context_width, 50257, s.greenlist_ratio)
      const hf = kgwScoreIds(s.ids, cfg, { ignoreRepeatedNgrams: false, bosId: 50256 })
      if (!hf) throw new Error('no score')
      for (const d of [s.hf_detector, s.hf_detector_ignore_repeated_ngrams]) {
        expect(hf.scored).toBe(d.num_tokens_scored)
        expect(hf.green).toBe(d.num_green_tokens)
        const z = kgwZScore(hf.green, hf.scored, s.greenlist_ratio)
        expectRel(z, d.z_score)
        expect(Math.abs(hfApproximatePValue(z) - d.p_value)).toBeLessThanOrEqual(1e-12)
        expect(z > 3).toBe(d.prediction)
      }
      const honest = kgwScoreIds(s.ids, cfg, { ignoreRepeatedNgrams: true, bosId: 50256 })
      if (!honest) throw new Error('no score')
      expect(honest.scored).toBe(s.not_from_reference.unique_ngrams_scored)
      expect(honest.green).toBe(s.not_from_reference.green_unique)
      expectRel(kgwZScore(honest.green, honest.scored, s.greenlist_ratio), s.not_from_reference.z_unique)
      expectRel(
        binomialSf(honest.green, honest.scored, s.greenlist_ratio),
        s.not_from_reference.binomial_sf_unique,
        1e-9
      )
    })
  }
})
