/**
 * Issue 17, point 15: the right error (or result) for each odd input, every input generated here.
 * - an ODT whose text:s elements expand to 700 million spaces is "too large", not "corrupt";
 * - a Chinese PDF is "not English", not "too short";
 * - a PDF whose fonts have no ToUnicode map says its text could not be decoded, not "not English";
 * - UTF-16 Chinese text without a BOM is decoded (and then not English), not refused as binary;
 * - zero-width characters and soft hyphens inside words do not add words;
 * - a Hebrew PDF (drawn right to left, as word processors write it) comes out in reading order, not reversed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFile, type CheckContext } from '../../../src/pipeline/check'
import { loadCheckContext } from '../../../src/pipeline/context'
import { extractBuffer, type ExtractOutcome } from '../../../src/pipeline/extract'
import { countWords } from '../../../src/engine/text'
import { essayText } from './essay-text'
import { odtPackage } from './office-docs'
import { encodeLines, handPdf, type HandLine } from './pdf-by-hand'

const CHINESE = [
  '公共图书馆在过去二十年里发生了很大的变化，但它们的目的始终如一。',
  '它们为每个人提供了一个安静的地方来阅读、学习和思考，无论收入多少。',
  '在我们镇上，图书馆也是人们打印表格、使用电脑或寻求求职帮助的地方。'
]

let dir: string
let context: CheckContext
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-codes-'))
  context = await loadCheckContext()
}, 120_000)
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function check(name: string, data: Uint8Array | string) {
  const file = join(dir, name)
  await writeFile(file, data)
  return checkFile(file, context, { operatingPoint: 'balanced', profiles: [], includeText: true })
}

function errorOf(out: ExtractOutcome): string {
  return out.ok ? 'ok' : out.error.code
}

describe('15. wrong error codes, corrected', () => {
  it('an ODT expanding to 700 million spaces is too large, not corrupt', async () => {
    const spaces = '<text:s text:c="1000"/>'.repeat(700_000)
    // Stored, not deflated: 15 MB of XML within every zip cap, describing 700 million characters.
    const odt = odtPackage({ body: `<text:p>Start${spaces}end.</text:p>`, store: true })
    const out = await extractBuffer(odt, 'spaces.odt')
    expect(errorOf(out)).toBe('too-large')
    expect(!out.ok && out.error.message).toMatch(/expands to more than 2,400,000 characters/)
  }, 120_000)

  it('a Chinese PDF is reported as not English, not as too short', async () => {
    const { lines, toUnicode } = encodeLines(CHINESE, 2)
    const r = await check('chinese.pdf', handPdf({ bytes: 2, toUnicode }, lines))
    expect(r.text).toContain(CHINESE[0])
    expect(r.status).toBe('unsupported')
    expect(r.detector?.verdict).toBe('unsupported-language')
    expect(r.warnings.map((w) => w.code)).toContain('non-english')
  }, 120_000)

  it('PDF fonts without a ToUnicode map: the text could not be decoded', async () => {
    const english =
      essayText()
        .trim()
        .split('\n\n')[0]
        ?.match(/.{1,70}(?:\s|$)/g) ?? []
    const simple = encodeLines(english, 1)
    const names = Array.from({ length: 120 }, (_, i) => `g${i + 3}`)
    const symbols = await extractBuffer(handPdf({ bytes: 1, differences: names }, simple.lines), 'a.pdf')
    expect(errorOf(symbols)).toBe('undecodable')
    expect(!symbols.ok && symbols.error.message).toMatch(/^The text in this PDF could not be decoded/)
    const cid = encodeLines(english, 2)
    expect(errorOf(await extractBuffer(handPdf({ bytes: 2 }, cid.lines), 'b.pdf'))).toBe('undecodable')
    // The same text with its ToUnicode map reads normally.
    const mapped = await extractBuffer(handPdf({ bytes: 2, toUnicode: cid.toUnicode }, cid.lines), 'c.pdf')
    expect(mapped.ok && mapped.doc.text).toContain('Public libraries have changed')
  })

  it('UTF-16 Chinese text without a BOM is decoded, then reported as not English', async () => {
    const text = CHINESE.join('\n\n')
    const le = Buffer.from(text, 'utf16le')
    const be = Buffer.from(le).swap16()
    for (const [name, bytes] of [
      ['le.txt', le],
      ['be.txt', be]
    ] as const) {
      const out = await extractBuffer(bytes, name)
      expect(out.ok && out.doc.text).toBe(text)
      expect(out.ok && out.doc.warnings.map((w) => w.code)).toContain('encoding-guessed')
    }
    const r = await check('chinese-utf16.txt', le)
    expect(r.status).toBe('unsupported')
    expect(r.detector?.verdict).toBe('unsupported-language')
  }, 120_000)

  it('zero-width characters and soft hyphens inside words do not add words', async () => {
    expect(countWords('ex\u00adam\u00adple wo\u200brd co\u200coperate join\u2060ed \ufeffstart')).toBe(5)
    const plain = essayText()
    const padded = plain
      .replace(/(\p{L}{3})(\p{L})/gu, '$1\u200b$2')
      .replace(/(\p{L}{5})(\p{L})/gu, '$1\u00ad$2')
    expect(padded).not.toBe(plain)
    const [a, b] = await Promise.all([check('plain.txt', plain), check('padded.txt', padded)])
    expect(b.words).toBe(a.words)
  }, 120_000)
})

const HEBREW = [
  'הספרייה הציבורית השתנתה מאוד בעשרים השנים האחרונות',
  'אבל המטרה שלה נשארה אותו דבר בשביל כל התושבים'
]

/** Each word drawn on its own, right to left from the right margin, its letters in visual order (as Word does). */
function hebrewWordByWord(): Uint8Array {
  const { lines, toUnicode } = encodeLines(HEBREW, 1, { visualOrder: true })
  const wordLines: HandLine[] = []
  HEBREW.forEach((text, i) => {
    let right = 540
    for (const word of text.split(' ')) {
      const width = ([...word].length * 600 * 12) / 1000
      const codes = [...word]
        .reverse()
        .map((ch) => [...toUnicode.entries()].find(([, u]) => u === ch)?.[0] ?? 0)
      wordLines.push({ x: right - width, y: (lines[i] as HandLine).y, codes })
      right -= width + 7.2
    }
  })
  return handPdf({ bytes: 1, toUnicode }, wordLines)
}

describe('15. a Hebrew PDF comes out in reading order', () => {
  it('words drawn one by one from the right', async () => {
    const out = await extractBuffer(hebrewWordByWord(), 'hebrew-words.pdf')
    expect(out.ok && out.doc.text.split(/\s+/).join(' ')).toBe(HEBREW.join(' '))
  })

  it('whole lines drawn in visual order', async () => {
    const { lines, toUnicode } = encodeLines(HEBREW, 1, { visualOrder: true })
    const out = await extractBuffer(handPdf({ bytes: 1, toUnicode }, lines), 'hebrew-lines.pdf')
    expect(out.ok && out.doc.text.split(/\s+/).join(' ')).toBe(HEBREW.join(' '))
  })
})
