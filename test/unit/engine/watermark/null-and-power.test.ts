/**
 * Statistical behaviour, not fixed numbers:
 * - validity: on text unrelated to the key (uniform random ids), p-values are ~uniform (KS distance below the
 *   α = 0.001 critical value) and never anti-conservative at 1%, 5%, 10%;
 * - power: sequences watermarked with our own port of each generation rule are detected (p < 1e-6), while
 *   plain samples from the same toy model are not.
 * Everything is seeded, so the test is deterministic.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import {
  aaronsonSeed,
  low32,
  runWatermarkChecks,
  scoreProfile,
  type WatermarkProfile
} from '../../../../src/engine/watermark'
import { loadProfiles } from '../../../../src/pipeline/profiles'
import {
  aaronsonRule,
  fakeTokenizer,
  generate,
  idsToText,
  kgwRule,
  mulberry32,
  plainSampling,
  synthIdRule,
  unigramRule,
  type Generator
} from './toy'

let shipped: WatermarkProfile[] = []
beforeAll(async () => {
  shipped = (await loadProfiles(join(__dirname, '../../../../resources/profiles'))).filter(
    (p) => p.tokenizer.id === 'gpt2' || p.tokenizer.id === 'llama'
  )
  // the weighted-mean SynthID score (normal approximation) is tested alongside the shipped mean-score profiles
  const synthid = shipped.find((p) => p.id === 'synthid-deepmind-gpt2')
  if (synthid?.scheme === 'synthid') {
    shipped.push({
      ...synthid,
      id: 'synthid-deepmind-gpt2-weighted',
      params: { ...synthid.params, score: 'weighted-mean' }
    })
  }
})

/** Two-sided Kolmogorov–Smirnov distance of a sample from Uniform(0, 1). */
function ksDistance(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  return sorted.reduce((d, x, i) => Math.max(d, Math.abs((i + 1) / n - x), Math.abs(x - i / n)), 0)
}

describe('validity: p-values on unwatermarked (random) token sequences', () => {
  const RUNS = 80
  const LENGTH = 160
  it('every shipped profile gives ~uniform, never anti-conservative p-values', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(6)
    for (const profile of shipped) {
      const next = mulberry32(1234 + profile.id.length)
      const pValues: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const ids = Array.from({ length: LENGTH }, () => Math.floor(next() * profile.tokenizer.vocabSize))
        pValues.push(scoreProfile(profile, ids).pValue)
      }
      const d = ksDistance(pValues)
      // critical value of the KS test at α = 0.001 is 1.95/√n; discrete tests only make the CDF more conservative
      expect(d, `${profile.id}: KS distance ${d.toFixed(3)}`).toBeLessThan(1.95 / Math.sqrt(RUNS))
      for (const level of [0.01, 0.05, 0.1]) {
        const rate = pValues.filter((p) => p <= level).length / RUNS
        expect(rate, `${profile.id} at ${level}`).toBeLessThanOrEqual(
          level + 3 * Math.sqrt((level * (1 - level)) / RUNS)
        )
      }
    }
  })
})

describe('power: toy sequences watermarked with each generation rule are detected', () => {
  const V = 1000
  const toyProfile = (p: WatermarkProfile): WatermarkProfile => ({
    ...p,
    id: `${p.id}-toy`,
    tokenizer: { id: 'toy', vocabSize: V }
  })
  const byId = (id: string): WatermarkProfile => {
    const p = shipped.find((x) => x.id === id)
    if (!p) throw new Error(`missing shipped profile ${id}`)
    return toyProfile(p)
  }
  const registry = { get: (id: string) => (id === 'toy' ? fakeTokenizer('toy', V) : undefined) }

  const cases: [string, (p: WatermarkProfile) => Generator][] = [
    ['kgw-lmw-selfhash-gpt2', (p) => kgwRule(p as Extract<WatermarkProfile, { scheme: 'kgw' }>, 2)],
    ['kgw-hf-lefthash-gpt2', (p) => kgwRule(p as Extract<WatermarkProfile, { scheme: 'kgw' }>, 2)],
    ['kgw-hf-selfhash-gpt2', (p) => kgwRule(p as Extract<WatermarkProfile, { scheme: 'kgw' }>, 4)],
    ['unigram-llama-key0', (p) => unigramRule(p as Extract<WatermarkProfile, { scheme: 'unigram' }>, 2)],
    [
      'aaronson-threebricks-llama',
      (p) => {
        const a = p as Extract<WatermarkProfile, { scheme: 'aaronson' }>
        const cfg = {
          vocabSize: V,
          ngram: a.params.ngram,
          saltKey: BigInt(a.params.saltKey),
          seed: BigInt(a.params.seed),
          scoring: a.params.scoring,
          payloadMax: a.params.payloadMax
        }
        return aaronsonRule(a, (ctx) => low32(aaronsonSeed(cfg, ctx)))
      }
    ],
    ['synthid-hf-gpt2', (p) => synthIdRule(p as Extract<WatermarkProfile, { scheme: 'synthid' }>)],
    ['synthid-deepmind-gpt2', (p) => synthIdRule(p as Extract<WatermarkProfile, { scheme: 'synthid' }>)],
    [
      'synthid-deepmind-gpt2-weighted',
      (p) => synthIdRule(p as Extract<WatermarkProfile, { scheme: 'synthid' }>)
    ]
  ]

  for (const [id, rule] of cases) {
    it(`${id}: watermarked toy text is detected, plain toy text is not`, () => {
      const profile = byId(id)
      const watermarked = generate(220, V, 11, rule(profile))
      const plain = generate(220, V, 11, plainSampling)
      const [wm] = runWatermarkChecks(idsToText(watermarked), [profile], registry)
      const [control] = runWatermarkChecks(idsToText(plain), [profile], registry)
      expect(wm.status).toBe('scored')
      expect(wm.pValue ?? 1).toBeLessThan(1e-6)
      expect(wm.detected).toBe(true)
      expect(control.status).toBe('scored')
      expect(control.pValue ?? 0).toBeGreaterThan(1e-3)
      expect(control.detected).toBe(false)
    })
  }
})
