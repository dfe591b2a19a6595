import { describe, expect, it } from 'vitest'
import {
  binomialSf,
  synthIdGValues,
  synthIdHashInitB,
  synthIdMasks,
  synthIdSamplingTable,
  synthIdScores,
  synthIdWeights,
  type SynthIdConfig
} from '../../../../src/engine/watermark'
import { expectRel, loadVectors, sha256Bytes, type Provenance } from './vectors'

interface Sequence {
  name: string
  ids: number[]
  g_values_shape: [number, number]
  g_values_sha256_u8: string
  g_values_rows?: string[]
  context_repetition_mask: number[]
  eos_mask_sliced: number[]
  mask: number[]
  num_unmasked: number
  ones_total: number
  ones_per_layer: number[]
  mean_score: number
  weighted_mean_score: number
  not_from_reference: { mean_binomial_sf: number }
  debug_first_ngrams: {
    ngram: number[]
    context_hash: string
    ngram_hash: string
    ngram_keys_per_layer: string[]
    table_index_per_layer?: number[]
    get_gvals_trace_layer0?: { after_each_round: string[]; g: number }
  }[]
}

interface SynthIdFile {
  provenance: Provenance
  config: {
    keys: number[]
    ngram_len: number
    context_history_size: number
    eos_token_id_used: number
    score_weights_weighted_mean: number[]
    hash_init: number | string
    sampling_table_size?: number
    sampling_table_seed?: number
    sampling_table_first_64?: string
    sampling_table_ones?: number
    sampling_table_sha256_u8?: string
  }
  sequences: Sequence[]
}

/** Independent BigInt reference of accumulate_hash, to check the fast uint32-pair path on the debug values. */
const MULT = 6364136223846793005n
const accumulate = (h: bigint, data: readonly (number | bigint)[]): bigint =>
  data.reduce<bigint>((acc, d) => BigInt.asIntN(64, BigInt.asIntN(64, acc + BigInt(d)) * MULT + 1n), h)

for (const [file, variant] of [
  ['synthid-hf.json', 'A-table'],
  ['synthid-deepmind.json', 'B-hash']
] as const) {
  const v = loadVectors<SynthIdFile>(file)
  const c = v.config
  const cfg: SynthIdConfig = {
    variant,
    keys: c.keys.map(BigInt),
    ngramLen: c.ngram_len,
    contextHistorySize: c.context_history_size,
    samplingTableSize: c.sampling_table_size ?? 65536,
    samplingTableSeed: BigInt(c.sampling_table_seed ?? 0),
    eosId: c.eos_token_id_used
  }
  const init = variant === 'A-table' ? 1n : BigInt(c.hash_init)

  describe(`${file} (SynthID-Text variant ${variant})`, () => {
    it('carries provenance', () =>
      expect(v.provenance.repo).toBe(
        variant === 'A-table' ? 'huggingface/transformers' : 'google-deepmind/synthid-text'
      ))

    if (variant === 'A-table') {
      it('reproduces the CPU sampling table torch.randint(0, 2, (65536,), seed 0)', () => {
        const table = synthIdSamplingTable(cfg.samplingTableSize, cfg.samplingTableSeed)
        expect(Array.from(table.slice(0, 64)).join('')).toBe(c.sampling_table_first_64)
        expect(table.reduce((a, b) => a + b, 0)).toBe(c.sampling_table_ones)
        expect(sha256Bytes(table)).toBe(c.sampling_table_sha256_u8)
      })
    } else {
      it('derives the hash init from sha256 of the keys', () => {
        expect(synthIdHashInitB(cfg.keys).toString()).toBe(String(c.hash_init))
      })
    }

    it('uses the reference weights', () => {
      synthIdWeights(30).forEach((w, i) => expectRel(w, c.score_weights_weighted_mean[i]))
    })

    for (const s of v.sequences) {
      it(`${s.name}: g-values, masks, counts and scores`, () => {
        const g = synthIdGValues(s.ids, cfg)
        expect([g.rows.length, g.rows[0]?.length]).toEqual(s.g_values_shape)
        const flat = new Uint8Array(g.rows.length * 30)
        g.rows.forEach((row, t) => flat.set(row, t * 30))
        expect(sha256Bytes(flat)).toBe(s.g_values_sha256_u8)
        if (s.g_values_rows) {
          const rows = g.rows.slice(0, s.g_values_rows.length).map((r) => Array.from(r).join(''))
          expect(rows).toEqual(s.g_values_rows)
        }
        const masks = synthIdMasks(s.ids, g, cfg)
        expect(Array.from(masks.repetition)).toEqual(s.context_repetition_mask)
        expect(Array.from(masks.eos)).toEqual(s.eos_mask_sliced)
        expect(Array.from(masks.mask)).toEqual(s.mask)
        const scores = synthIdScores(g.rows, masks.mask, 30)
        expect(scores.numUnmasked).toBe(s.num_unmasked)
        expect(scores.onesTotal).toBe(s.ones_total)
        expect(scores.onesPerLayer).toEqual(s.ones_per_layer)
        expectRel(scores.meanScore, s.mean_score)
        expectRel(scores.weightedMeanScore, s.weighted_mean_score)
        expectRel(
          binomialSf(scores.onesTotal, 30 * scores.numUnmasked, 0.5),
          s.not_from_reference.mean_binomial_sf,
          1e-9
        )
      })

      it(`${s.name}: int64 debug values of the first n-grams`, () => {
        for (const d of s.debug_first_ngrams) {
          expect(accumulate(init, d.ngram.slice(0, -1)).toString()).toBe(d.context_hash)
          const ngramHash = accumulate(init, d.ngram)
          expect(ngramHash.toString()).toBe(d.ngram_hash)
          const keys = cfg.keys.map((k) => accumulate(ngramHash, [k]))
          expect(keys.map(String)).toEqual(d.ngram_keys_per_layer)
          if (d.table_index_per_layer) {
            expect(keys.map((k) => Number(((k % 65536n) + 65536n) % 65536n))).toEqual(d.table_index_per_layer)
          }
          if (d.get_gvals_trace_layer0) {
            let k = keys[0]
            const trace: string[] = []
            for (let round = 0; round < 12; round++) {
              k = accumulate(k, [1]) >> 5n
              trace.push(k.toString())
            }
            expect(trace).toEqual(d.get_gvals_trace_layer0.after_each_round)
            expect(Number((((k >> 30n) % 2n) + 2n) % 2n)).toBe(d.get_gvals_trace_layer0.g)
          }
        }
      })
    }
  })
}
