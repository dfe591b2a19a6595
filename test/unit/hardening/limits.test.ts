/**
 * Issue 17, points 9 and 10: one document's cost is bounded and linear.
 * 10. Over 50,000 words (or 600,000 characters, invisible ones included) a document is reported as too long to
 *     check as one document, before any scoring; PDF lines and paragraphs are built in linear time (a page of
 *     200,000 lines would take hours with the old per-line regex over the growing paragraph).
 * 9.  A PDF whose Flate stream inflates past the budget (here 300 MB from a 300 KB file) is refused as too large
 *     after counting, without holding the inflated bytes.
 * Inputs are generated; no assertion depends on the machine's speed (only generous test timeouts).
 */
import { createDeflate } from 'node:zlib'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../../src/pipeline/check'
import { extractFile } from '../../../src/pipeline/extract'
import { pdfDecodedBytesWithin } from '../../../src/pipeline/extract/pdfBudget'
import { buildLines, buildParagraphs, type PdfLine } from '../../../src/pipeline/extract/pdfLayout'
import {
  countWords,
  MAX_DOCUMENT_CHARACTERS,
  MAX_DOCUMENT_WORDS,
  MAX_PDF_DECODED_BYTES,
  tooLongToCheck
} from '../../../src/pipeline/limits'
import { essayText } from './essay-text'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-limits-'))
})
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

const noModels = { detector: null, profiles: [], tokenizers: null }

function repeatWords(words: number): string {
  const base = essayText().split(/\s+/).filter(Boolean)
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(base[i % base.length] as string)
  return out.join(' ')
}

describe('10. a word cap with a clear message', () => {
  it('counts words in one pass and draws the line at the cap', () => {
    expect(countWords('  one two\tthree\nfour\u00a0five ')).toBe(5)
    expect(tooLongToCheck(repeatWords(MAX_DOCUMENT_WORDS))).toBeNull()
    const over = tooLongToCheck(repeatWords(MAX_DOCUMENT_WORDS + 1))
    expect(over?.code).toBe('too-large')
    expect(over?.message).toMatch(/too long to check as one document: it has 50,001 words/)
  })

  it('a 60,000-word text file is reported too long, not scored', async () => {
    const file = join(dir, 'thesis.txt')
    await writeFile(file, repeatWords(60_000))
    const r = await checkFile(file, noModels, {
      operatingPoint: 'balanced',
      profiles: [],
      includeText: false
    })
    expect(r.status).toBe('error')
    expect(r.error?.code).toBe('too-large')
    expect(r.error?.message).toMatch(/too long to check as one document/)
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(r.passages).toEqual([])
  }, 120_000)

  it('a text under the word cap but over the character cap is too long as well', async () => {
    const file = join(dir, 'long-words.txt')
    const word = 'x'.repeat(24)
    await writeFile(file, Array.from({ length: 30_000 }, () => word).join(' '))
    const r = await checkFile(file, noModels, {
      operatingPoint: 'balanced',
      profiles: [],
      includeText: false
    })
    expect(r.error?.code).toBe('too-large')
    expect(r.error?.message).toMatch(/it has 749,999 characters/)
  }, 120_000)

  it('a short essay padded with a million zero-width characters is checked, not timed out', async () => {
    const file = join(dir, 'padded.txt')
    await writeFile(file, essayText() + '\u200b'.repeat(1_000_000))
    const r = await checkFile(file, noModels, { operatingPoint: 'balanced', profiles: [], includeText: true })
    expect(r.status).not.toBe('error')
    // Invisible characters are not text to score: the essay's own words remain.
    expect(r.words).toBeGreaterThan(50)
    expect(r.words).toBeLessThanOrEqual(countWords(essayText()))
    expect(r.text?.length ?? Infinity).toBeLessThan(MAX_DOCUMENT_CHARACTERS)
  }, 120_000)

  it('PDF lines and paragraphs are built in linear time: one page of 200,000 lines', () => {
    const items = Array.from({ length: 200_000 }, (_, i) => ({
      // Lines alternate between two x positions and interleave out of order, defeating the recent-line shortcut.
      str: i % 50 === 49 ? 'end of a sen-' : 'words on a line of an over-long page',
      x: 72 + (i % 2) * 3,
      y: 1_000_000 - ((i * 7919) % 200_000) * 12,
      width: 300,
      height: 10
    }))
    const lines: PdfLine[] = buildLines(items, 1)
    expect(lines).toHaveLength(200_000)
    const layout = buildParagraphs([lines])
    const text = layout.blocks.map((b) => b.text).join('\n')
    expect(text.length).toBeGreaterThan(200_000 * 30)
  }, 120_000)
})

/** A one-page PDF whose content stream is `inflated` bytes of spaces, Flate-compressed. */
async function pdfWithBigStream(inflated: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 })
  const chunks: Buffer[] = []
  deflate.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve) => deflate.on('end', () => resolve()))
  const block = Buffer.alloc(1024 * 1024, 0x20)
  for (let written = 0; written < inflated; written += block.length) {
    if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r))
  }
  deflate.end()
  await done
  const stream = Buffer.concat(chunks)
  const parts: Buffer[] = []
  const offsets: number[] = []
  let length = 0
  const add = (b: Buffer | string): void => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b
    parts.push(buf)
    length += buf.length
  }
  add('%PDF-1.4\n')
  const obj = (n: number, body: Buffer | string): void => {
    offsets[n] = length
    add(`${n} 0 obj\n`)
    add(body)
    add('\nendobj\n')
  }
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>')
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>')
  obj(
    4,
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
      stream,
      Buffer.from('\nendstream')
    ])
  )
  const xref = length
  add(`xref\n0 5\n0000000000 65535 f \n`)
  for (let n = 1; n <= 4; n++) add(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`)
  add(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return Buffer.concat(parts)
}

describe('9. PDF decoding has a byte budget', () => {
  it('counts inflated bytes exactly within the budget', async () => {
    const small = await pdfWithBigStream(3 * 1024 * 1024)
    expect(pdfDecodedBytesWithin(small, MAX_PDF_DECODED_BYTES)).toBe(3 * 1024 * 1024)
    expect(pdfDecodedBytesWithin(small, 1024 * 1024)).toBeNull()
  })

  it('a small PDF that inflates to 300 MB is refused as too large', async () => {
    const pdf = await pdfWithBigStream(300 * 1024 * 1024)
    expect(pdf.length).toBeLessThan(2 * 1024 * 1024)
    const file = join(dir, 'bomb.pdf')
    await writeFile(file, pdf)
    const r = await extractFile(file)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('too-large')
    expect(r.error.message).toMatch(/expands to more than 256 MB when decompressed/)
  }, 120_000)
})
