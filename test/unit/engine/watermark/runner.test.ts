import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import {
  DEFAULT_ALPHA,
  formatPValue,
  oneIn,
  runWatermarkChecks,
  type WatermarkProfile
} from '../../../../src/engine/watermark'
import { loadProfiles } from '../../../../src/pipeline/profiles'
import { fakeTokenizer, generate, idsToText, kgwRule } from './toy'

let shipped: WatermarkProfile[] = []
beforeAll(async () => {
  shipped = await loadProfiles(join(__dirname, '../../../../resources/profiles'))
})

const V = 1000
const registry = {
  get: (id: string) => (id === 'toy' ? fakeTokenizer('toy', V) : undefined),
  unavailableReason: (id: string) => (id === 'gemma' ? 'not bundled' : undefined)
}
const toy = (id: string): WatermarkProfile => {
  const p = shipped.find((x) => x.id === id)
  if (!p) throw new Error(`missing ${id}`)
  return { ...p, id: `${id}-toy`, tokenizer: { id: 'toy', vocabSize: V } }
}

describe('runWatermarkChecks', () => {
  it('reports scored, too-short and error results with plain-language messages', () => {
    const lefthash = toy('kgw-hf-lefthash-gpt2')
    const ids = generate(200, V, 3, kgwRule(lefthash as Extract<WatermarkProfile, { scheme: 'kgw' }>, 2))
    const text = idsToText(ids)
    const gemma = shipped.find((p) => p.id === 'synthid-hf-gemma')
    if (!gemma) throw new Error('missing gemma profile')
    const unigram = toy('unigram-llama-key0')
    const results = runWatermarkChecks(
      text,
      [lefthash, gemma, { ...unigram, minScoredTokens: 10_000 }],
      registry
    )
    const [scored, missing, short] = results

    expect(scored.status).toBe('scored')
    expect(scored.profileId).toBe('kgw-hf-lefthash-gpt2-toy')
    expect(scored.scheme).toBe('kgw')
    expect(scored.publicDefaultKey).toBe(true)
    expect(scored.statistic?.name).toBe('z')
    expect(scored.pValue).toBeLessThan(1e-6)
    // only one test was scored, so Holm leaves it unchanged
    expect(scored.pValueAdjusted).toBe(scored.pValue)
    expect(scored.detected).toBe(true)
    expect(scored.message).toContain('Watermark detected')
    expect(scored.message).toContain('published default key')
    expect(scored.message).toContain('not proof')

    // flags: one per token, character offsets into the text, first token unscored (it has no context)
    expect(scored.flags).toHaveLength(200)
    expect(scored.flags[0].value).toBeNull()
    scored.flags.forEach((f, i) => expect(text.slice(f.start, f.end)).toBe(`t${ids[i]}`))
    const counted = scored.flags.filter((f) => f.value !== null)
    expect(counted.length).toBe(scored.tokensScored)

    expect(missing.status).toBe('error')
    expect(missing.pValue).toBeNull()
    expect(missing.message).toContain('not available offline')
    expect(missing.message).toContain('not bundled')

    expect(short.status).toBe('too-short')
    expect(short.pValue).toBeNull()
    expect(short.message).toContain('Nothing can be concluded')
  })

  it('applies Holm across the scored profiles and words a negative result honestly', () => {
    const next = generate(150, V, 99, (_, logits, u) => Math.floor(u * logits.length))
    const profiles = ['kgw-hf-lefthash-gpt2', 'unigram-llama-key0', 'synthid-deepmind-gpt2'].map(toy)
    const results = runWatermarkChecks(idsToText(next), profiles, registry)
    const ps = results.map((r) => r.pValue ?? NaN)
    const order = [...ps.keys()].sort((a, b) => ps[a] - ps[b])
    expect(results[order[0]].pValueAdjusted).toBeCloseTo(Math.min(1, 3 * ps[order[0]]), 12)
    for (const r of results) {
      expect(r.status).toBe('scored')
      expect(r.pValueAdjusted ?? 0).toBeGreaterThanOrEqual(r.pValue ?? 1)
      expect(r.detected).toBe(false)
      expect(r.message).toContain('does not indicate human authorship')
      expect(r.message).toContain('no commercial chatbot publishes its watermark key')
    }
  })

  it('rejects token ids outside the profile vocabulary instead of scoring them', () => {
    const small = { ...toy('unigram-llama-key0'), tokenizer: { id: 'toy', vocabSize: 10 } }
    const [r] = runWatermarkChecks('t1 t2 t50', [small], registry)
    expect(r.status).toBe('error')
    expect(r.message).toContain('outside')
  })

  it('skips disabled profiles and can omit flags', () => {
    const p = toy('kgw-hf-lefthash-gpt2')
    expect(runWatermarkChecks('t1 t2', [{ ...p, enabled: false }], registry)).toEqual([])
    const [r] = runWatermarkChecks(
      idsToText(generate(80, V, 5, (_, l, u) => Math.floor(u * l.length))),
      [p],
      registry,
      { includeFlags: false }
    )
    expect(r.flags).toEqual([])
    expect(DEFAULT_ALPHA).toBe(1e-6)
  })

  it('formats p-values for people', () => {
    expect(formatPValue(0.4231)).toBe('0.423')
    expect(formatPValue(3.2e-7)).toBe('3.2×10⁻⁷')
    expect(formatPValue(9.96e-5)).toBe('1.0×10⁻⁴')
    expect(formatPValue(1e-40)).toBe('below 10⁻¹²')
    expect(oneIn(3e-12)).toBe('1 in 330 billion')
    expect(oneIn(1e-13)).toBe('less than 1 in a trillion')
    expect(oneIn(0.01)).toBe('1 in 100')
  })
})
