import { describe, expect, it } from 'vitest'
import { normalise } from '../../../src/engine/detector/normalise'
import { survivingCues } from '../../../src/training/formatting-check'

describe('formatting check: layout cues that survive the normaliser', () => {
  it('sees layout the normaliser keeps (glued sentences, enumerations, dash bullets, a Title word)', () => {
    const plain = normalise('Phones help students. They also distract them. Schools should decide.').text
    const laidOut = normalise(
      'Essay on phones\n\n1. Phones help students.They also distract them.\n- first point\n- second point'
    ).text
    const a = survivingCues(plain)
    const b = survivingCues(laidOut)
    expect(a.every((v) => v === 0)).toBe(true)
    expect(b[0]).toBeGreaterThan(0) // glued sentences
    expect(b[1]).toBeGreaterThan(0) // enumeration
    expect(b[2]).toBeGreaterThan(0) // dash bullets
    expect(b[3]).toBe(1) // leading "Essay" word
  })

  it('does not see what the normaliser removes (curly quotes, line breaks, a "Title:" line, Markdown marks)', () => {
    const raw = 'Title: Phones\n\n**Phones** help \u201cstudents\u201d.\n\nThey\u00a0also distract them.'
    const bare = 'Phones help "students". They also distract them.'
    expect(survivingCues(normalise(raw).text)).toEqual(survivingCues(normalise(bare).text))
  })
})
