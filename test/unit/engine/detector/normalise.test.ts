import { describe, expect, it } from 'vitest'
import { normalise, toOriginalSpan } from '../../../../src/engine/detector/normalise'
import { featurize } from '../../../../src/engine/detector/featurize'
import { fnv1a } from '../../../../src/engine/detector/hash'

const CLEAN = 'In conclusion, it is important to note that technology plays a crucial role.'

describe('normalise', () => {
  it('defeats zero-width characters and Cyrillic/Greek homoglyphs', () => {
    const attacked =
      'In con\u200bclusion, it is imp\u043ertant to n\u043ete that techn\u043el\u043egy pl\u0430ys a cruci\u0430l r\u03bfle.\u2060'
    expect(normalise(attacked).text).toBe(CLEAN)
    expect(Array.from(featurize(normalise(attacked).text).vector.indices)).toEqual(
      Array.from(featurize(normalise(CLEAN).text).vector.indices)
    )
  })

  it('folds typography, collapses whitespace and drops a leading Title line and markdown marks', () => {
    const raw = 'Title: The Essay\n\n\u201cWell\u201d \u2014 it\u2019s   **fine**\u2026\u00a0\r\nReally.'
    expect(normalise(raw).text).toBe('"Well" - it\'s fine... Really.')
  })

  it('keeps non-Latin scripts that are not look-alikes and precomposed accents; reads a decorated letter as itself', () => {
    expect(normalise('Caf\u00e9 \u6211').text).toBe('Caf\u00e9 \u6211')
    // combining marks on an ASCII letter (an evasion trick: "o" + U+0307) leave the letter alone
    expect(normalise('Cafe\u0301 imp\u006f\u0307rtant').text).toBe('Cafe important')
    // non-ASCII bases compose as NFKC does
    expect(normalise('\u00fc\u0301').text).toBe('\u01d8')
  })

  it('maps every normalised character back to the original text', () => {
    const raw = '  Hello\u200b w\u043erld \u2014 “quoted”  '
    const n = normalise(raw)
    expect(n.origStart.length).toBe(n.text.length)
    const i = n.text.indexOf('world')
    const [s, e] = toOriginalSpan(n, i, i + 5)
    expect(raw.slice(s, e)).toBe('w\u043erld')
    const q = n.text.indexOf('"quoted"')
    const [qs, qe] = toOriginalSpan(n, q, q + 8)
    expect(raw.slice(qs, qe)).toBe('“quoted”')
  })

  it('uses the documented FNV-1a 32-bit hash', () => {
    // Reference values of FNV-1a 32-bit (offset 0x811c9dc5, prime 0x01000193)
    expect(fnv1a('')).toBe(0x811c9dc5)
    expect(fnv1a('a')).toBe(0xe40c292c)
    expect(fnv1a('foobar')).toBe(0xbf9cf968)
  })
})
