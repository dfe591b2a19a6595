import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { extractBuffer, type ExtractOutcome } from '../../../../src/pipeline/extract'
import type { ExtractedDocument } from '../../../../src/shared/types'
import { blocksOf } from './fixtures'

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`
    ),
    ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)]))
  })
}

const TEXT_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
function odt(body: string): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(
      `<office:document-content ${TEXT_NS}><office:body><office:text>${body}</office:text></office:body></office:document-content>`
    )
  })
}

function ok(outcome: ExtractOutcome): ExtractedDocument {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`)
  return outcome.doc
}

const p = (inner: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${inner}</w:p>`
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`

describe('DOCX structure', () => {
  it('keeps runs, tabs and breaks; drops deletions, field codes and mc:Fallback copies', async () => {
    const body = [
      p(
        `${r('Split ')}<w:r><w:t>ru</w:t></w:r><w:r><w:t>ns</w:t></w:r>${r(' and')}<w:r><w:tab/><w:t>tab</w:t><w:br/><w:t>break</w:t></w:r>`
      ),
      p(
        `${r('Kept')}<w:del><w:r><w:delText> deleted</w:delText></w:r></w:del><w:ins>${r(' inserted')}</w:ins>`
      ),
      p(
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE \\* MERGEFORMAT</w:instrText></w:r>${r('field result')}`
      ),
      p(
        `${r('Before box.')}<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>${p(r('Text box words.'))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(r('Text box words.'))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
      ),
      `<w:sdt><w:sdtContent>${p(r('Inside a content control.'))}</w:sdtContent></w:sdt>`,
      p(`<w:hyperlink>${r('Linked words')}</w:hyperlink>${r(' &amp; more &lt;here&gt;.')}`)
    ].join('')
    const doc = ok(await extractBuffer(docx(body), 'structure.docx'))
    expect(blocksOf(doc).map((b) => b.text)).toEqual([
      'Split runs and\ttab\nbreak',
      'Kept inserted',
      'field result',
      'Before box.',
      'Text box words.',
      'Inside a content control.',
      'Linked words & more <here>.'
    ])
  })

  it('maps styles through styles.xml names and basedOn, outline levels and numbering', async () => {
    const styles = `<w:styles ${W}>
      <w:style w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
      <w:style w:styleId="MyHead"><w:name w:val="Essay Heading"/><w:basedOn w:val="berschrift1"/></w:style>
      <w:style w:styleId="Zitat"><w:name w:val="Quote"/></w:style>
      <w:style w:styleId="Biblio"><w:name w:val="Bibliography"/></w:style>
      <w:style w:styleId="Src"><w:name w:val="HTML Preformatted"/></w:style>
    </w:styles>`
    const body = [
      p(r('Localised heading'), 'berschrift1'),
      p(r('Custom heading'), 'MyHead'),
      `<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr>${r('Outline heading')}</w:p>`,
      p(r('A quoted passage of text.'), 'Zitat'),
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${r('A numbered item.')}</w:p>`,
      p(r('x = 1'), 'Src'),
      p(r('Smith, A. (2020). A source.'), 'Biblio'),
      p(r('Plain prose that is long enough to be prose, with a full stop.'))
    ].join('')
    const doc = ok(await extractBuffer(docx(body, { 'word/styles.xml': styles }), 'styled.docx'))
    expect(blocksOf(doc).map((b) => b.kind)).toEqual([
      'heading',
      'heading',
      'heading',
      'quote',
      'list',
      'code',
      'references',
      'prose'
    ])
  })

  it('counts distinct rsid values in document.xml when settings.xml has no list', async () => {
    const body = `<w:p w:rsidR="00A1" w:rsidRDefault="00A1" w:rsidP="00B2"><w:r w:rsidRPr="00C3"><w:t>Some text.</w:t></w:r></w:p><w:p w:rsidR="00B2"><w:r><w:t>More.</w:t></w:r></w:p>`
    const doc = ok(await extractBuffer(docx(body), 'rsid.docx'))
    expect(doc.metadata.rsidSessions).toBe(3)
  })

  it('flattens tables, cell paragraphs joined by spaces, nested tables inline', async () => {
    const cell = (inner: string) => `<w:tc>${inner}</w:tc>`
    const body = `<w:tbl><w:tr>${cell(p(r('a1')) + p(r('a2')))}${cell(p(r('b')))}</w:tr><w:tr>${cell(`<w:tbl><w:tr>${cell(p(r('inner')))}</w:tr></w:tbl>`)}${cell(p(r('d')))}</w:tr></w:tbl>`
    const doc = ok(await extractBuffer(docx(body), 'table.docx'))
    expect(blocksOf(doc)).toEqual([{ kind: 'table', text: 'a1 a2\tb\ninner\td' }])
  })

  it('a document.xml that is not XML → corrupt', async () => {
    const bad = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') })
    const outcome = await extractBuffer(bad, 'bad.docx')
    expect(outcome.ok ? null : outcome.error.code).toBe('corrupt')
  })
})

describe('ODT structure', () => {
  it('expands text:s, tabs and line breaks; skips notes, annotations and tracked changes; reads frames', async () => {
    const body = [
      '<text:tracked-changes><text:changed-region><text:deletion><text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>',
      '<text:p>Two<text:s text:c="2"/>spaces<text:tab/>tab<text:line-break/>line</text:p>',
      '<text:p>Noted<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>footnote</text:p></text:note-body></text:note> text<office:annotation><text:p>comment</text:p></office:annotation>.</text:p>',
      '<text:p>Framed:<draw:frame><draw:text-box><text:p>Box text.</text:p></draw:text-box></draw:frame></text:p>',
      '<text:section><text:list><text:list-item><text:p>Item in a section.</text:p></text:list-item></text:list></text:section>'
    ].join('')
    const doc = ok(await extractBuffer(odt(body), 'structure.odt'))
    expect(blocksOf(doc)).toEqual([
      { kind: 'prose', text: 'Two  spaces\ttab\nline' },
      { kind: 'prose', text: 'Noted text.' },
      { kind: 'prose', text: 'Framed:' },
      { kind: 'prose', text: 'Box text.' },
      { kind: 'list', text: 'Item in a section.' }
    ])
  })

  it('another OpenDocument kind (a spreadsheet) → unsupported-type', async () => {
    const ods = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8('<x/>')
    })
    const outcome = await extractBuffer(ods, 'sheet.odt')
    expect(outcome.ok ? null : outcome.error.code).toBe('unsupported-type')
  })
})

describe('document-level warnings', () => {
  it('warns when a document is mostly lists, tables and headings', async () => {
    const md =
      '# Notes\n\n- one thing\n- another thing\n- a third thing\n- and more things here\n\nShort line.'
    const doc = ok(await extractBuffer(new TextEncoder().encode(md), 'notes.md'))
    expect(doc.warnings.map((w) => w.code)).toEqual(['mostly-non-prose'])
  })
})
