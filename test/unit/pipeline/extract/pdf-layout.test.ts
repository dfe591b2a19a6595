import { describe, expect, it } from 'vitest'
import {
  buildLines,
  buildParagraphs,
  removeRunningLines,
  type PositionedItem
} from '../../../../src/pipeline/extract/pdfLayout'

/** An item as a 10-pt font would place it: 5 pt per character. */
const item = (str: string, x: number, y: number, height = 10): PositionedItem => ({
  str,
  x,
  y,
  width: str.length * 5,
  height
})

describe('buildLines', () => {
  it('stays fast and correct when a damaged PDF gives a glyph a giant or non-finite height', () => {
    // Found by the fuzz test: a height of 1e12 made the line lookup walk a trillion empty buckets.
    const items = [
      { str: 'Huge', x: 0, y: 700, width: 10, height: 1e12 },
      { str: 'First', x: 0, y: 600, width: 10, height: 12 },
      { str: 'line', x: 20, y: 600, width: 10, height: 12 },
      { str: 'Broken', x: 0, y: 500, width: 10, height: Number.POSITIVE_INFINITY },
      { str: 'Second', x: 0, y: 400, width: 10, height: 12 }
    ]
    const lines = buildLines(items, 1)
    expect(lines.map((l) => l.text).join(' | ')).toContain('Huge')
    expect(lines.length).toBeGreaterThan(0)
  })

  it('joins ligature pieces without spaces and words with visible gaps with one space', () => {
    const [line] = buildLines(
      [item('e', 100, 700), item('ffi', 105, 700), item('cient', 120, 700), item('use', 150, 700)],
      1
    )
    expect(line?.text).toBe('efficient use')
  })

  it('groups items by baseline regardless of drawing order, top line first', () => {
    const lines = buildLines([item('second', 100, 680), item('first', 100, 700), item('line', 135, 700.5)], 1)
    expect(lines.map((l) => l.text)).toEqual(['first line', 'second'])
  })

  it('separates table cells by tabs and counts columns, but not a bullet and its text', () => {
    const [row] = buildLines([item('Year', 72, 500), item(' ', 92, 500), item('Plots', 228, 500)], 1)
    expect(row).toMatchObject({ text: 'Year\tPlots', columns: 2 })
    const [bullet] = buildLines([item('•', 72, 480), item('Cheaper food', 108, 480)], 1)
    expect(bullet).toMatchObject({ text: '• Cheaper food', columns: 1 })
  })
})

describe('removeRunningLines', () => {
  const page = (n: number, body: string[]) =>
    buildLines(
      [
        item(`Lee — Gardens ${n}`, 72, 750, 8),
        ...body.map((t, i) => item(t, 72, 700 - i * 20)),
        item(`${n}`, 300, 40, 8)
      ],
      n
    )

  it('drops headers repeated at the same height (digits aside) and bare page numbers', () => {
    const bodies = [
      ['Alpha text.', 'Repeated line.', 'Again.', 'One more.', 'Close.'],
      ['Beta text.', 'Repeated line.', 'Again.', 'Two more.', 'Closing.'],
      ['Gamma.', 'Repeated line.', 'Again.', 'Three.', 'End.']
    ]
    const { pages, removed } = removeRunningLines(bodies.map((b, i) => page(i + 1, b)))
    // Lines repeated in the middle of the page body are text, not running heads.
    expect(pages.map((p) => p.map((l) => l.text))).toEqual(bodies)
    expect(removed).toBe(6)
  })

  it('keeps a single page intact apart from a page number', () => {
    const { pages } = removeRunningLines([page(1, ['Only page body.', 'Second line.'])])
    expect(pages[0]?.map((l) => l.text)).toEqual(['Lee — Gardens 1', 'Only page body.', 'Second line.'])
  })
})

describe('buildParagraphs', () => {
  const lines = (texts: [string, number, number][], pageNo = 1) =>
    buildLines(
      texts.map(([t, x, y]) => item(t, x, y)),
      pageNo
    )

  it('splits on blank-line gaps and first-line indents, joins hyphenated words', () => {
    const page = lines([
      ['The garden grew quickly over the long summer and its exam-', 72, 700],
      ['ple spread to other streets nearby in the town centre.', 72, 686],
      ['A new paragraph starts with an indent here and goes on', 108, 672],
      ['to a second line of text in the same paragraph body.', 72, 658],
      ['After a gap, another paragraph begins at the margin.', 72, 620]
    ])
    const { blocks, hyphenationsJoined } = buildParagraphs([page])
    expect(blocks.map((b) => b.text)).toEqual([
      'The garden grew quickly over the long summer and its example spread to other streets nearby in the town centre.',
      'A new paragraph starts with an indent here and goes on to a second line of text in the same paragraph body.',
      'After a gap, another paragraph begins at the margin.'
    ])
    expect(hyphenationsJoined).toBe(1)
  })

  it('continues a paragraph across a page break mid-sentence, keeping its first page', () => {
    const p1 = lines([['A sentence that runs on past the end of the', 72, 100]], 1)
    const p2 = lines(
      [
        ['page and finishes here.', 72, 700],
        ['New paragraph on page two.', 108, 686]
      ],
      2
    )
    const { blocks } = buildParagraphs([p1, p2])
    expect(blocks.map((b) => [b.text, b.page])).toEqual([
      ['A sentence that runs on past the end of the page and finishes here.', 1],
      ['New paragraph on page two.', 2]
    ])
  })

  it('marks larger type as headings', () => {
    const page = buildLines(
      [
        item('Big Title', 72, 720, 18),
        item('Body text of the essay goes here.', 72, 690),
        item('More body text.', 72, 676)
      ],
      1
    )
    expect(buildParagraphs([page]).blocks.map((b) => b.kind)).toEqual(['heading', undefined])
  })
})
