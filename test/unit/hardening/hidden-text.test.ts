/**
 * Issue 17, point 11: text a reader cannot see is never scored. A human essay with one hidden AI paragraph, in
 * every format: the paragraph is absent from the document text (so from every passage), the visible text keeps
 * exact offsets, and a "hidden text: N words" fingerprint says where it was. Inputs are generated here with the
 * repository's generators (docx, pdf-lib, fflate).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { PDFDocument, StandardFonts, TextRenderingMode, setTextRenderingMode } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../../src/pipeline/check'
import { extractBuffer } from '../../../src/pipeline/extract'
import type { ExtractedDocument } from '../../../src/shared/types'
import { makeScannedPdf } from '../../fixtures/make-pdf.mjs'
import { essayText } from './essay-text'
import { docxPackage, odtPackage, odtParagraph, wDocument, wParagraph, xmlEscape } from './office-docs'

const AI =
  'In conclusion, it is important to note that public libraries play a multifaceted and pivotal role in fostering community engagement, lifelong learning and digital inclusion, thereby serving as indispensable pillars of a thriving and equitable society.'
const AI_WORDS = AI.split(/\s+/).length
const HUMAN = essayText().trim().split('\n\n')

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-hidden-'))
})
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function extracted(buf: Uint8Array, name: string): Promise<ExtractedDocument> {
  const out = await extractBuffer(buf, name)
  if (!out.ok) throw new Error(`${name}: ${out.error.code} ${out.error.message}`)
  return out.doc
}

/** The hidden paragraph is not scored, the essay is, offsets are exact, and the hidden text is located. */
function expectHiddenLeftOut(doc: ExtractedDocument, how: string, words = AI_WORDS): void {
  expect(doc.text).not.toContain('multifaceted')
  for (const p of HUMAN) expect(doc.text.replace(/\s+/g, ' ')).toContain(p.slice(0, 60))
  for (const p of doc.paragraphs)
    expect(doc.text.slice(p.start, p.end)).toBe(doc.text.slice(p.start, p.end).trim())
  expect(doc.hidden).toHaveLength(1)
  const [hidden] = doc.hidden ?? []
  expect(hidden?.how).toBe(how)
  expect(hidden?.words).toBe(words)
  expect(hidden?.text).toContain('multifaceted')
  expect(hidden?.offset).toBeGreaterThanOrEqual(0)
  expect(hidden?.offset).toBeLessThanOrEqual(doc.text.length)
}

async function docxWith(hiddenRun: ConstructorParameters<typeof TextRun>[0]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph(HUMAN[0] as string),
          new Paragraph({ children: [new TextRun(hiddenRun)] }),
          new Paragraph(HUMAN[1] as string),
          new Paragraph(HUMAN[2] as string)
        ]
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

describe('11. DOCX', () => {
  it('w:vanish (Word hidden formatting)', async () => {
    const doc = await extracted(await docxWith({ text: AI, vanish: true }), 'essay.docx')
    expectHiddenLeftOut(doc, 'hidden-formatting')
    // A whole hidden paragraph sits where the next visible paragraph starts.
    expect(doc.hidden?.[0]?.offset).toBe(doc.paragraphs[1]?.start)
  })

  it('white text and 1-point text', async () => {
    expectHiddenLeftOut(
      await extracted(await docxWith({ text: AI, color: 'FFFFFF' }), 'w.docx'),
      'white-text'
    )
    expectHiddenLeftOut(await extracted(await docxWith({ text: AI, size: 2 }), 't.docx'), 'tiny-text')
  })

  it('white text on a dark shading is visible, and so is ordinary coloured text', async () => {
    const shaded = await docxWith({
      text: AI,
      color: 'FFFFFF',
      shading: { fill: '1F3864', type: 'clear', color: 'auto' }
    })
    expect((await extracted(shaded, 's.docx')).text).toContain('multifaceted')
    expect((await extracted(await docxWith({ text: AI, color: 'C00000' }), 'c.docx')).text).toContain(
      'multifaceted'
    )
  })

  it('a hidden sentence inside a visible paragraph, and a hidden character style', async () => {
    const styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style></w:styles>`
    const [first, rest] = [HUMAN[0] as string, HUMAN.slice(1)]
    const body = `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(first)} </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Secret"/></w:rPr><w:t xml:space="preserve">${xmlEscape(AI)} </w:t></w:r><w:r><w:t>The end.</w:t></w:r></w:p>${rest.map((t) => wParagraph(t)).join('')}`
    const doc = await extracted(docxPackage({ document: wDocument(body), styles }), 'inline.docx')
    expectHiddenLeftOut(doc, 'hidden-formatting')
    // The point where it sits: right after the visible first sentence run.
    expect(doc.text.slice(0, doc.hidden?.[0]?.offset)).toBe(`${first} `)
  })
  it('a hidden run inside a table cell', async () => {
    const cell = (inner: string): string => `<w:tc><w:p>${inner}</w:p></w:tc>`
    const run = (t: string, props = ''): string =>
      `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r>`
    const table = `<w:tbl><w:tr>${cell(run('Opening hours'))}${cell(run('Mon to Fri  ') + run(AI, '<w:vanish/>') + run(' 9 to 5'))}</w:tr></w:tbl>`
    const body = HUMAN.map((t) => wParagraph(t)).join('') + table
    const doc = await extracted(docxPackage({ document: wDocument(body) }), 'table.docx')
    expectHiddenLeftOut(doc, 'hidden-formatting')
    expect(doc.text).toContain('Opening hours\tMon to Fri 9 to 5')
    expect(doc.text.slice(0, doc.hidden?.[0]?.offset)).toMatch(/Mon to Fri$/)
  })
})

describe('11. ODT', () => {
  const styles =
    '<style:style style:name="P1" style:family="paragraph"/><style:style style:name="Hidden" style:family="paragraph"><style:text-properties text:display="none"/></style:style><style:style style:name="T9" style:family="text"><style:text-properties fo:color="#ffffff"/></style:style>'
  const around = (hidden: string): string =>
    odtParagraph(HUMAN[0] as string) +
    hidden +
    HUMAN.slice(1)
      .map((t) => odtParagraph(t))
      .join('')

  it('a paragraph style with text:display="none"', async () => {
    const odt = odtPackage({ automaticStyles: styles, body: around(odtParagraph(AI, 'Hidden')) })
    expectHiddenLeftOut(await extracted(odt, 'essay.odt'), 'hidden-formatting')
  })

  it('a hidden section, a hidden paragraph field and white text', async () => {
    const section = `<text:section text:name="S1" text:display="none">${odtParagraph(AI)}</text:section>`
    expectHiddenLeftOut(
      await extracted(odtPackage({ automaticStyles: styles, body: around(section) }), 's.odt'),
      'hidden-formatting'
    )
    const field = `<text:p text:style-name="P1"><text:hidden-paragraph text:condition="ooow:1==1" text:is-hidden="true"/>${xmlEscape(AI)}</text:p>`
    expectHiddenLeftOut(
      await extracted(odtPackage({ automaticStyles: styles, body: around(field) }), 'f.odt'),
      'hidden-formatting'
    )
    const white = `<text:p text:style-name="P1"><text:span text:style-name="T9">${xmlEscape(AI)}</text:span></text:p>`
    expectHiddenLeftOut(
      await extracted(odtPackage({ automaticStyles: styles, body: around(white) }), 'w.odt'),
      'white-text'
    )
  })
})

describe('11. RTF', () => {
  it('\\v hidden text, as a paragraph of its own', async () => {
    const rtf = `{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\pard ${HUMAN[0]}\\par {\\v ${AI}\\par}\\pard ${HUMAN.slice(1).join('\\par\\pard ')}\\par}`
    const doc = await extracted(new TextEncoder().encode(rtf), 'essay.rtf')
    expectHiddenLeftOut(doc, 'hidden-formatting')
    expect(doc.hidden?.[0]?.offset).toBe(doc.paragraphs[1]?.start)
  })
})

describe('11. Markdown and HTML', () => {
  const md = (hidden: string): Uint8Array =>
    new TextEncoder().encode(`# Libraries\n\n${HUMAN[0]}\n\n${hidden}\n\n${HUMAN.slice(1).join('\n\n')}\n`)

  it('an HTML comment, a display:none span and the [//]: # idiom', async () => {
    expectHiddenLeftOut(await extracted(md(`<!-- ${AI} -->`), 'c.md'), 'comment')
    expectHiddenLeftOut(
      await extracted(md(`<span style="display: none">${AI}</span>`), 's.md'),
      'hidden-formatting'
    )
    expectHiddenLeftOut(await extracted(md(`[//]: # (${AI})`), 'i.md'), 'comment')
  })

  it('a comment inside fenced code is shown, so it is read', async () => {
    const doc = await extracted(md('```html\n<!-- a comment in code -->\n```'), 'code.md')
    expect(doc.text).toContain('<!-- a comment in code -->')
    expect(doc.hidden).toBeUndefined()
  })

  it('an inline comment: the point where it sits is exact', async () => {
    const first = HUMAN[0] as string
    const doc = await extracted(md(`Before the comment.<!-- ${AI} --> After it.`), 'inline.md')
    expectHiddenLeftOut(doc, 'comment')
    const at = doc.hidden?.[0]?.offset ?? -1
    expect(doc.text.slice(at - 19, at)).toBe('Before the comment.')
    expect(doc.text.slice(at, at + 10)).toBe(' After it.')
    expect(doc.text).toContain(first)
  })

  it('HTML: a display:none element', async () => {
    const html = `<html><body><p>${HUMAN[0]}</p><div style="display:none"><p>${AI}</p></div>${HUMAN.slice(1)
      .map((t) => `<p>${t}</p>`)
      .join('')}</body></html>`
    expectHiddenLeftOut(await extracted(new TextEncoder().encode(html), 'page.html'), 'hidden-formatting')
  })
})

async function pdfWithInvisibleParagraph(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([612, 792])
  let y = 720
  const draw = (text: string): void => {
    const words = text.split(' ')
    let line = ''
    for (const w of words) {
      if (font.widthOfTextAtSize(`${line} ${w}`, 11) > 460 && line) {
        page.drawText(line, { x: 72, y, size: 11, font })
        y -= 16
        line = w
      } else line = line ? `${line} ${w}` : w
    }
    page.drawText(line, { x: 72, y, size: 11, font })
    y -= 30
  }
  draw(HUMAN[0] as string)
  page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible))
  draw(AI)
  page.pushOperators(setTextRenderingMode(TextRenderingMode.Fill))
  for (const t of HUMAN.slice(1)) draw(t)
  return pdf.save()
}

describe('11. PDF', () => {
  it('text drawn in rendering mode 3 (invisible)', async () => {
    const doc = await extracted(await pdfWithInvisibleParagraph(), 'essay.pdf')
    expectHiddenLeftOut(doc, 'invisible-pdf-text')
    expect(doc.hidden?.[0]?.page).toBe(1)
  })
})

describe('11. the check reports hidden text as a fingerprint and scores only what is visible', () => {
  it('hidden text: N words, located, with the words quoted', async () => {
    const file = join(dir, 'essay.docx')
    await writeFile(file, await docxWith({ text: AI, vanish: true }))
    const r = await checkFile(
      file,
      { detector: null, profiles: [], tokenizers: null },
      {
        operatingPoint: 'balanced',
        profiles: [],
        includeText: true
      }
    )
    expect(r.status).toBe('ok')
    const scored = r.passages.map((p) => r.text?.slice(p.start, p.end)).join(' ')
    expect(scored).not.toContain('multifaceted')
    const hidden = r.fingerprints?.filter((f) => f.kind === 'hidden-text') ?? []
    expect(hidden).toHaveLength(1)
    expect(hidden[0]?.description).toMatch(
      new RegExp(`^Hidden text: ${AI_WORDS} words a reader cannot see \\(formatted as hidden\\)`)
    )
    expect(hidden[0]?.description).toContain('In conclusion, it is important to note')
    expect(hidden[0]?.start).toBe(hidden[0]?.end)
    expect(r.text?.slice(hidden[0]?.start ?? 0)).toMatch(/^Some people argue/)
  })
})

describe('11. an OCR text layer is what the page shows', () => {
  it('invisible text over a scanned page image is read as the page text, not hidden', async () => {
    const pdf = await PDFDocument.load(await makeScannedPdf())
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const page = pdf.getPage(0)
    page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible))
    HUMAN.forEach((t, i) => page.drawText(t.slice(0, 90), { x: 72, y: 700 - 20 * i, size: 10, font }))
    const doc = await extracted(await pdf.save(), 'scan.pdf')
    expect(doc.text).toContain((HUMAN[0] as string).slice(0, 40))
    expect(doc.hidden).toBeUndefined()
  })
})

describe('11. looking for hidden Markdown stays linear on hostile input', () => {
  it('a 4 MB line of comments, inline code and unclosed hidden tags is read (only a hang fails)', async () => {
    const line =
      '<!-- a --> `b` <span style="display:none" '.repeat(50_000) + '<span hidden>x '.repeat(50_000)
    const fences = '```\ncode\n```\n\n<!-- c -->\n\n'.repeat(20_000)
    const doc = await extracted(
      new TextEncoder().encode(`${HUMAN.join('\n\n')}\n\n${fences}${line}\n`),
      'hostile.md'
    )
    expect(doc.text).toContain((HUMAN[2] as string).slice(0, 50))
    expect(doc.hidden?.length).toBeGreaterThan(20_000)
  }, 120_000)
})
