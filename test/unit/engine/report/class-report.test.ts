import { describe, expect, it } from 'vitest'
import { renderClassReport, sortByConcern } from '../../../../src/engine/report'
import type { DocumentResult } from '../../../../src/shared/types'
import { CTX, errorResult, okResult, tooShortResult } from './fixtures'
import { visibleText } from './html-text'

function scored(
  fileName: string,
  verdict: 'likely-ai' | 'uncertain' | 'likely-human',
  p: number
): DocumentResult {
  const base = okResult()
  const detector = base.detector ?? Error('fixture has a detector')
  if (detector instanceof Error) throw detector
  return {
    ...base,
    fileName,
    path: `/class/${fileName}`,
    watermarks: [],
    fingerprints: [],
    detector: { ...detector, verdict, aiProbability: p }
  }
}

describe('class report', () => {
  const results = [
    errorResult(),
    scored('b-human.docx', 'likely-human', 0.05),
    tooShortResult(),
    scored('c-uncertain.docx', 'uncertain', 0.6),
    scored('d-ai.docx', 'likely-ai', 0.9),
    { ...scored('e-human-watermark.docx', 'likely-human', 0.2), watermarks: okResult().watermarks },
    scored('a-ai.docx', 'likely-ai', 0.97)
  ]

  it('sorts by concern: AI readings and watermark signals first, errors last, ties by file name', () => {
    expect(sortByConcern(results).map((r) => r.fileName)).toEqual([
      'a-ai.docx',
      'd-ai.docx',
      'e-human-watermark.docx',
      'c-uncertain.docx',
      'b-human.docx',
      'alex.txt',
      'sam-smith.pdf'
    ])
  })

  it('tables every document with reading, probability, share, flags and errors, in that order', () => {
    const text = visibleText(renderClassReport(results, CTX))
    expect(text).toContain('1 a-ai.docx 217 ▲ Reads like AI-generated writing 97% 41% none none')
    expect(text).toContain(
      '3 e-human-watermark.docx 217 ▲ Reads like human writing 20% 41% ⚑ Northfield tutor bot (school key) none'
    )
    expect(text).toContain('6 alex.txt 11 Too short to judge reliably — — not run none')
    expect(text).toContain(
      '7 sam-smith.pdf 0 Could not be checked — — not run not run This PDF contains only scanned images'
    )
    expect(text.indexOf('a-ai.docx')).toBeLessThan(text.indexOf('b-human.docx'))
  })

  it('keeps the careful header, the expected false flags for the class size and the limitations', () => {
    const text = visibleText(renderClassReport(results, CTX))
    expect(text).toContain('7 documents')
    expect(text).toContain(
      '2 read like AI-generated writing, 1 give mixed or unclear signals, 2 read like human writing; 2 could not be scored'
    )
    expect(text).toContain('Among 5 scored documents, about 0.1 would be expected to be flagged by chance')
    expect(visibleText(renderClassReport([results[1]], CTX))).toContain(
      'Among 1 scored document, almost none would'
    )
    const big = Array.from({ length: 120 }, (_, i) => scored(`s${i}.docx`, 'likely-human', 0.1))
    expect(visibleText(renderClassReport(big, CTX))).toContain(
      'Among 120 scored documents, about 1.2 would be expected'
    )
    expect(text).toContain('What this report cannot show')
    expect(text).toContain('not proof')
    expect(text).toContain('Northfield High, essays 2019–2021')
  })

  it('is reproducible regardless of input order', () => {
    expect(renderClassReport([...results].reverse(), CTX)).toBe(renderClassReport(results, CTX))
  })
})

describe('class report names', () => {
  it('shows the student parsed from an LMS export name above the file name, and the bare file name otherwise', () => {
    const text = visibleText(
      renderClassReport(
        [scored('Maya Singh - Essay 4.docx', 'likely-human', 0.2), scored('notes.txt', 'likely-human', 0.1)],
        CTX
      )
    )
    expect(text).toMatch(/Maya Singh\s+Maya Singh - Essay 4\.docx/)
    expect(text).toContain('notes.txt')
  })
})
