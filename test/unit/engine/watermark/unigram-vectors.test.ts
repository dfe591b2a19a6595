import { describe, expect, it } from 'vitest'
import {
  binomialSf,
  hypergeometricSf,
  normalPpf,
  unigramDynamicThreshold,
  unigramGreenCount,
  unigramMask,
  unigramRngSeed,
  unigramScoreIds
} from '../../../../src/engine/watermark'
import { expectRel, loadVectors, sha256Bytes, sortedSha256, type Provenance } from './vectors'

interface MaskEntry {
  watermark_key: number
  vocab_size: number
  fraction: number
  rng_seed: number
  green_count: number
  green_first_32: number[]
  green_sorted_sha256: string
  mask_u8_sha256: string
  mask_first_64: number[] | string
}

interface Sequence {
  name: string
  ids: number[]
  num_tokens: number
  num_green: number
  z_detect: number
  wm_pred_threshold_6: boolean
  num_unique: number
  num_green_unique: number
  z_unidetect: number
  dynamic_threshold: { alpha: number; tau: number; is_watermarked: boolean; z: number }
  not_from_reference: { binomial_sf_detect: number; hypergeom_sf_unidetect: number }
}

const v = loadVectors<{
  provenance: Provenance
  masks: MaskEntry[]
  detections: { vocab_size: number; fraction: number; watermark_key: number; sequences: Sequence[] }[]
}>('unigram.json')

describe('unigram.json (Unigram-Watermark gptwm.py)', () => {
  it('carries provenance', () => expect(v.provenance.repo).toBe('XuandongZhao/Unigram-Watermark'))

  it.each(v.masks.map((m) => [m.watermark_key, m.vocab_size, m.fraction, m] as const))(
    'mask key %s, V %s, fraction %s',
    (_, __, ___, m) => {
      const cfg = { key: BigInt(m.watermark_key), vocabSize: m.vocab_size, fraction: m.fraction }
      expect(unigramRngSeed(cfg.key)).toBe(m.rng_seed)
      expect(unigramGreenCount(cfg)).toBe(m.green_count)
      const mask = unigramMask(cfg)
      const green = Array.from(mask.keys()).filter((i) => mask[i] === 1)
      expect(green.length).toBe(m.green_count)
      expect(green.slice(0, 32)).toEqual(m.green_first_32)
      expect(sortedSha256(green)).toBe(m.green_sorted_sha256)
      expect(sha256Bytes(mask)).toBe(m.mask_u8_sha256)
      const first64 = Array.from(mask.slice(0, 64))
      const expected =
        typeof m.mask_first_64 === 'string'
          ? Array.from(m.mask_first_64, Number)
          : m.mask_first_64.map(Number)
      expect(first64).toEqual(expected)
    }
  )

  for (const d of v.detections) {
    for (const s of d.sequences) {
      it(`detection V=${d.vocab_size} key=${d.watermark_key}: ${s.name}`, () => {
        const cfg = { key: BigInt(d.watermark_key), vocabSize: d.vocab_size, fraction: d.fraction }
        const r = unigramScoreIds(s.ids, cfg)
        expect(r.numTokens).toBe(s.num_tokens)
        expect(r.numGreen).toBe(s.num_green)
        expectRel(r.zDetect, s.z_detect)
        expect(r.zDetect > 6).toBe(s.wm_pred_threshold_6)
        expect(r.numUnique).toBe(s.num_unique)
        expect(r.numGreenUnique).toBe(s.num_green_unique)
        expectRel(r.zUnidetect, s.z_unidetect)
        const tau = unigramDynamicThreshold(
          r.numUnique,
          d.vocab_size,
          normalPpf(1 - s.dynamic_threshold.alpha)
        )
        expectRel(tau, s.dynamic_threshold.tau)
        expect(r.zUnidetect > tau).toBe(s.dynamic_threshold.is_watermarked)
        expectRel(
          binomialSf(r.numGreen, r.numTokens, d.fraction),
          s.not_from_reference.binomial_sf_detect,
          1e-9
        )
        expectRel(
          hypergeometricSf(r.numGreenUnique, d.vocab_size, unigramGreenCount(cfg), r.numUnique),
          s.not_from_reference.hypergeom_sf_unidetect,
          1e-9
        )
      })
    }
  }
})
