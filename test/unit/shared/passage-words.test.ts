import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { passageLabel } from '../../../src/engine/detector/calibrate'
import type { DetectorCard } from '../../../src/engine/detector/card'
import { LEANS_AI_WORDS, passageLabelWords } from '../../../src/shared/wording'
import { shadePassage } from '../../../src/renderer/src/lib/format/likelihood'
import { passageTag } from '../../../src/engine/report/passages'
import type { Passage, PassageScore } from '../../../src/shared/types'

const score = (label: PassageScore['label'], aiProbability: number): PassageScore =>
  ({ label, aiProbability, interval: null, explanation: null }) as unknown as PassageScore

const passage = { index: 2, start: 0, end: 10, words: 80, page: null, kind: 'prose' } as unknown as Passage

describe('a passage label never reads against its number', () => {
  it('an uncertain passage above one half leans towards AI, on screen and on paper alike', () => {
    expect(passageLabelWords('uncertain', 0.97)).toBe(LEANS_AI_WORDS)
    expect(passageLabelWords('uncertain', 0.5)).toBe(LEANS_AI_WORDS)
    expect(shadePassage(score('uncertain', 0.97)).label).toBe(`${LEANS_AI_WORDS} · 97%`)
    expect(passageTag(passage, score('uncertain', 0.97))).toContain(`${LEANS_AI_WORDS} · AI probability 97%`)
  })

  it('below one half it stays uncertain; definite labels keep their words', () => {
    expect(passageLabelWords('uncertain', 0.42)).toBe('Uncertain')
    expect(passageLabelWords('uncertain', null)).toBe('Uncertain')
    expect(passageLabelWords('likely-ai', 0.99)).toBe('Reads like AI')
    expect(passageLabelWords('likely-human', 0.1)).toBe('Reads like human')
  })

  it('with the shipped card, no label says "uncertain" or "human" beside a number of one half or more', () => {
    const card = JSON.parse(readFileSync('resources/models/detector.card.json', 'utf8')) as DetectorCard
    for (let i = 0; i <= 1000; i++) {
      const p = i / 1000
      const words = shadePassage(score(passageLabel(p, card), p)).label
      if (p >= 0.5) expect(words).not.toMatch(/^Uncertain ·|human/)
      else expect(words).not.toMatch(/AI/)
    }
  })
})
