import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { extractBuffer, extractFile, type ExtractOutcome } from '../../../../src/pipeline/extract'
import { segmentPassages } from '../../../../src/engine/text'
import type { ExtractedDocument } from '../../../../src/shared/types'
import * as essay from '../../../fixtures/essay-content.mjs'
import { accentedText, WORD_RSIDS } from '../../../fixtures/make-fixtures.mjs'
import { HEADER_TEXT, PDF_BLOCKS } from '../../../fixtures/make-pdf.mjs'
import {
  MARKDOWN_BLOCKS,
  ODT_META,
  RTF_EXTRA_TEXT,
  RTF_INFO,
  TXT_BLOCKS
} from '../../../fixtures/make-text-formats.mjs'
import { blocksOf, expectExactOffsets, fixtureDirs } from './fixtures'

let gen: (name: string) => string
let stat: (name: string) => string
beforeAll(async () => {
  ;({ gen, stat } = await fixtureDirs())
})

function ok(outcome: ExtractOutcome): ExtractedDocument {
  if (!outcome.ok) throw new Error(`extraction failed: ${outcome.error.code} ${outcome.error.message}`)
  return outcome.doc
}

const plain = (blocks: { kind: string; text: string }[]) => blocks.map(({ kind, text }) => ({ kind, text }))

describe('DOCX', () => {
  it('reads paragraphs, headings, quote, list, table and references with their kinds', async () => {
    const doc = ok(await extractFile(gen('essay.docx')))
    expect(doc.format).toBe('docx')
    expect(blocksOf(doc)).toEqual(plain(essay.ESSAY_BLOCKS))
    expect(doc.pageCount).toBeNull()
    expect(doc.paragraphs.every((p) => p.page === null)).toBe(true)
    expectExactOffsets(doc, expect)
    expect(doc.metadata).toMatchObject({
      creator: 'Jordan Lee',
      title: essay.TITLE,
      revision: 4,
      created: '2024-03-01T09:15:00.000Z'
    })
    expect(doc.metadata.application).toBeUndefined() // the docx package writes an empty app.xml
  })

  it('reads Word process metadata: application, editing time, revision, dates, rsid sessions', async () => {
    const outcome = await extractFile(gen('essay-word.docx'))
    const doc = ok(outcome)
    expect(doc.metadata).toEqual({
      application: 'Microsoft Office Word',
      appVersion: '16.0000',
      template: 'Normal.dotm',
      totalEditingMinutes: 47,
      pages: 2,
      title: essay.TITLE,
      creator: 'Jordan Lee',
      lastModifiedBy: 'J. Lee',
      revision: 12,
      created: '2024-03-01T09:15:00.000Z',
      modified: '2024-03-04T21:40:00.000Z',
      rsidSessions: WORD_RSIDS.length
    })
    expect(outcome.ok && outcome.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('reads a PDF that was given a .docx name as a PDF', async () => {
    const doc = ok(await extractFile(gen('pdf-named.docx')))
    expect(doc.format).toBe('pdf')
    expect(doc.pageCount).toBe(3)
  })
})

describe('PDF', () => {
  let doc: ExtractedDocument
  beforeAll(async () => {
    doc = ok(await extractFile(gen('essay.pdf')))
  })

  it('rebuilds paragraphs, joins hyphenated and ligature-split words, and classifies blocks', () => {
    expect(blocksOf(doc)).toEqual(plain(PDF_BLOCKS))
    expect(doc.text).toContain('For example, the water meter')
    expect(doc.text).toContain('remarkably efficient with')
    expectExactOffsets(doc, expect)
  })

  it('drops the running header and "Page N of M" footers, with warnings', () => {
    expect(doc.text).not.toContain(HEADER_TEXT)
    expect(doc.text).not.toMatch(/Page \d of \d/)
    const codes = doc.warnings.map((w) => w.code)
    expect(codes).toContain('headers-removed')
    expect(codes).toContain('hyphenation-joined')
    expect(doc.warnings.find((w) => w.code === 'headers-removed')?.message).toMatch(/6 lines/)
  })

  it('records the page of every paragraph', () => {
    expect(doc.pageCount).toBe(3)
    const pages = doc.paragraphs.map((p) => p.page as number)
    expect(pages[0]).toBe(1)
    expect(pages[pages.length - 1]).toBe(3)
    expect([...pages].sort((a, b) => a - b)).toEqual(pages)
    expect(new Set(pages)).toEqual(new Set([1, 2, 3]))
  })

  it('reads the info dictionary as ISO dates and application names', () => {
    expect(doc.metadata).toMatchObject({
      title: essay.TITLE,
      creator: 'Jordan Lee',
      application: 'Microsoft® Word for Microsoft 365',
      producer: 'Microsoft® Word for Microsoft 365',
      created: '2024-03-01T09:15:00.000Z',
      modified: '2024-03-04T21:40:00.000Z',
      pages: 3
    })
    expect(doc.metadata.encrypted).toBeUndefined()
  })

  it('keeps reading a PDF that lost its %%EOF, with a truncated warning', async () => {
    const cut = ok(await extractFile(gen('cut-tail.pdf')))
    expect(blocksOf(cut)).toEqual(blocksOf(doc))
    expect(cut.warnings.map((w) => w.code)).toContain('truncated')
    expect(doc.warnings.map((w) => w.code)).not.toContain('truncated')
  })

  it('warns about a scanned page inside a text PDF, but not about a blank page', async () => {
    const mixed = ok(await extractFile(gen('scanned-last-page.pdf')))
    expect(mixed.pageCount).toBe(5)
    expect(blocksOf(mixed)).toEqual(blocksOf(doc))
    const warning = mixed.warnings.find((w) => w.code === 'pages-without-text')
    expect(warning?.message).toBe(
      'Page 4 of this PDF has no text layer (perhaps scanned) and could not be read.'
    )
  })

  it('reads a LibreOffice PDF: wrapped title, bullet list, table columns', async () => {
    const lo = ok(await extractFile(stat('lo-essay.pdf')))
    const expected = essay.ESSAY_BLOCKS.map((b) => ({
      kind: b.kind === 'quote' ? 'prose' : b.kind, // LibreOffice's Quote style here has no indent to see
      text: b.kind === 'list' ? `• ${b.text}` : b.text
    }))
    expect(blocksOf(lo)).toEqual(expected)
    expect(lo.metadata).toMatchObject({ application: 'Writer', producer: 'LibreOffice 7.4' })
  })
})

describe('ODT', () => {
  it('reads headings, styled quote, list, table; skips footnotes; reads meta.xml', async () => {
    const doc = ok(await extractFile(gen('essay.odt')))
    expect(doc.format).toBe('odt')
    expect(blocksOf(doc)).toEqual(plain(essay.ESSAY_BLOCKS))
    expect(doc.text).not.toContain('Minutes of the August meeting')
    expectExactOffsets(doc, expect)
    expect(doc.metadata).toEqual({
      application: 'LibreOffice',
      appVersion: '7.4.7.2',
      title: essay.TITLE,
      creator: 'Jordan Lee',
      lastModifiedBy: 'J. Lee',
      created: '2024-03-01T09:15:00.000Z',
      modified: '2024-03-04T21:40:00.123Z',
      totalEditingMinutes: 134, // PT2H13M30S
      editingCycles: ODT_META.editingCycles,
      pages: 2
    })
  })

  it('reads an ODT written by LibreOffice', async () => {
    const doc = ok(await extractFile(stat('lo-essay.odt')))
    expect(blocksOf(doc)).toEqual(plain(essay.ESSAY_BLOCKS))
    expect(doc.metadata.application).toBe('LibreOffice')
  })
})

describe('RTF', () => {
  it("decodes \\'hh, \\u with skip, fields; ignores header, pict and unknown destinations; reads styles", async () => {
    const doc = ok(await extractFile(gen('essay.rtf')))
    expect(doc.format).toBe('rtf')
    const expected = plain(essay.ESSAY_BLOCKS)
    expected.splice(expected.findIndex((b) => b.text === essay.CONCLUSION) + 1, 0, {
      kind: 'prose',
      text: RTF_EXTRA_TEXT
    })
    expect(blocksOf(doc)).toEqual(expected)
    expect(doc.text).not.toMatch(/Running header|junk text|Times New Roman|heading 1|HYPERLINK/)
    expectExactOffsets(doc, expect)
  })

  it('reads \\info metadata and the generator', async () => {
    const doc = ok(await extractFile(gen('essay.rtf')))
    expect(doc.metadata).toEqual({
      title: RTF_INFO.title,
      creator: RTF_INFO.author,
      lastModifiedBy: RTF_INFO.operator,
      created: new Date(2024, 2, 1, 9, 15).toISOString(), // RTF times are local, without a zone
      modified: new Date(2024, 2, 4, 21, 40).toISOString(),
      totalEditingMinutes: RTF_INFO.edmins,
      pages: RTF_INFO.nofpages,
      revision: RTF_INFO.version,
      application: 'Microsoft Word',
      appVersion: '11.0.0000'
    })
  })

  it('reads an RTF written by LibreOffice', async () => {
    const doc = ok(await extractFile(stat('lo-essay.rtf')))
    expect(blocksOf(doc)).toEqual(plain(essay.ESSAY_BLOCKS))
  })
})

describe('Markdown and plain text', () => {
  it('classifies Markdown blocks but keeps the text exactly as written', async () => {
    const doc = ok(await extractFile(gen('essay.md')))
    expect(doc.format).toBe('md')
    expect(blocksOf(doc)).toEqual(plain(MARKDOWN_BLOCKS))
    expectExactOffsets(doc, expect)
  })

  it.each(['essay-utf8.txt', 'essay-utf8-bom.txt', 'essay-crlf.txt'])('reads %s', async (name) => {
    const doc = ok(await extractFile(gen(name)))
    expect(doc.format).toBe('txt')
    expect(blocksOf(doc)).toEqual(plain(TXT_BLOCKS))
    expect(doc.text).not.toContain('\r')
    expect(doc.text.charCodeAt(0)).not.toBe(0xfeff)
    expect(doc.warnings).toEqual([])
  })

  const accented = accentedText().trim().split('\n\n')
  it.each([
    ['essay-utf16le.txt', false],
    ['essay-utf16be.txt', false],
    ['essay-1252.txt', true]
  ])('decodes %s without mojibake (guessed: %s)', async (name, guessed) => {
    const doc = ok(await extractFile(gen(name)))
    expect(blocksOf(doc).map((b) => b.text)).toEqual(accented)
    expect(doc.warnings.some((w) => w.code === 'encoding-guessed')).toBe(guessed)
  })
})

describe('extractBuffer', () => {
  it('gives the same document as extractFile and leaves the caller’s buffer intact', async () => {
    const bytes = new Uint8Array(await readFile(gen('essay.pdf')))
    const copy = bytes.slice()
    const fromBuffer = await extractBuffer(bytes, 'essay.pdf')
    const fromFile = await extractFile(gen('essay.pdf'))
    expect(ok(fromBuffer)).toEqual(ok(fromFile))
    expect(fromBuffer.sha256).toBe(fromFile.sha256)
    expect(fromBuffer.sizeBytes).toBe(copy.length)
    expect(bytes.byteLength).toBe(copy.byteLength)
    expect(Buffer.compare(bytes, copy)).toBe(0)
  })

  it('feeds passage segmentation: prose passages, non-prose kept apart', async () => {
    const doc = ok(await extractFile(gen('essay.docx')))
    const passages = segmentPassages(doc.text, doc.paragraphs)
    expect(passages.map((p) => p.kind)).toEqual([
      'heading',
      'prose',
      'heading',
      'prose',
      'quote',
      'list',
      'table',
      'prose',
      'heading',
      'references'
    ])
    for (const p of passages)
      expect(doc.text.slice(p.start, p.end).trim()).toBe(doc.text.slice(p.start, p.end))
  })
})
