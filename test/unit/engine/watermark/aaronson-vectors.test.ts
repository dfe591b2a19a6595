import { beforeAll, describe, expect, it } from 'vitest'
import {
  aaronsonScoreIds,
  aaronsonSeed,
  gammaIncUpper,
  low32,
  payloadCorrectedPValue,
  type AaronsonConfig,
  type Tokenizer
} from '../../../../src/engine/watermark'
import { loadTokenizers } from '../../../../src/pipeline/tokenizers'
import { expectRel, loadVectors, type Provenance } from './vectors'

interface Published {
  text_index: number
  result: string
  num_token: number
  pvalue: number
  all_pvalues: number[]
  payload: number
}

interface Rerun {
  text_index: number
  token_ids: number[]
  num_token: number
  score: number
  pvalue: number
  all_pvalues: number[]
  payload: number
  score_sums_per_payload_float32: number[]
  scored_positions: number[]
  first_3_increments_float32: number[][]
  first_scored: {
    position: number
    context_ids: number[]
    token_id: number
    rng_seed: number
    score_increments_per_payload: number[]
  }
}

const v = loadVectors<{
  provenance: Provenance & { commit: string }
  published: Published[]
  rerun_reference_detector: { texts: Rerun[] }
}>('aaronson-three-bricks.json')

const cfg: AaronsonConfig = {
  vocabSize: 32000,
  ngram: 2,
  saltKey: 35317n,
  seed: 0n,
  scoring: 'v2',
  payloadMax: 4
}

describe('aaronson-three-bricks.json (three_bricks OpenaiDetector, published Guanaco-7B detections)', () => {
  it('carries provenance', () => expect(v.provenance.repo).toBe('facebookresearch/three_bricks'))

  for (const t of v.rerun_reference_detector.texts) {
    it(`text ${t.text_index}: positions, seed, float32 sums bit-exact, p-values to 1e-9`, () => {
      const r = aaronsonScoreIds(t.token_ids, cfg)
      expect(r.tokens.length).toBe(t.num_token)
      expect(r.tokens.map((x) => x.position)).toEqual(t.scored_positions)
      const first = t.first_scored
      expect(t.token_ids.slice(first.position - 2, first.position)).toEqual(first.context_ids)
      expect(low32(aaronsonSeed(cfg, first.context_ids))).toBe(first.rng_seed)
      expect(r.tokens[0].increments).toEqual(first.score_increments_per_payload)
      expect(r.tokens.slice(0, 3).map((x) => x.increments)).toEqual(t.first_3_increments_float32)
      // bit-exact: sequential float32 accumulation, as the README prescribes
      expect(r.sums).toEqual(t.score_sums_per_payload_float32)
      const pvalues = r.sums.map((s) => Math.max(gammaIncUpper(r.tokens.length, s), 1e-200))
      pvalues.forEach((p, k) => expectRel(p, t.all_pvalues[k], 1e-9))
      const best = Math.min(...pvalues)
      expect(pvalues.indexOf(best)).toBe(t.payload)
      expectRel(payloadCorrectedPValue(best, cfg.payloadMax + 1), t.pvalue, 1e-9)
      expectRel(r.sums[t.payload] / r.tokens.length, t.score, 1e-6) // numpy float32 mean
      const published = v.published.find((p) => p.text_index === t.text_index)
      expect(published?.num_token).toBe(t.num_token)
      expectRel(payloadCorrectedPValue(best, cfg.payloadMax + 1), published?.pvalue ?? NaN, 1e-9)
    })
  }
})

describe('three_bricks tokenizer check (llama-tokenizer-js on the published texts)', () => {
  let llama: Tokenizer | undefined
  beforeAll(async () => {
    llama = (await loadTokenizers()).get('llama')
  })
  for (const p of v.published) {
    it(`text ${p.text_index}: same ids and num_token from the text`, () => {
      if (!llama) throw new Error('llama tokenizer did not load')
      const ids = llama.encode(p.result).ids
      const rerun = v.rerun_reference_detector.texts.find((t) => t.text_index === p.text_index)
      expect(ids).toEqual(rerun?.token_ids)
      expect(aaronsonScoreIds(ids, cfg).tokens.length).toBe(p.num_token)
    })
  }
})
