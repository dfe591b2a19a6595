import { beforeAll, describe, expect, it } from 'vitest'
import { offsetsFromByteLengths } from '../../../src/engine/watermark'
import { loadTokenizers, utf8ByteLength, type LoadedTokenizers } from '../../../src/pipeline/tokenizers'

let tokenizers: LoadedTokenizers
beforeAll(async () => {
  tokenizers = await loadTokenizers()
})

describe('offline tokenizers', () => {
  it('UTF-8 lengths of vocabulary entries match TextEncoder (lone surrogates included)', () => {
    const encoder = new TextEncoder()
    const samples = [
      '',
      'a',
      'é',
      '€',
      '😀',
      'Ġthe',
      '\ud800',
      '\udc00x',
      'a\ud83d',
      '\ud83d\ude00\ud83d',
      '▁naïve'
    ]
    let x = 7
    for (let n = 0; n < 2000; n++) {
      let s = ''
      for (let i = 0; i < 6; i++) {
        x = (x * 1103515245 + 12345) % 2147483648
        s += String.fromCharCode([x % 0x80, x % 0x800, x % 0x10000, 0xd800 + (x % 0x800)][x % 4] as number)
      }
      samples.push(s)
    }
    for (const s of samples) expect(utf8ByteLength(s), JSON.stringify(s)).toBe(encoder.encode(s).length)
  })

  it('GPT-2 (r50k_base) gives the reference ids, no special tokens', () => {
    const gpt2 = tokenizers.get('gpt2')
    expect(gpt2?.vocabSize).toBe(50257)
    expect(gpt2?.encode('Hello world! The quick brown fox.').ids).toEqual([
      15496, 995, 0, 383, 2068, 7586, 21831, 13
    ])
    // special-token text is ordinary text, never id 50256
    expect(gpt2?.encode('<|endoftext|>').ids).not.toContain(50256)
  })

  it('LLaMA gives the reference ids without BOS', () => {
    const llama = tokenizers.get('llama')
    expect(llama?.encode('Hello world!').ids).toEqual([15043, 3186, 29991])
  })

  it('character offsets cover the text exactly (GPT-2 byte-level BPE)', () => {
    const gpt2 = tokenizers.get('gpt2')
    const text = 'Café — “naïve” 😀 test\n\tdone'
    const e = gpt2?.encode(text)
    if (!e) throw new Error('gpt2 missing')
    expect(e.offsets).toHaveLength(e.ids.length)
    expect(e.offsets[0][0]).toBe(0)
    expect(e.offsets[e.offsets.length - 1][1]).toBe(text.length)
    // tokens that split one character share its span; otherwise spans are contiguous
    for (let i = 1; i < e.offsets.length; i++)
      expect(e.offsets[i][0]).toBeGreaterThanOrEqual(e.offsets[i - 1][0])
    const words = e.offsets.map(([s, t]) => text.slice(s, t))
    expect(words).toContain(' test')
    expect(words.filter((w) => w === '😀' || w === ' 😀').length).toBeGreaterThan(0)
  })

  it('character offsets for LLaMA account for the added leading space and byte fallback', () => {
    const llama = tokenizers.get('llama')
    const text = 'Sure, 日本 😀\nok'
    const e = llama?.encode(text)
    if (!e) throw new Error('llama missing')
    const spans = e.offsets.map(([s, t]) => text.slice(s, t))
    expect(spans[0]).toBe('Sure')
    expect(e.offsets[e.offsets.length - 1][1]).toBe(text.length)
    expect(spans).toContain('😀')
  })

  it('reports missing tokenizers with a reason', () => {
    expect(tokenizers.get('gemma')).toBeUndefined()
    expect(tokenizers.unavailableReason?.('gemma')).toContain('not bundled')
    expect(tokenizers.unavailableReason?.('opt')).toContain('not bundled')
    expect(tokenizers.loadMs.gpt2).toBeGreaterThan(0)
  })

  it('offsetsFromByteLengths maps UTF-8 byte runs to UTF-16 spans', () => {
    // "é" is 2 bytes, "😀" is 4 bytes / 2 UTF-16 units
    expect(offsetsFromByteLengths('aé😀', [1, 2, 2, 2])).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
      [2, 4]
    ])
    expect(offsetsFromByteLengths('abc', [1, 1])).toBeNull()
  })
})
