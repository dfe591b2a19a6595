/**
 * End to end through the real GPT-2 tokenizer: ids watermarked with our port of the HF lefthash rule are
 * decoded to text, and the text (re-tokenized, offsets and all) is detected by the shipped profile — while the
 * other shipped profiles, which use other keys or schemes, stay quiet. Also: empty and tiny texts never throw.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { runWatermarkChecks, type WatermarkProfile } from '../../../../src/engine/watermark'
import { loadProfiles } from '../../../../src/pipeline/profiles'
import { loadTokenizers, type LoadedTokenizers } from '../../../../src/pipeline/tokenizers'
import { generate, kgwRule } from './toy'

let profiles: WatermarkProfile[] = []
let tokenizers: LoadedTokenizers
beforeAll(async () => {
  profiles = await loadProfiles(join(__dirname, '../../../../resources/profiles'))
  tokenizers = await loadTokenizers(profiles)
})

describe('real tokenizer round trip', () => {
  it('detects KGW lefthash text generated with the published default key', async () => {
    const { decode } = await import('gpt-tokenizer/encoding/r50k_base')
    const profile = profiles.find((p) => p.id === 'kgw-hf-lefthash-gpt2') as Extract<
      WatermarkProfile,
      { scheme: 'kgw' }
    >
    // the toy model samples only from the first 20k ids (ordinary words and pieces) to keep decoding tame
    const V = 50257
    const rule = kgwRule(profile, 4)
    const ids = generate(160, V, 21, (ctx, logits, u) =>
      rule(
        ctx,
        logits.map((x, v) => (v < 20000 ? x : -Infinity)),
        u
      )
    )
    const text = decode(ids)
    const results = runWatermarkChecks(text, profiles, tokenizers)
    const target = results.find((r) => r.profileId === profile.id)
    expect(target?.status).toBe('scored')
    expect(target?.detected).toBe(true)
    expect(target?.pValueAdjusted ?? 1).toBeLessThan(1e-6)
    // flags point into the text
    for (const f of target?.flags ?? []) {
      expect(f.start).toBeGreaterThanOrEqual(0)
      expect(f.end).toBeLessThanOrEqual(text.length)
    }
    // different key conventions do not light up on it
    for (const r of results) {
      if (r.profileId === profile.id || r.status !== 'scored') continue
      expect(r.detected, r.profileId).toBe(false)
    }
  })

  it('empty and tiny texts give too-short or error results, never exceptions', () => {
    for (const text of ['', 'Hi.', '😀']) {
      const results = runWatermarkChecks(text, profiles, tokenizers)
      expect(results).toHaveLength(profiles.length)
      for (const r of results) {
        expect(['too-short', 'error']).toContain(r.status)
        expect(r.pValue).toBeNull()
        expect(r.detected).toBe(false)
      }
    }
  })
})
