import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { runWatermarkChecks, type WatermarkProfile } from '../../../../src/engine/watermark'
import { compactForTokenizer, MAX_RUN } from '../../../../src/engine/watermark/compact'
import { loadProfiles } from '../../../../src/pipeline/profiles'
import { loadTokenizers, type LoadedTokenizers } from '../../../../src/pipeline/tokenizers'

let profiles: WatermarkProfile[] = []
let tokenizers: LoadedTokenizers
beforeAll(async () => {
  profiles = await loadProfiles(join(__dirname, '../../../../resources/profiles'))
  tokenizers = await loadTokenizers(profiles)
})

const prose =
  'The Industrial Revolution changed how people lived and worked. Factories drew families from farms into ' +
  'crowded towns, where wages were low and hours long.\n\nReformers argued for shorter days and safer machines.'

describe('compactForTokenizer', () => {
  it('leaves ordinary prose untouched, long URLs and long words included', () => {
    const text = `${prose} See https://example.org/a/very/long/path?query=1 and pneumonoultramicroscopicsilicovolcanoconiosis.`
    const c = compactForTokenizer(text)
    expect(c.text).toBe(text)
    expect(c.removed).toBe(0)
  })

  it('cuts every run longer than MAX_RUN of one character class, keeping its start', () => {
    const text = `Hello ${' '.repeat(5000)}world ${'a'.repeat(300)} ${'!'.repeat(200)}${'7'.repeat(150)}\n${'\n'.repeat(400)}end`
    const c = compactForTokenizer(text)
    expect(c.text).toBe(
      `Hello${' '.repeat(MAX_RUN)}world ${'a'.repeat(MAX_RUN)} ${'!'.repeat(MAX_RUN)}${'7'.repeat(MAX_RUN)}${'\n'.repeat(MAX_RUN)}end`
    )
    expect(c.removed).toBe(text.length - c.text.length)
  })

  it('never splits a surrogate pair', () => {
    // 'a' then 120 mathematical bold letters (\p{L}, two code units each): unit 99 is a high surrogate
    const text = ` a${'𝐀'.repeat(120)} `
    const c = compactForTokenizer(text)
    expect(c.text.length).toBe(1 + MAX_RUN + 1 + 1)
    expect(c.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
  })

  it('maps token offsets back so each token covers the same characters of the original', () => {
    const gpt2 = tokenizers.get('gpt2')
    if (!gpt2) throw new Error('gpt2 tokenizer missing')
    const text = `${prose}${' '.repeat(3000)}${prose}${'z'.repeat(1000)} tail`
    const c = compactForTokenizer(text)
    const encoding = c.remap(gpt2.encode(c.text))
    const raw = gpt2.encode(c.text)
    for (const [i, [start, end]] of encoding.offsets.entries()) {
      expect(start).toBeLessThanOrEqual(end)
      expect(end).toBeLessThanOrEqual(text.length)
      // a token has the same characters in both texts, except that one spanning a cut also spans what was
      // left out there: it still starts and ends on the same characters
      const before = text.slice(start, end)
      const after = c.text.slice(raw.offsets[i][0], raw.offsets[i][1])
      if (before !== after) {
        expect(before.length).toBeGreaterThan(after.length)
        expect(before.at(0)).toBe(after.at(0))
        expect(before.at(-1)).toBe(after.at(-1))
      }
    }
    const tail = encoding.offsets.at(-1)
    expect(text.slice(tail?.[0], tail?.[1])).toBe(' tail')
  })
})

describe('watermark checks on hostile text', () => {
  it('finish on runs that used to overflow or take seconds, and say what was left out', () => {
    // Before compaction: a 200,000-space run overflowed gpt-tokenizer's stack ("Maximum call stack size
    // exceeded") and an 80,000-letter word took ~3.4 s in byte-level BPE.
    const text = `${prose}\n${' '.repeat(200_000)}\n${'a'.repeat(80_000)}\n${prose}`
    const tests = runWatermarkChecks(text, profiles, tokenizers)
    for (const t of tests.filter((t) => t.tokenizer === 'gpt2' || t.tokenizer === 'llama')) {
      expect(t.status, `${t.profileId}: ${t.message}`).not.toBe('error')
      for (const f of t.flags) expect(f.end).toBeLessThanOrEqual(text.length)
    }
    const scored = tests.filter((t) => t.status === 'scored')
    expect(scored.length).toBeGreaterThan(0)
    const removed = compactForTokenizer(text).removed.toLocaleString('en-US')
    expect(removed).toBe('279,802') // (200,002 − 100) whitespace + (80,000 − 100) letters
    for (const t of scored)
      expect(t.message).toContain(`${removed} characters in runs longer than ${MAX_RUN}`)
  })
})
