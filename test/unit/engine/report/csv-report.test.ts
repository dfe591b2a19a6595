import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvTable } from '../../../../src/engine/report'
import { errorResult, okResult, tooShortResult } from './fixtures'
import { HOSTILE_NAME, hostileResult } from './hostile'

/** RFC 4180 reader, as a spreadsheet would parse the file. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = (): void => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < input.length; i++) {
    const c = input[i]
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') endCell()
    else if (c === '\r' && input[i + 1] === '\n') {
      endCell()
      rows.push(row)
      row = []
      i++
    } else cell += c
  }
  return rows
}

describe('CSV class table', () => {
  const results = [okResult(), errorResult(), tooShortResult(), hostileResult()]
  const csv = csvTable(results)

  it('starts with a BOM, uses CRLF line ends, and every row has one cell per column', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.endsWith('\r\n')).toBe(true)
    const rows = parseCsv(csv.slice(1))
    expect(rows).toHaveLength(results.length + 1)
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length)
  })

  it('reads back the values, including quotes, commas and hostile names, without formulas', () => {
    const rows = parseCsv(csv.slice(1))
    const col = (name: (typeof CSV_COLUMNS)[number]): number => CSV_COLUMNS.indexOf(name)
    expect(rows[1][col('file')]).toBe('jane-doe_history-essay.docx')
    expect(rows[1][col('ai_probability')]).toBe('0.8300')
    expect(rows[1][col('watermarks_detected')]).toBe('Northfield tutor bot (school key)')
    expect(rows[2][col('error_code')]).toBe('scanned')
    expect(rows[2][col('error')]).toBe(
      'This PDF contains only scanned images of pages, so there is no text to check.'
    )
    expect(rows[4][col('file')]).toBe(HOSTILE_NAME)
    const withFormula = csvTable([{ ...okResult(), fileName: '=cmd|calc!A1' }])
    expect(parseCsv(withFormula.slice(1))[1][col('file')]).toBe("'=cmd|calc!A1")
    // the student's name from an LMS export name, for gradebooks; empty when the name has no known shape
    const moodle = csvTable([{ ...okResult(), fileName: 'Ava Chen_200_assignsubmission_file_essay.docx' }])
    expect(parseCsv(moodle.slice(1))[1][col('student')]).toBe('Ava Chen')
    expect(rows[1][col('student')]).toBe('')
  })
})
