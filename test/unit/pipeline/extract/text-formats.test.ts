import { describe, expect, it } from 'vitest'
import { isoDurationToMinutes, normaliseIsoDate, pdfDateToIso } from '../../../../src/pipeline/extract/dates'
import { ExtractFailure } from '../../../../src/pipeline/extract/errors'
import { extractRtf } from '../../../../src/pipeline/extract/rtf'
import { decodeText } from '../../../../src/pipeline/extract/text'

const rtf = (body: string) => extractRtf(new Uint8Array(Buffer.from(body, 'latin1')))
const texts = (body: string) =>
  rtf(body)
    .blocks.map((b) => b.text)
    .filter((t) => t.trim() !== '')

describe('RTF converter', () => {
  it('handles uc skips, including hex-byte fallbacks and uc0', () => {
    expect(texts("{\\rtf1\\ansi\\uc2 a\\u233\\'65\\'3fb\\par}")).toEqual(['aéb'])
    expect(texts('{\\rtf1\\ansi\\uc0 x\\u8364 y\\par}')).toEqual(['x€y'])
    expect(texts('{\\rtf1\\ansi{\\uc1\\u-3913 ?}z\\par}')).toEqual(['\uF0B7z'])
  })

  it("decodes \\'hh through \\ansicpg and raw 8-bit bytes the same way", () => {
    expect(texts("{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2\\par}")).toEqual(['Привет'])
    expect(texts('{\\rtf1\\ansi\\ansicpg1252 caf\u00e9 \u0093q\u0094\\par}')).toEqual(['café “q”'])
  })

  it('skips \\* destinations, \\bin data and hidden text, keeps field results', () => {
    const body =
      '{\\rtf1\\ansi {\\*\\shppict {\\pict zzz}}a{\\v hidden}b\\bin3 {}\\ c {\\field{\\*\\fldinst HYPERLINK x}{\\fldrslt d}}\\par}'
    expect(texts(body)).toEqual(['ab c d'])
  })

  it('turns \\line, \\tab and symbols into text', () => {
    expect(texts('{\\rtf1 a\\line b\\tab c\\~d\\_e\\-f\\{\\}\\\\\\par}')).toEqual(['a\nb\tc\u00a0d-ef{}\\'])
  })

  it('keeps the text of a cut-off file with a truncated warning', () => {
    const result = rtf('{\\rtf1\\ansi {\\fonttbl{\\f0 Arial;}} Some words that were written\\par More')
    expect(result.blocks.map((b) => b.text.trim())).toEqual(['Some words that were written', 'More'])
    expect(result.warnings.map((w) => w.code)).toEqual(['truncated'])
  })

  it('calls group-only garbage corrupt', () => {
    expect(() => rtf('{\\rtf1{{{{')).toThrow(ExtractFailure)
  })

  it('refuses absurd nesting', () => {
    expect(() => rtf('{\\rtf1' + '{'.repeat(2000) + 'x' + '}'.repeat(2000) + '}')).toThrow(/too complex/)
  })
})

describe('decodeText', () => {
  const enc = (s: string, e: BufferEncoding) => new Uint8Array(Buffer.from(s, e))
  it('reads BOM-less UTF-16 by its zero bytes, with a warning', () => {
    const le = decodeText(enc('Hello there, café', 'utf16le'), 'txt')
    expect(le.text).toBe('Hello there, café')
    expect(le.warnings.map((w) => w.code)).toEqual(['encoding-guessed'])
  })
  it('prefers strict UTF-8 and falls back to Windows-1252 with a warning', () => {
    expect(decodeText(enc('naïve “quotes”', 'utf8'), 'txt')).toEqual({ text: 'naïve “quotes”', warnings: [] })
    const guessed = decodeText(Uint8Array.from([0x93, 0x68, 0x69, 0x94, 0x20, 0x80, 0x35]), 'txt')
    expect(guessed.text).toBe('“hi” €5')
    expect(guessed.warnings[0]?.message).toMatch(/Windows-1252/)
  })
  it('keeps a UTF-8 file with one damaged byte as UTF-8 rather than garbling every accent', () => {
    const bytes = new Uint8Array([
      ...Buffer.from('Café, crème, déjà vu, naïve ', 'utf8'),
      0xff,
      ...Buffer.from(' Zoë', 'utf8')
    ])
    const decoded = decodeText(bytes, 'txt')
    expect(decoded.text).toBe('Café, crème, déjà vu, naïve \uFFFD Zoë')
    expect(decoded.warnings[0]?.message).toMatch(/UTF-8/)
  })

  it('refuses control-character soup as binary', () => {
    expect(() =>
      decodeText(
        Uint8Array.from({ length: 200 }, (_, i) => i % 32),
        'txt'
      )
    ).toThrow(/binary/)
  })
})

describe('metadata dates', () => {
  it('converts PDF dates with and without zones', () => {
    expect(pdfDateToIso("D:20240131143000+01'00'")).toBe('2024-01-31T13:30:00.000Z')
    expect(pdfDateToIso('D:20240131143000Z')).toBe('2024-01-31T14:30:00.000Z')
    expect(pdfDateToIso("D:20240131143000-05'30")).toBe('2024-01-31T20:00:00.000Z')
    expect(pdfDateToIso('D:2024')).toBe('2024-01-01T00:00:00.000Z')
    expect(pdfDateToIso('garbage')).toBeUndefined()
  })
  it('converts ISO durations to minutes', () => {
    expect(isoDurationToMinutes('PT2H13M30S')).toBe(134)
    expect(isoDurationToMinutes('P1DT1H')).toBe(1500)
    expect(isoDurationToMinutes('PT0S')).toBe(0)
    expect(isoDurationToMinutes('PT')).toBeUndefined()
    expect(isoDurationToMinutes('2 hours')).toBeUndefined()
  })
  it('normalises dates and rejects non-dates', () => {
    expect(normaliseIsoDate('2024-03-04T21:40:00Z')).toBe('2024-03-04T21:40:00.000Z')
    expect(normaliseIsoDate('not a date')).toBeUndefined()
  })
})
