/**
 * XML entity decoding (src/pipeline/extract/xml.ts): the one-pass decoder gives exactly what the earlier
 * regular-expression decoder gave on every input, and megabyte values decode completely. Its speed is measured
 * by `npm run bench` (scripts/bench-extract.ts), never asserted here.
 */
import { describe, expect, it } from 'vitest'
import { decodeEntities, parseXml, type XmlElement } from '../../../../src/pipeline/extract/xml'
import { Rng, seededRandom } from '../../hardening/mutators'

/** The earlier decoder, kept as the reference (correct, but slow on a megabyte of references). */
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
function reference(text: string): string {
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? whole
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : ''
  })
}

describe('decodeEntities', () => {
  it('decodes the five predefined entities and numeric references, and nothing else', () => {
    const cases: [string, string][] = [
      ['a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;', `a <b> & "c" 'd'`],
      ['&#65;&#x42;&#x1F600;&#0000067;', 'AB😀C'],
      ['&#0; &#xD800; &#x110000; &#99999999999999999999;', '   '],
      ['&nbsp; &AMP; &amp &#; &#x; &#x1G; & ;', '&nbsp; &AMP; &amp &#; &#x; &#x1G; & ;'],
      ['&&amp;&&#38;;', '&&&&;'],
      ['no references', 'no references'],
      ['tail &', 'tail &']
    ]
    for (const [input, expected] of cases) {
      expect(decodeEntities(input), input).toBe(expected)
      expect(reference(input), input).toBe(expected)
    }
  })

  it('agrees with the reference decoder on 5,000 random strings of reference fragments', () => {
    const rng = new Rng(seededRandom(16))
    const pieces = [
      '&',
      ';',
      '#',
      'x',
      'amp',
      'lt',
      'quot',
      'apos',
      'gt',
      '1',
      'F',
      '0',
      'D8',
      'a',
      ' ',
      '😀',
      'é'
    ]
    for (let n = 0; n < 5000; n++) {
      let s = ''
      for (let i = 0, len = rng.int(40); i < len; i++) s += rng.pick(pieces)
      expect(decodeEntities(s), JSON.stringify(s)).toBe(reference(s))
    }
  })

  it('decodes megabyte values completely (a million references in one attribute and one text node)', () => {
    for (const [unit, decoded] of [
      ['&amp;', '&'],
      ['&#x1F600;', '😀'],
      ['&#38', '&#38'],
      ['&', '&']
    ]) {
      const value = unit.repeat(1_000_000)
      const root = parseXml(`<doc><w:t w:val="${value}">${value}</w:t></doc>`, 'docx')
      const t = (root.children[0] as XmlElement).children[0] as XmlElement
      expect(t.attrs['w:val']?.length, unit).toBe(decoded.length * 1_000_000)
      expect(t.attrs['w:val']?.slice(0, decoded.length * 3), unit).toBe(decoded.repeat(3))
      expect(t.children[0], unit).toBe(t.attrs['w:val'])
    }
  }, 120_000)
})
