/**
 * Issue 17, point 12: a DOCX or ODT is read by namespace URI, not by the prefixes it happens to use
 * (`ns0:` as lxml writes, a default namespace, OOXML Strict's URIs), and a DOCX's w:altChunk content (HTML,
 * plain text, RTF, another Word document embedded through a relationship) is read; a kind that cannot be read
 * is named in a warning. Every package is written here.
 */
import { describe, expect, it } from 'vitest'
import { extractBuffer } from '../../../src/pipeline/extract'
import { parseXml } from '../../../src/pipeline/extract/xml'
import type { ExtractedDocument } from '../../../src/shared/types'
import { essayText } from './essay-text'
import { docxPackage, ODT_NS, odtPackage, W_NS, wDocument, wParagraph, xmlEscape } from './office-docs'

const PARAGRAPHS = essayText().trim().split('\n\n')
const AF_CHUNK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk'

async function read(buf: Uint8Array, name: string): Promise<ExtractedDocument> {
  const out = await extractBuffer(buf, name)
  if (!out.ok) throw new Error(`${name}: ${out.error.code} ${out.error.message}`)
  return out.doc
}

/** document.xml with every w: name written with another prefix (or none, for a default namespace). */
function prefixed(prefix: string | null): string {
  const p = prefix === null ? '' : `${prefix}:`
  const decl = prefix === null ? `xmlns="${W_NS}" xmlns:w="${W_NS}"` : `xmlns:${prefix}="${W_NS}"`
  // Attributes keep a prefix (OOXML attributes are qualified): with a default namespace, w: still names them.
  const a = prefix === null ? 'w:' : p
  const paragraphs = PARAGRAPHS.map(
    (t, i) =>
      `<${p}p>${i === 0 ? `<${p}pPr><${p}pStyle ${a}val="Heading1"/></${p}pPr>` : ''}<${p}r><${p}t>${xmlEscape(i === 0 ? 'Libraries' : t)}</${p}t></${p}r></${p}p>`
  ).join('')
  return `<?xml version="1.0" encoding="UTF-8"?><${p}document ${decl}><${p}body>${paragraphs}</${p}body></${p}document>`
}

describe('12. namespaces are resolved by URI', () => {
  it('parseXml gives the reader prefixes whatever the file wrote, and leaves other names alone', () => {
    const root = parseXml(
      `<x:document xmlns:x="${W_NS}"><x:body><p xmlns="${W_NS}"><r x:val="1" plain="2"/></p><other:thing xmlns:other="urn:else"/><undeclared:y/></x:body></x:document>`,
      'docx'
    )
    const doc = root.children[0] as { name: string; children: { name: string; children: unknown[] }[] }
    expect(doc.name).toBe('w:document')
    const body = doc.children[0] as {
      name: string
      children: { name: string; attrs?: unknown; children: { name: string; attrs: unknown }[] }[]
    }
    expect(body.name).toBe('w:body')
    expect(body.children.map((c) => c.name)).toEqual(['w:p', 'other:thing', 'undeclared:y'])
    expect(body.children[0]?.children[0]).toMatchObject({ name: 'w:r', attrs: { 'w:val': '1', plain: '2' } })
  })

  it('a DOCX written with ns0: (as lxml writes it) is read in full', async () => {
    const doc = await read(docxPackage({ document: prefixed('ns0') }), 'ns0.docx')
    expect(doc.paragraphs).toHaveLength(PARAGRAPHS.length)
    expect(doc.paragraphs[0]?.kind).toBe('heading')
    expect(doc.text).toContain(PARAGRAPHS[1])
  })

  it('a DOCX with a default namespace is read in full', async () => {
    const doc = await read(docxPackage({ document: prefixed(null) }), 'default.docx')
    expect(doc.paragraphs).toHaveLength(PARAGRAPHS.length)
    expect(doc.text).toContain(PARAGRAPHS[2])
  })

  it('an OOXML Strict DOCX (purl.oclc.org URIs) is read', async () => {
    const strict = prefixed('ns0').replace(W_NS, 'http://purl.oclc.org/ooxml/wordprocessingml/main')
    expect((await read(docxPackage({ document: strict }), 'strict.docx')).text).toContain(PARAGRAPHS[1])
  })

  it('an ODT written with other prefixes and a default namespace is read', async () => {
    const body = PARAGRAPHS.map((t) => `<p xmlns="${ODT_NS.text}">${xmlEscape(t)}</p>`).join('')
    const content = `<?xml version="1.0" encoding="UTF-8"?><o:document-content xmlns:o="${ODT_NS.office}" xmlns:t="${ODT_NS.text}"><o:body><o:text><t:h t:outline-level="1">Libraries</t:h>${body}</o:text></o:body></o:document-content>`
    const doc = await read(odtPackage({ content }), 'prefixes.odt')
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(['heading', ...PARAGRAPHS.map(() => 'prose')])
    expect(doc.text).toContain(PARAGRAPHS[2])
  })
})

function withChunk(part: string, data: string | Uint8Array, contentType: string): Uint8Array {
  const body = `${wParagraph(PARAGRAPHS[0] as string)}<w:altChunk r:id="rIdChunk"/>${wParagraph('Thank you for reading.')}`
  return docxPackage({
    document: wDocument(body),
    relationships: `<Relationship Id="rIdChunk" Type="${AF_CHUNK}" Target="${part}"/>`,
    contentTypes: `<Override PartName="/word/${part}" ContentType="${contentType}"/>`,
    parts: { [`word/${part}`]: data }
  })
}

describe('12. w:altChunk content is read', () => {
  it('HTML, through the HTML reader (hidden elements stay hidden)', async () => {
    const html = `<html><body><h2>Funding</h2><p>${PARAGRAPHS[1]}</p><p style="display:none">Secret words a reader never sees.</p><p>${PARAGRAPHS[2]}</p></body></html>`
    const doc = await read(withChunk('afchunk.htm', html, 'text/html'), 'chunk.docx')
    expect(doc.text).toContain(PARAGRAPHS[1])
    expect(doc.text).toContain(PARAGRAPHS[2])
    expect(doc.text).not.toContain('Secret words')
    // In document order: before the chunk, the chunk, after it.
    expect(doc.text.indexOf(PARAGRAPHS[0] as string)).toBeLessThan(doc.text.indexOf('Funding'))
    expect(doc.text.indexOf(PARAGRAPHS[2] as string)).toBeLessThan(doc.text.indexOf('Thank you for reading.'))
    expect(doc.paragraphs.find((p) => doc.text.slice(p.start, p.end) === 'Funding')?.kind).toBe('heading')
  })

  it('plain text and another Word document', async () => {
    const txt = await read(withChunk('chunk.txt', PARAGRAPHS[1] as string, 'text/plain'), 'txt.docx')
    expect(txt.text).toContain(PARAGRAPHS[1])
    const inner = docxPackage({ document: wDocument(wParagraph(PARAGRAPHS[2] as string)) })
    const nested = await read(
      withChunk(
        'inner.docx',
        inner,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      ),
      'nested.docx'
    )
    expect(nested.text).toContain(PARAGRAPHS[2])
  })

  it('a kind Inkprint cannot read is named in a warning, and the rest is read', async () => {
    const doc = await read(
      withChunk('chunk.mht', 'MIME-Version: 1.0\n\nweb archive', 'message/rfc822'),
      'mht.docx'
    )
    expect(doc.text).toContain(PARAGRAPHS[0])
    expect(doc.warnings.map((w) => w.message)).toContain(
      'This Word document embeds content in another format: part of it is embedded as a web archive (MHT), which Inkprint cannot read, so that part was left out of the check.'
    )
  })
})
