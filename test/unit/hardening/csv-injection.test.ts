/**
 * Issue 17, point 14: a file name like `x;=1+1;.txt` was written unquoted and ran as a formula in spreadsheets
 * that split on semicolons. Every cell holding a separator (, ; tab) or a quote is quoted; the leading =+-@ guard
 * stays. Names are generated from every separator × formula start.
 */
import { describe, expect, it } from 'vitest'
import { csvCell } from '../../../src/engine/report/csv'

/** Splits one CSV line on `sep` the way a spreadsheet does, honouring quotes. */
function splitCells(line: string, sep: string): string[] {
  const cells: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (c === '"') quoted = false
      else cur += c
    } else if (c === '"') quoted = true
    else if (c === sep) {
      cells.push(cur)
      cur = ''
    } else cur += c
  }
  cells.push(cur)
  return cells
}

describe('CSV cells cannot smuggle a formula through any separator', () => {
  const separators = [',', ';', '\t']
  const starts = ['=', '+', '-', '@']
  const names: string[] = []
  for (const sep of separators)
    for (const start of starts)
      names.push(`x${sep}${start}1+1${sep}.txt`, `${start}cmd|' /C calc'!A0${sep}.docx`)
  names.push('say "hi".txt')

  it.each(names)('%j stays one inert cell under every separator', (name) => {
    const cell = csvCell(name)
    for (const sep of separators) {
      const line = ['before', cell, 'after'].join(sep)
      const cells = splitCells(line, sep)
      expect(cells, `${sep}`).toHaveLength(3)
      expect(cells[1]).toMatch(/^(?:[^=+\-@]|'[=+\-@])/)
    }
  })

  it('keeps plain names unquoted and still guards a leading formula character', () => {
    expect(csvCell('essay.txt')).toBe('essay.txt')
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(csvCell('x;y')).toBe('"x;y"')
    expect(csvCell('x\ty')).toBe('"x\ty"')
  })
})
