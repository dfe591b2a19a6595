import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  checkStyleCard,
  compareWithKnown,
  isStyleCounts,
  mergeCounts,
  styleCounts,
  type StyleCompareCard
} from '../../../../src/engine/style-compare'

const card = (() => {
  const checked = checkStyleCard(JSON.parse(readFileSync('resources/style/style-compare.card.json', 'utf8')))
  if (!checked.ok) throw new Error(checked.reason)
  return checked.card
})() as StyleCompareCard

const plain = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `i think the school trip was good and we went to the museum on day ${i} . we liked it very much , and the teacher was happy to.`
  ).join(' ')
const formal = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `Nevertheless, the institutional consequences of such policies—particularly regarding accountability (section ${i})—remain considerably underexplored; furthermore, comparative evaluations are scarce.`
  ).join('\n\n')

describe('style counts', () => {
  it('counts sentences, words and habits without keeping words', () => {
    const c = styleCounts('I went home. i was tired , and the the dog slept!! It is an dog.')
    expect(c.sentences).toBe(3)
    expect(c.words).toBe(15)
    expect(c.habits[3]).toBe(1) // lower-case i
    expect(c.habits[0]).toBe(1) // space before comma
    expect(c.habits[5]).toBe(1) // doubled "the"
    expect(c.habits[6]).toBe(1) // "!!"
    expect(c.habits[4]).toBe(1) // "an dog"
    expect(JSON.stringify(c)).not.toContain('dog')
    expect(isStyleCounts(c)).toBe(true)
    expect(isStyleCounts({ ...c, punct: [1] })).toBe(false)
  })
  it('merges counts additively', () => {
    const a = styleCounts(plain(5))
    const b = styleCounts(formal(5))
    const m = mergeCounts([a, b])
    expect(m.words).toBe(a.words + b.words)
    expect(m.texts).toBe(2)
    expect(m.skeleton.reduce((x, y) => x + y, 0)).toBe(
      a.skeleton.reduce((x, y) => x + y, 0) + b.skeleton.reduce((x, y) => x + y, 0)
    )
  })
})

describe('compareWithKnown', () => {
  const passages = (text: string) => [{ index: 0, text, words: text.split(/\s+/).length }]
  it('says what is missing', () => {
    const none = compareWithKnown({ student: 'Ana Lopez', known: [], text: plain(10), passages: [] }, card)
    expect(none.status).toBe('no-known-writing')
    expect(none.message).toContain('Ana Lopez')
    const little = compareWithKnown(
      { student: 'Ana Lopez', known: [styleCounts(plain(1))], text: plain(10), passages: [] },
      card
    )
    expect(little.status).toBe('too-little-known-writing')
    const nobody = compareWithKnown({ student: null, known: [], text: plain(10), passages: [] }, card)
    expect(nobody.message).toContain('by hand')
  })
  it('places a text like the known writing within range and a very different one outside it', () => {
    const known = [styleCounts(plain(12)), styleCounts(plain(11))]
    const same = compareWithKnown(
      { student: 'Ana', known, text: plain(10), passages: passages(plain(10)) },
      card
    )
    const other = compareWithKnown(
      { student: 'Ana', known, text: formal(10), passages: passages(formal(10)) },
      card
    )
    expect(same.status).toBe('compared')
    expect(other.status).toBe('compared')
    expect(other.distance as number).toBeGreaterThan(same.distance as number)
    expect(same.standsOut).toBe(false)
    expect(other.standsOut).toBe(true)
    expect(other.sameWriterOneIn as number).toBeGreaterThan(same.sameWriterOneIn as number)
    expect(other.differences.length).toBeGreaterThan(0)
    expect(other.differences.map((d) => d.text).join(' ')).toMatch(/here, .* in the known writing/)
    expect(other.passages[0]?.index).toBe(0)
    expect(other.setting?.falseAlarmRate).toBe(card.tables[1].falseAlarmRate)
    expect(other.limits.length).toBeGreaterThan(2)
  })
  it('uses the table for the number of known texts, the last one for more', () => {
    const known = [1, 2, 3, 4, 5].map(() => styleCounts(plain(8)))
    const r = compareWithKnown({ student: 'Ana', known, text: formal(8), passages: [] }, card)
    expect(r.setting?.threshold).toBe(card.tables[card.tables.length - 1].threshold)
  })
})
