import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Passage } from '../../../../src/shared/types'
import { scoreDocumentWith } from '../../../../src/engine/detector/score'
import { viterbiSegments } from '../../../../src/engine/detector/segment'
import { loadDetector, type Detector } from '../../../../src/pipeline/detector'
import { splitOf, pairKey, type RawRecord } from '../../../../src/training/dataset-records'
import { paragraphPassages } from './helpers'

const golden = JSON.parse(readFileSync(resolve('src/training/golden-texts.json'), 'utf8')) as {
  name: string
  text: string
}[]
const textOf = (name: string): string => golden.find((g) => g.name === name)?.text ?? ''
const STUDENT = textOf('student-paragraph')
const AI = textOf('ai-paragraph')

let detector: Detector
beforeAll(async () => {
  detector = await loadDetector()
})
afterAll(async () => detector.close())

async function docProbability(text: string): Promise<number> {
  const r = await detector.scoreDocument(text, paragraphPassages(text), { operatingPoint: 'balanced' })
  return r.summary.aiProbability ?? NaN
}

describe('detector scoring', () => {
  it('ranks a clearly AI paragraph above a human student paragraph, and accuses neither short text', async () => {
    const human = await docProbability(STUDENT)
    const ai = await docProbability(AI)
    expect(ai).toBeGreaterThan(human)
    expect(ai).toBeGreaterThan(0.5)
    // both are under 150 words: a score, but no verdict either way
    for (const text of [STUDENT, AI]) {
      const r = await detector.scoreDocument(text, paragraphPassages(text), { operatingPoint: 'balanced' })
      expect(r.summary.verdict).toBe('limited-evidence')
    }
  })

  const outfox = resolve('../shared/data/outfox/data.jsonl')
  it.skipIf(!existsSync(outfox))(
    'ranks held-out (test split) human vs AI essays on the same prompt',
    async () => {
      const recs = readFileSync(outfox, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as RawRecord)
        .filter((r) => splitOf(pairKey('outfox', r)) === 'test')
      const key = pairKey('outfox', recs.find((r) => r.label === 'human') as RawRecord)
      const human = recs.find((r) => r.label === 'human' && pairKey('outfox', r) === key)
      const ai = recs.find((r) => r.generator.startsWith('gpt-3.5') && pairKey('outfox', r) === key)
      expect(human && ai).toBeTruthy()
      expect(await docProbability(ai?.text ?? '')).toBeGreaterThan(await docProbability(human?.text ?? ''))
    }
  )

  it('gives the same score when the AI text is disguised with zero-width characters and homoglyphs', async () => {
    const disguised = AI.replace(/o/g, '\u043e').replace(/ /g, ' \u200b').replace(/a/g, '\u0430')
    expect(await docProbability(disguised)).toBeCloseTo(await docProbability(AI), 6)
  })

  it('marks text below the card threshold as too short', async () => {
    const short = 'Phones are useful in class.'
    const r = await detector.scoreDocument(short, paragraphPassages(short), { operatingPoint: 'balanced' })
    expect(r.summary.verdict).toBe('too-short')
    expect(r.summary.aiProbability).toBeNull()
    expect(r.passages[0]?.label).toBe('too-short')
  })

  it('refuses non-English text', async () => {
    const german =
      'Die Schule beginnt jeden Morgen um acht Uhr. Wir haben viele Fächer, aber Mathematik gefällt mir am besten, ' +
      'weil unsere Lehrerin die Aufgaben gut erklärt. Nach dem Unterricht spielen wir oft Fußball auf dem Hof ' +
      'und danach gehen wir zusammen nach Hause. Am Wochenende besuche ich meine Großeltern auf dem Land.'
    const r = await detector.scoreDocument(german, paragraphPassages(german), { operatingPoint: 'balanced' })
    expect(r.summary.verdict).toBe('unsupported-language')
    expect(r.passages.every((p) => p.label === 'not-scored')).toBe(true)
    const french =
      "L'école commence chaque matin à huit heures et nous avons beaucoup de matières, mais les mathématiques " +
      'sont ma matière préférée parce que la professeure explique bien. Le week-end, je rends visite à mes grands-parents.'
    const f = await detector.scoreDocument(french, paragraphPassages(french), { operatingPoint: 'balanced' })
    expect(f.summary.verdict).toBe('unsupported-language')
  })

  it('returns explanations whose offsets point into the original text', async () => {
    const text = `Title: Phones\n\n${AI}\n\n${STUDENT.replace(/'/g, '\u2019')}`
    const passages = paragraphPassages(text)
    const r = await detector.scoreDocument(text, passages, { operatingPoint: 'balanced' })
    let checked = 0
    r.passages.forEach((ps, i) => {
      const p = passages[i] as Passage
      for (const a of [...(ps.explanation?.towardsAi ?? []), ...(ps.explanation?.towardsHuman ?? [])]) {
        expect(a.start).toBeGreaterThanOrEqual(p.start)
        expect(a.end).toBeLessThanOrEqual(p.end)
        expect(a.end).toBeGreaterThan(a.start)
        expect(text.slice(a.start, a.end)).toBe(a.phrase)
        checked++
      }
    })
    expect(checked).toBeGreaterThan(4)
    const aiPassage = r.passages.find(
      (p) => p.explanation && p.aiProbability !== null && p.aiProbability > 0.5
    )
    expect(aiPassage?.explanation?.towardsAi.length).toBeGreaterThan(0)
    const aiStyle = aiPassage?.explanation?.style ?? []
    expect(aiStyle.some((o) => o.direction === 'ai' && /than in typical student essays$/.test(o.text))).toBe(
      true
    )
    expect(r.summary.operatingPoint.name).toBe('balanced')
  })

  it('reads the verdict threshold from the card, not from code', async () => {
    const text = `${AI}\n\n${AI.replace('Ultimately', 'In the end')}`
    const passages = paragraphPassages(text)
    const base = await detector.scoreDocument(text, passages, { operatingPoint: 'balanced' })
    const p = base.summary.aiProbability ?? NaN
    const lowered = structuredClone(detector.card)
    const raised = structuredClone(detector.card)
    for (const op of lowered.operatingPoints) op.threshold = p - 1e-6
    for (const op of raised.operatingPoints) op.threshold = Math.min(0.999999, p + 1e-6)
    raised.uncertainFloor = Math.min(0.999999, p + 1e-6)
    const a = await scoreDocumentWith(detector.scoreVector, lowered, text, passages, {
      operatingPoint: 'balanced'
    })
    const b = await scoreDocumentWith(detector.scoreVector, raised, text, passages, {
      operatingPoint: 'strict'
    })
    expect(a.summary.verdict).toBe('likely-ai')
    // above one half the verdict is never "reads like human", whatever the thresholds
    expect(b.summary.verdict).toBe(p > 0.5 ? 'uncertain' : 'likely-human')
    expect(b.summary.operatingPoint.threshold).toBe(
      raised.operatingPoints.find((o) => o.name === 'strict')?.threshold
    )
  })

  it('reads passage label thresholds and the too-short length from the card', async () => {
    const passages = paragraphPassages(AI)
    const base = await detector.scoreDocument(AI, passages, { operatingPoint: 'balanced' })
    const p = base.passages[0]?.aiProbability ?? NaN
    expect(base.passages[0]?.label).toBe('likely-ai')
    const strictCard = structuredClone(detector.card)
    strictCard.passageThresholds = { likelyAi: 1, likelyHuman: 1 }
    const r = await scoreDocumentWith(detector.scoreVector, strictCard, AI, passages, {
      operatingPoint: 'balanced'
    })
    expect(r.passages[0]?.aiProbability).toBe(p)
    // the label follows the card's thresholds but never contradicts its number: p > 0.5 is not "human"
    expect(r.passages[0]?.label).toBe(p > 0.5 ? 'uncertain' : 'likely-human')
    const longCard = structuredClone(detector.card)
    longCard.tooShortWords = 10_000
    const t = await scoreDocumentWith(detector.scoreVector, longCard, AI, passages, {
      operatingPoint: 'balanced'
    })
    expect(t.passages[0]?.label).toBe('too-short')
    expect(t.summary.verdict).toBe('too-short')
  })
})

describe('HMM segmentation', () => {
  it('smooths a single dissenting passage and keeps a real switch', () => {
    expect(viterbiSegments([0.9, 0.95, 0.3, 0.9, 0.92], 0.15)).toEqual(['ai', 'ai', 'ai', 'ai', 'ai'])
    expect(viterbiSegments([0.05, 0.1, 0.95, 0.97, 0.99], 0.15)).toEqual(['human', 'human', 'ai', 'ai', 'ai'])
    expect(viterbiSegments([0.1, null, 0.2], 0.15)).toEqual(['human', 'human', 'human'])
    expect(viterbiSegments([], 0.15)).toEqual([])
  })
})
