/**
 * mammoth (the brief's DOCX library) against our reader, issue 13. The table of differences is printed with
 * INKPRINT_DOCX_TABLE=1; each difference that decides which reader reads what is pinned by a test here, so
 * a mammoth upgrade that closes a gap makes one of them fail and the split can be revisited.
 */
import { unzipSync, zipSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { mammothPackage, readDocxWithMammoth } from './docx-mammoth-reader'
import { SafeZip } from '../../../../src/pipeline/extract/zip'
import { docxPackage, W_NS, wDocument, wParagraph } from '../../hardening/office-docs'
import { compareReaders, featureCases, generatedCases, type Comparison } from './docx-readers'

async function compareAll(): Promise<Map<string, Comparison>> {
  const out = new Map<string, Comparison>()
  for (const c of [...(await generatedCases()), ...featureCases()]) out.set(c.name, await compareReaders(c))
  if (process.env.INKPRINT_DOCX_TABLE) {
    const side = (v: Comparison['ours']): string =>
      v.error ? `refused (${v.error})` : `${v.kinds.length} paragraphs, ${v.hidden} hidden, ${v.notes} notes`
    const rows = [...out.values()].map(
      (r) => `| ${r.name} | ${side(r.ours)} | ${side(r.mammoth)} | ${r.differences.join('; ') || 'none'} |`
    )
    console.log(['| DOCX | ours | mammoth | differences |', '|---|---|---|---|', ...rows].join('\n'))
  }
  return out
}

describe('our DOCX reader and mammoth, fixture by fixture', async () => {
  const table = await compareAll()
  const row = (name: string): Comparison => table.get(name) as Comparison

  it('agree exactly on the generated essays (text, paragraph boundaries, declared kinds)', () => {
    for (const name of ['essay.docx', 'essay-word.docx', 'empty.docx']) {
      expect(row(name).differences, name).toEqual([])
      expect(row(name).ours.error).toBeUndefined()
    }
    expect(row('essay.docx').ours.declared).toContain('heading')
    expect(row('essay.docx').ours.declared).toContain('table')
  })

  it('refuse every hostile or broken fixture with the same code, before mammoth sees it', () => {
    const refused = {
      'bomb.docx': 'zip-bomb',
      'bomb-lying-header.docx': 'zip-bomb',
      'laughs.docx': 'xml-entities',
      'deep.docx': 'too-complex',
      'truncated.docx': 'corrupt',
      'pdf-named.docx': 'corrupt',
      'spreadsheet.docx': 'corrupt'
    }
    for (const [name, code] of Object.entries(refused)) {
      expect(row(name).ours.error, name).toBe(code)
      expect(row(name).mammoth.error, name).toBe(code)
    }
  })

  it('agree on style names, lists, tables, revisions, fields, content controls and ns0: prefixes', () => {
    for (const name of [
      'numbered list',
      'table with nested table',
      'deleted revision, insertion, field code',
      'content control (w:sdt)',
      'text box as Word writes it (mc:AlternateContent, VML fallback)',
      'ns0: prefixes'
    ])
      expect(row(name).differences, name).toEqual([])
    expect(row('numbered list').mammoth.declared).toEqual(['list'])
    expect(row('table with nested table').mammoth.text).toBe('Name\tScore\nAda Lovelace\tnine')
  })

  it('mammoth loses headings made by basedOn styles and by outline levels (its model has neither)', () => {
    expect(row('headings, quote, basedOn').ours.declared).toEqual(['heading', 'heading', 'quote', '-'])
    expect(row('headings, quote, basedOn').mammoth.declared).toEqual(['heading', '-', 'quote', '-'])
    expect(row('outline-level heading').ours.declared).toEqual(['heading', '-'])
    expect(row('outline-level heading').mammoth.declared).toEqual(['-', '-'])
  })

  it('mammoth maps w:sym to Unicode and keeps soft hyphens; ours drops both', () => {
    const r = row('hyperlink, smart tag, page break, symbol, soft hyphen')
    expect(r.ours.text).toBe('linked words in Paris\nnext pageexample')
    expect(r.mammoth.text).toBe('linked words in Paris\nnext page\u2192ex\u00adample')
  })

  it('mammoth reads footnotes, which our reader leaves out', () => {
    const r = row('footnote')
    expect(r.mammoth.notes).toBe(1)
    expect(r.ours.notes).toBe(0)
    expect(r.ours.text).toBe(r.mammoth.text)
  })

  it.each(['w:vanish run', 'hidden character style', 'white text', '1-point text'])(
    'mammoth scores text a reader cannot see (%s); ours leaves it out and reports it',
    (name) => {
      const r = row(name)
      expect(r.ours.text).toBe('Visible words.')
      expect(r.ours.hidden).toBe(1)
      expect(r.mammoth.text.startsWith('Visible words. ')).toBe(true)
      expect(r.mammoth.text.length).toBeGreaterThan('Visible words. '.length)
      expect(r.mammoth.hidden).toBe(0)
    }
  )

  it('mammoth drops a DrawingML text box and a w:altChunk; ours reads both', () => {
    expect(row('text box (DrawingML)').ours.text).toContain('Inside the box.')
    expect(row('text box (DrawingML)').mammoth.text).not.toContain('Inside the box.')
    expect(row('w:altChunk (HTML)').ours.text).toContain('The committee met')
    expect(row('w:altChunk (HTML)').mammoth.text).not.toContain('The committee met')
  })
})

describe('mammoth only ever sees parts our caps and XML reader have passed', () => {
  const body = wDocument(wParagraph('An honest paragraph.'))

  it('the package it reads holds only its XML parts, stored without compression', () => {
    const source = docxPackage({
      document: body,
      parts: { 'word/media/image1.png': new Uint8Array(4096), 'customXml/item1.xml': '<a/>' }
    })
    const pkg = mammothPackage(new SafeZip(source, 'docx'))
    expect(Object.keys(unzipSync(pkg)).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/_rels/document.xml.rels',
      'word/document.xml'
    ])
    // Every local header says "stored" (method 0): JSZip has nothing to inflate.
    const view = new DataView(pkg.buffer, pkg.byteOffset, pkg.byteLength)
    for (let at = 0; at + 4 <= pkg.length; at++)
      if (view.getUint32(at, true) === 0x04034b50) expect(view.getUint16(at + 8, true)).toBe(0)
  })

  it('a DTD in a part mammoth would read (styles) is refused by our parser first', async () => {
    const styles = `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x "BOOM">]><w:styles xmlns:w="${W_NS}">&x;</w:styles>`
    const source = docxPackage({ document: body, styles })
    await expect(readDocxWithMammoth(new SafeZip(source, 'docx'))).rejects.toMatchObject({
      code: 'xml-entities'
    })
  })

  it('a bomb in a part only mammoth reads (footnotes) is refused by SafeZip', async () => {
    const files = unzipSync(docxPackage({ document: body }))
    files['word/footnotes.xml'] = strToU8(
      `<w:footnotes xmlns:w="${W_NS}">${' '.repeat(40 * 1024 * 1024)}</w:footnotes>`
    )
    const bomb = zipSync(files, { level: 9 })
    await expect(readDocxWithMammoth(new SafeZip(bomb, 'docx'))).rejects.toMatchObject({ code: 'zip-bomb' })
  })

  it("mammoth's own XML parser (xmldom) does not expand entities either", async () => {
    const { DOMParser } = await import('@xmldom/xmldom')
    const doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(
      '<!DOCTYPE a [<!ENTITY x "BOOM"><!ENTITY e SYSTEM "file:///etc/passwd">]><a>&x;&e;</a>',
      'text/xml'
    )
    expect(doc.documentElement?.textContent).toBe('&x;&e;')
  })
})
