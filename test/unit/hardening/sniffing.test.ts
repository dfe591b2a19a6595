/**
 * Issue 17, point 13: content sniffing never rejects a real essay. A file named as text is read as text
 * whenever its content is plausible text, even when it quotes "%PDF-" or starts with "MZ", "{\rtf" or
 * "PK\x03\x04"; only a real mismatch overrides the name, and then the message says what the file actually is.
 * Every input is generated here.
 */
import { zipSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { extractBuffer, type ExtractOutcome } from '../../../src/pipeline/extract'
import { buildDocx } from '../../fixtures/make-fixtures.mjs'
import { makeEssayPdf } from '../../fixtures/make-pdf.mjs'
import { makeRtf } from '../../fixtures/make-text-formats.mjs'
import * as essay from '../../fixtures/essay-content.mjs'
import { essayText } from './essay-text'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]))

function readText(outcome: ExtractOutcome): string {
  if (!outcome.ok) throw new Error(`expected text, got ${outcome.error.code}: ${outcome.error.message}`)
  return outcome.doc.text
}

describe('13. plausible text named .txt or .md is read as text', () => {
  it('an essay that quotes "%PDF-" in its first KiB', async () => {
    const text = `How PDF files begin\n\nEvery PDF file starts with the characters %PDF-1.7 followed by a binary comment line. ${essayText()}`
    const out = await extractBuffer(utf8(text), 'about-pdf.txt')
    expect(out.ok && out.doc.format).toBe('txt')
    expect(readText(out)).toContain('%PDF-1.7 followed by a binary comment line.')
    expect(out.ok && out.doc.warnings.map((w) => w.code)).not.toContain('extraction-note')
  })

  it('an essay starting with "MZ"', async () => {
    const out = await extractBuffer(utf8(`MZ Adams and the town library\n\n${essayText()}`), 'mz.txt')
    expect(out.ok && out.doc.format).toBe('txt')
    expect(readText(out)).toMatch(/^MZ Adams and the town library/)
  })

  it('an essay starting with "{\\rtf"', async () => {
    const text = `{\\rtf is how every RTF file begins, and the rest of this essay explains why.\n\n${essayText()}`
    const out = await extractBuffer(utf8(text), 'rtf-essay.txt')
    expect(out.ok && out.doc.format).toBe('txt')
    expect(readText(out)).toContain('{\\rtf is how every RTF file begins')
  })

  it('a Markdown file starting with "PK\\x03\\x04" followed by text', async () => {
    const buf = concat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), utf8(` notes\n\n${essayText()}`))
    const out = await extractBuffer(buf, 'notes.md')
    expect(out.ok && out.doc.format).toBe('md')
    expect(readText(out)).toContain('Public libraries have changed a great deal')
  })
})

describe('13. a real mismatch is caught, and the message says what the file is', () => {
  it('a real PDF named .txt is read as a PDF, with a note saying so', async () => {
    const out = await extractBuffer(await makeEssayPdf(), 'essay.txt')
    expect(out.ok && out.doc.format).toBe('pdf')
    expect(readText(out)).toContain(essay.INTRO.slice(0, 40))
    expect(out.ok && out.doc.warnings[0]?.message).toBe(
      'This .txt file is actually a PDF; Inkprint read it as one.'
    )
  })

  it('a real Word document named .md is read as a Word document', async () => {
    const out = await extractBuffer(await buildDocx(essay.ESSAY_BLOCKS), 'essay.md')
    expect(out.ok && out.doc.format).toBe('docx')
    expect(out.ok && out.doc.warnings[0]?.message).toMatch(/^This \.md file is actually a Word document/)
  })

  it('a real RTF document named .txt is read as RTF', async () => {
    const out = await extractBuffer(utf8(makeRtf()), 'essay.txt')
    expect(out.ok && out.doc.format).toBe('rtf')
    expect(readText(out)).not.toContain('\\par')
  })

  it('a program named .txt is refused as a program file', async () => {
    const exe = new Uint8Array(4096)
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03])
    for (let i = 64; i < exe.length; i += 7) exe[i] = (i * 31) & 0xff
    const out = await extractBuffer(exe, 'essay.txt')
    expect(out.ok).toBe(false)
    expect(!out.ok && out.error.code).toBe('unsupported-type')
    expect(!out.ok && out.error.message).toMatch(/this \.txt file is actually a program file/)
  })

  it('a ZIP archive of other files named .md is refused as a ZIP archive', async () => {
    const zip = zipSync({
      'photo.bin': new Uint8Array(2000).map((_, i) => (i * 7) & 0xff),
      'a.csv': strToU8('x,y')
    })
    const out = await extractBuffer(zip, 'notes.md')
    expect(!out.ok && out.error.code).toBe('unsupported-type')
    expect(!out.ok && out.error.message).toMatch(/this \.md file is actually a ZIP archive/)
  })

  it('random binary named .txt is refused as binary data', async () => {
    let s = 7
    const junk = new Uint8Array(4096).map(() => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 24)
    const out = await extractBuffer(junk, 'garbage.txt')
    expect(!out.ok && out.error.message).toMatch(/this \.txt file is actually binary data/)
  })
})
