import { describe, expect, it } from 'vitest'
import { revealInvisible, splitRuns, toBlocks } from '../../../src/renderer/src/lib/format/text-runs'
import { ESSAY_TEXT, scoredEssay } from '../../component/sample-results'

describe('toBlocks', () => {
  it('covers the whole text exactly once, passages in order with gaps between', () => {
    const blocks = toBlocks(ESSAY_TEXT.length, [...scoredEssay.passages].reverse())
    expect(blocks.map((b) => ESSAY_TEXT.slice(b.start, b.end)).join('')).toBe(ESSAY_TEXT)
    expect(blocks[0]).toMatchObject({ kind: 'gap', start: 0 })
    expect(blocks.filter((b) => b.kind === 'passage')).toHaveLength(4)
  })
})

describe('splitRuns', () => {
  const passage = scoredEssay.passages[2]
  const fingerprints = scoredEssay.fingerprints!

  it('marks fingerprints in place and keeps the text intact', () => {
    const runs = splitRuns(passage.start, passage.end, fingerprints, null)
    expect(runs.map((r) => ESSAY_TEXT.slice(r.start, r.end)).join('')).toBe(
      ESSAY_TEXT.slice(passage.start, passage.end)
    )
    const marked = runs.filter((r) => r.fingerprint)
    expect(marked.map((r) => r.fingerprint!.rule)).toEqual(['zero-width-space', 'utm-chatgpt'])
    expect(ESSAY_TEXT.slice(marked[1].start, marked[1].end)).toBe('utm_source=chatgpt.com')
  })

  it('colours each watermark token', () => {
    const flags = scoredEssay.watermarks![0].flags
    const runs = splitRuns(passage.start, passage.end, [], flags)
    const coloured = runs.filter((r) => r.token)
    expect(coloured).toHaveLength(flags.length)
    expect(coloured[0]).toMatchObject({ token: 'red' })
    expect(coloured[1]).toMatchObject({ token: 'green' })
  })

  it('shows invisible characters as code points', () => {
    expect(revealInvisible('a\u200Bb')).toBe('a⟨U+200B⟩b')
  })
})
