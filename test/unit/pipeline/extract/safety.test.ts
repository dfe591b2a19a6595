import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ExtractFailure } from '../../../../src/pipeline/extract/errors'
import { decodeEntities, parseXml, textContent, type XmlElement } from '../../../../src/pipeline/extract/xml'
import { DEFAULT_ZIP_LIMITS, SafeZip } from '../../../../src/pipeline/extract/zip'

function codeOf(fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (error) {
    if (error instanceof ExtractFailure) return error.code
    throw error
  }
}

describe('SafeZip', () => {
  const zip = zipSync({ 'a.txt': strToU8('hello'), 'b.xml': strToU8('<x>' + 'y'.repeat(5000) + '</x>') })

  it('lists and reads entries', () => {
    const z = new SafeZip(zip, 'docx')
    expect(z.names().sort()).toEqual(['a.txt', 'b.xml'])
    expect(z.readText('a.txt')).toBe('hello')
    expect(z.readText('b.xml')?.length).toBe(5007)
    expect(z.read('missing')).toBeNull()
  })

  it('refuses archives with too many entries', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, strToU8('x')])))
    expect(codeOf(() => new SafeZip(many, 'docx', { ...DEFAULT_ZIP_LIMITS, maxEntries: 20 }))).toBe(
      'zip-bomb'
    )
  })

  it('refuses an entry over the per-entry cap and over the total cap', () => {
    const z = new SafeZip(zip, 'docx', { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 1000 })
    expect(codeOf(() => z.read('b.xml'))).toBe('zip-bomb')
    const t = new SafeZip(zip, 'docx', { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 5010 })
    t.read('b.xml')
    expect(codeOf(() => t.read('a.txt'))).toBe('zip-bomb')
  })

  it('refuses an entry with an extreme compression ratio before inflating it, but only that entry', () => {
    const white = new Uint8Array(2 * 1024 * 1024).fill(32)
    const z = new SafeZip(
      zipSync({ 'word/media/blank.bmp': white, 'a.txt': strToU8('fine') }, { level: 9 }),
      'docx'
    )
    expect(z.readText('a.txt')).toBe('fine')
    expect(codeOf(() => z.read('word/media/blank.bmp'))).toBe('zip-bomb')
  })

  it('calls truncated or non-zip bytes corrupt', () => {
    expect(codeOf(() => new SafeZip(zip.subarray(0, zip.length - 30), 'docx'))).toBe('corrupt')
    expect(codeOf(() => new SafeZip(strToU8('PK\u0003\u0004 not really'), 'odt'))).toBe('corrupt')
  })

  it('reports an encrypted entry as encrypted', () => {
    const z = zipSync({ 'a.txt': strToU8('hello') })
    const copy = z.slice()
    const view = new DataView(copy.buffer)
    for (let at = 0; at < copy.length - 4; at++) {
      const sig = view.getUint32(at, true)
      if (sig === 0x04034b50) view.setUint16(at + 6, 1, true)
      if (sig === 0x02014b50) view.setUint16(at + 8, 1, true)
    }
    expect(codeOf(() => new SafeZip(copy, 'docx').read('a.txt'))).toBe('encrypted')
  })
})

describe('parseXml', () => {
  const root = (xml: string): XmlElement =>
    parseXml(xml, 'docx').children.find((c) => typeof c === 'object') as XmlElement

  it('parses elements, attributes (either quote, with entities) and text', () => {
    const el = root(
      `<?xml version="1.0"?><!-- c --><a x="1 &amp; 2" y='q"uote'><b/>t&lt;&#x41;&#66;<![CDATA[<raw>]]></a>`
    )
    expect(el.name).toBe('a')
    expect(el.attrs).toEqual({ x: '1 & 2', y: 'q"uote' })
    expect(textContent(el)).toBe('t<AB<raw>')
  })

  it('decodes only the predefined entities and numeric references', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#233;&#x1F600;&nbsp;&foo;')).toBe('<>&"\'é😀&nbsp;&foo;')
  })

  it('refuses any DOCTYPE or ENTITY declaration', () => {
    expect(codeOf(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', 'docx'))).toBe('xml-entities')
    expect(codeOf(() => parseXml('<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>', 'odt'))).toBe('xml-entities')
  })

  it('caps nesting depth and node count', () => {
    expect(codeOf(() => parseXml('<a>'.repeat(300) + '</a>'.repeat(300), 'docx'))).toBe('too-complex')
    expect(
      codeOf(() => parseXml(`<r>${'<i/>'.repeat(50)}</r>`, 'docx', { maxDepth: 10, maxNodes: 20 }))
    ).toBe('too-complex')
  })

  it('calls malformed XML corrupt', () => {
    for (const bad of ['<a><b></a>', '<a>', '<a x="1>', '<a></b>', '<!-- open', '<a><![CDATA[x</a>'])
      expect(
        codeOf(() => parseXml(bad, 'docx')),
        bad
      ).toBe('corrupt')
  })
})
