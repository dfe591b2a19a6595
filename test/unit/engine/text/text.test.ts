import { describe, expect, it } from 'vitest'
import {
  applyReferenceSections,
  assembleText,
  classifyPlainBlock,
  countWords,
  isReferencesHeading,
  looksLikeCitation,
  looksLikeHeading,
  normaliseLineEndings,
  splitMarkdownBlocks,
  splitPlainTextBlocks,
  splitSentences
} from '../../../../src/engine/text'

describe('normaliseLineEndings and countWords', () => {
  it('turns CRLF and CR into LF', () => {
    expect(normaliseLineEndings('a\r\nb\rc\n')).toBe('a\nb\nc\n')
  })
  it('counts words, not punctuation, keeping contractions, hyphens and decimals whole', () => {
    expect(countWords("Don't stop — it's well-known that 3.5 kg is... heavy!")).toBe(9)
    expect(countWords('  -- ... !!')).toBe(0)
    expect(countWords('Café déjà vu 東京')).toBe(4)
  })
})

describe('block classification', () => {
  it('recognises reference headings in their usual spellings', () => {
    for (const h of [
      'References',
      'Works Cited',
      'BIBLIOGRAPHY',
      '7. References',
      'Reference List:',
      '## Sources'
    ])
      expect(isReferencesHeading(h), h).toBe(true)
    expect(isReferencesHeading('References to nature in poetry are common.')).toBe(false)
  })
  it('calls short unpunctuated lines headings, sentences not', () => {
    expect(looksLikeHeading('Why Gardens Matter')).toBe(true)
    expect(looksLikeHeading('2.1 Method')).toBe(true)
    expect(looksLikeHeading('The garden was small.')).toBe(false)
    expect(looksLikeHeading('this starts in lower case')).toBe(false)
    expect(looksLikeHeading('One two three four five six seven eight nine ten eleven twelve thirteen')).toBe(
      false
    )
  })
  it('spots APA/MLA citations and numbered references but not prose mentioning a year', () => {
    expect(
      looksLikeCitation('Smith, J., & Lee, K. (2020). Urban green space. Journal of Urban Health, 97(3).')
    ).toBe(true)
    expect(looksLikeCitation('Orwell, George. Nineteen Eighty-Four. Secker & Warburg, 1949. Press')).toBe(
      true
    )
    expect(looksLikeCitation('[3] A. Author, "Title," in Proc. Conf., 2019, pp. 1-9.')).toBe(true)
    expect(looksLikeCitation('In 2020, Smith argued that gardens matter, and many agreed with him.')).toBe(
      false
    )
  })
  it('classifies plain blocks', () => {
    expect(classifyPlainBlock('- one\n- two')).toBe('list')
    expect(classifyPlainBlock('a\tb\nc\td')).toBe('table')
    expect(classifyPlainBlock('Introduction')).toBe('heading')
    expect(classifyPlainBlock('This is an ordinary sentence of prose.')).toBe('prose')
  })
  it('marks everything after a references heading as references until the next heading', () => {
    const texts = ['Intro', 'Body text.', 'References', 'Entry one', 'Entry two', 'Appendix', 'More text.']
    const kinds = applyReferenceSections(texts, [
      'heading',
      'prose',
      'heading',
      'prose',
      'list',
      'heading',
      'prose'
    ])
    expect(kinds).toEqual(['heading', 'prose', 'heading', 'references', 'references', 'heading', 'prose'])
  })
})

describe('assembleText', () => {
  it('joins trimmed blocks with a blank line, drops empty ones, and gives exact offsets', () => {
    const { text, paragraphs } = assembleText([
      { text: '  Title \r\n', page: 1 },
      { text: '   ', page: 1 },
      { text: 'First line\r\nsecond line.', page: 2, kind: 'prose' },
      { text: 'e\uFB03cient\u0000', page: 2, kind: 'prose' }
    ])
    expect(text).toBe('Title\n\nFirst line\nsecond line.\n\nefficient')
    expect(paragraphs.map((p) => [text.slice(p.start, p.end), p.page, p.kind, p.index])).toEqual([
      ['Title', 1, 'heading', 0],
      ['First line\nsecond line.', 2, 'prose', 1],
      ['efficient', 2, 'prose', 2]
    ])
  })
})

describe('splitPlainTextBlocks', () => {
  it('splits at blank lines and keeps hard-wrapped lines together', () => {
    const blocks = splitPlainTextBlocks('Title\n\nLine one of a wrapped\nparagraph goes on.\n\n\n\nNext.')
    expect(blocks.map((b) => b.text)).toEqual(['Title', 'Line one of a wrapped\nparagraph goes on.', 'Next.'])
  })
  it('treats long lines without blank lines between them as separate paragraphs', () => {
    const long = (c: string) => `${c} `.repeat(70).trim() + '.'
    const blocks = splitPlainTextBlocks(`${long('a')}\n${long('b')}\n${long('c')}`)
    expect(blocks).toHaveLength(3)
  })
  it('splits a heading line from the paragraph it sits on', () => {
    const blocks = splitPlainTextBlocks(
      'Introduction\nThe garden began as a parking lot, full of gravel, glass and\nweeds that nobody wanted.'
    )
    expect(blocks.map((b) => [b.kind, b.text.split('\n')[0]])).toEqual([
      ['heading', 'Introduction'],
      [undefined, 'The garden began as a parking lot, full of gravel, glass and']
    ])
  })
})

describe('splitMarkdownBlocks', () => {
  it('keeps text exactly as written and classifies blocks', () => {
    const md = [
      '# Title',
      'Para *one* with [a link](http://x).',
      '',
      'Setext Heading',
      '==============',
      '',
      '> quoted',
      'lazy continuation',
      '',
      '1. first',
      '2. second',
      '   continued',
      '',
      '    indented code',
      '',
      '~~~',
      '# not a heading',
      '~~~',
      '',
      '***',
      '| a | b |',
      '|---|:-:|',
      '| 1 | 2 |'
    ].join('\n')
    expect(splitMarkdownBlocks(md).map((b) => [b.kind, b.text])).toEqual([
      ['heading', '# Title'],
      [undefined, 'Para *one* with [a link](http://x).'],
      ['heading', 'Setext Heading\n=============='],
      ['quote', '> quoted\nlazy continuation'],
      ['list', '1. first\n2. second\n   continued'],
      ['code', '    indented code'],
      ['code', '~~~\n# not a heading\n~~~'],
      ['table', '| a | b |\n|---|:-:|\n| 1 | 2 |']
    ])
  })
  it('lets a list interrupt a paragraph', () => {
    expect(splitMarkdownBlocks('Things:\n- a\n- b').map((b) => b.kind)).toEqual([undefined, 'list'])
  })
})

describe('splitSentences', () => {
  it('finds sentence ends, skipping abbreviations and decimals', () => {
    const text = 'Mr. Lee paid $3.50 for it. It was cheap! Was it? "Yes," she said. (Really.) Done'
    expect(splitSentences(text).map(([s, e]) => text.slice(s, e))).toEqual([
      'Mr. Lee paid $3.50 for it.',
      'It was cheap!',
      'Was it?',
      '"Yes," she said.',
      '(Really.)',
      'Done'
    ])
  })
})
