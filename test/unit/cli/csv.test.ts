import { describe, expect, it } from 'vitest'
import { CSV_HEADER, csvCell } from '../../../src/cli/csv'

describe('CSV output', () => {
  it('starts with a UTF-8 BOM so spreadsheet apps read names correctly', () => {
    expect(CSV_HEADER.charCodeAt(0)).toBe(0xfeff)
    expect(CSV_HEADER.slice(1).split(',').slice(0, 2)).toEqual(['student', 'file'])
  })

  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(csvCell('Smith, Jane')).toBe('"Smith, Jane"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell(null)).toBe('')
    expect(csvCell(0.25)).toBe('0.25')
  })

  it('defuses spreadsheet formulas in file names', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1.docx')).toBe("'+1.docx")
    expect(csvCell(-0.5)).toBe('-0.5')
  })
})
