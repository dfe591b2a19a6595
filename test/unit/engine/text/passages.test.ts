import { describe, expect, it } from 'vitest'
import { assembleText, countWords, segmentPassages, type RawBlock } from '../../../../src/engine/text'

const words = (n: number, word = 'word'): string => Array.from({ length: n }, () => word).join(' ') + '.'
const sentence = (n: number): string =>
  'The ' + Array.from({ length: n - 2 }, (_, i) => `w${i}`).join(' ') + ' end.'

function passagesOf(blocks: RawBlock[], opts = {}) {
  const { text, paragraphs } = assembleText(blocks)
  return { text, passages: segmentPassages(text, paragraphs, opts) }
}

describe('segmentPassages', () => {
  it('keeps ordinary prose paragraphs as one passage each, with exact trimmed offsets', () => {
    const a = words(60, 'alpha')
    const b = words(80, 'beta')
    const { text, passages } = passagesOf([
      { text: `  ${a}  `, page: 1, kind: 'prose' },
      { text: b, page: 2, kind: 'prose' }
    ])
    expect(passages.map((p) => text.slice(p.start, p.end))).toEqual([a, b])
    expect(passages.map((p) => [p.words, p.page, p.kind, p.paragraphs])).toEqual([
      [60, 1, 'prose', [0, 0]],
      [80, 2, 'prose', [1, 1]]
    ])
  })

  it('merges runs of short prose paragraphs but never across a heading or other non-prose block', () => {
    const { text, passages } = passagesOf([
      { text: words(10, 'a'), page: 1, kind: 'prose' },
      { text: words(12, 'b'), page: 1, kind: 'prose' },
      { text: words(15, 'c'), page: 2, kind: 'prose' },
      { text: 'A Heading', page: 2, kind: 'heading' },
      { text: words(8, 'd'), page: 2, kind: 'prose' },
      { text: '- one\n- two', page: 2, kind: 'list' },
      { text: words(9, 'e'), page: 2, kind: 'prose' }
    ])
    expect(passages.map((p) => [p.kind, p.paragraphs, p.words])).toEqual([
      ['prose', [0, 2], 37],
      ['heading', [3, 3], 2],
      ['prose', [4, 4], 8],
      ['list', [5, 5], 2],
      ['prose', [6, 6], 9]
    ])
    // A merged passage spans its paragraphs and the separators between them, across pages.
    expect(text.slice(passages[0]!.start, passages[0]!.end)).toBe(
      `${words(10, 'a')}\n\n${words(12, 'b')}\n\n${words(15, 'c')}`
    )
    expect(passages[0]!.page).toBe(1)
  })

  it('does not merge two paragraphs that are each long enough', () => {
    const { passages } = passagesOf([
      // each at least DEFAULT_PASSAGE_OPTIONS.minWords (50, the detector's shortest scored passage)
      { text: words(55, 'a'), page: null, kind: 'prose' },
      { text: words(50, 'b'), page: null, kind: 'prose' }
    ])
    expect(passages).toHaveLength(2)
  })

  it('splits a very long paragraph at sentence ends into pieces near the target size', () => {
    const sentences = Array.from({ length: 20 }, () => sentence(25)) // 500 words
    const paragraph = sentences.join(' ')
    const { text, passages } = passagesOf([{ text: paragraph, page: 3, kind: 'prose' }])
    expect(passages.length).toBe(4)
    for (const p of passages) {
      const slice = text.slice(p.start, p.end)
      expect(slice).toMatch(/^The /)
      expect(slice).toMatch(/end\.$/)
      expect(p.words).toBe(countWords(slice))
      expect(p.words).toBeLessThanOrEqual(220)
      expect(p.paragraphs).toEqual([0, 0])
      expect(p.page).toBe(3)
    }
    expect(passages.reduce((n, p) => n + p.words, 0)).toBe(500)
  })

  it('does not split after abbreviations, initials or decimals', () => {
    const tricky =
      'Dr. Smith measured 3.5 litres, e.g. Rain Water from the U.S. Weather Service, as J. K. Rowling noted. '
    const filler = Array.from({ length: 12 }, () => sentence(20)).join(' ')
    const { text, passages } = passagesOf([{ text: tricky + filler, page: null, kind: 'prose' }], {
      targetWords: 20,
      maxWords: 40
    })
    const first = text.slice(passages[0]!.start, passages[0]!.end)
    expect(
      first.startsWith(
        'Dr. Smith measured 3.5 litres, e.g. Rain Water from the U.S. Weather Service, as J. K. Rowling noted.'
      )
    ).toBe(true)
  })

  it('cuts a run-on "sentence" with no punctuation at word boundaries', () => {
    const runOn = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ')
    const { text, passages } = passagesOf([{ text: runOn, page: null, kind: 'prose' }])
    expect(passages.reduce((n, p) => n + p.words, 0)).toBe(300)
    for (const p of passages) {
      expect(p.words).toBeLessThanOrEqual(220)
      expect(text.slice(p.start, p.end)).toMatch(/^w\d+.*w\d+$/)
    }
  })

  it('groups consecutive bibliography entries and list items, keeps tables and quotes separate', () => {
    const { passages } = passagesOf([
      { text: 'References', page: null, kind: 'heading' },
      { text: 'Smith, J. (2020). A book. Press.', page: null, kind: 'references' },
      { text: 'Jones, K. (2019). Another book. Press.', page: null, kind: 'references' },
      { text: 'a\tb\nc\td', page: null, kind: 'table' },
      { text: 'e\tf\ng\th', page: null, kind: 'table' },
      { text: 'Quoted words here.', page: null, kind: 'quote' }
    ])
    expect(passages.map((p) => [p.kind, p.paragraphs])).toEqual([
      ['heading', [0, 0]],
      ['references', [1, 2]],
      ['table', [3, 3]],
      ['table', [4, 4]],
      ['quote', [5, 5]]
    ])
  })

  it('returns no passages for an empty document', () => {
    expect(segmentPassages('', [])).toEqual([])
  })
})
