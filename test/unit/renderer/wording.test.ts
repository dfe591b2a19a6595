import { describe, expect, it } from 'vitest'
import {
  describeFalsePositiveRate,
  describeStatus,
  studentsPerClass,
  formatDuration,
  formatInterval,
  formatPercent,
  VERDICT_WORDS
} from '../../../src/renderer/src/lib/format/wording'
import { shadePassage } from '../../../src/renderer/src/lib/format/likelihood'
import { corruptFile, scoredEssay, unscoredEssay } from '../../component/sample-results'

describe('wording', () => {
  it('states the measured false-positive rate as "1 in N"', () => {
    const point = scoredEssay.detector!.operatingPoint
    expect(describeFalsePositiveRate(point)).toBe(
      'At this setting about 1 in 100 human essays is flagged, as measured on 2,400 essays by students that the model never saw in training; allowing for measurement uncertainty, at most about 1 in 56.'
    )
    expect(describeFalsePositiveRate({ ...point, fpr: 0, fprUpper: 0.002 })).toMatch(
      /^At this setting none of the human essays/
    )
    // The shipped card writes the count with a thousands separator: 4,400 essays, not 4.
    const shipped = {
      ...point,
      measuredOn: 'held-out essays of the writer groups it was trained on (n=4,400)'
    }
    expect(describeFalsePositiveRate(shipped)).toContain('measured on 4,400 essays by students')
  })

  it('never accuses: verdicts describe the writing', () => {
    for (const words of Object.values(VERDICT_WORDS)) expect(words).not.toMatch(/cheat|plagiar|guilty/i)
    expect(VERDICT_WORDS['likely-ai']).toBe('Reads like AI-generated writing')
  })

  it('formats percentages with honest ends', () => {
    expect(formatPercent(0.873)).toBe('87%')
    expect(formatPercent(0.004)).toBe('<1%')
    expect(formatPercent(0.996)).toBe('>99%')
    expect(formatPercent(null)).toBe('—')
    expect(formatDuration(83_000)).toBe('1 min 23 s')
    expect(formatInterval([0.84, 0.95])).toBe('84%–95%')
    expect(formatInterval([0.99996, 0.99998])).toBe('>99%')
  })

  it('says what a calibration target means in students per class', () => {
    expect(studentsPerClass(0.01)).toBe('about 1 honest student in every 4 classes of 25')
    expect(studentsPerClass(0.001)).toBe('about 1 honest student in every 40 classes of 25')
    expect(studentsPerClass(0.05)).toBe('about 1.3 honest students in every class of 25')
  })

  it('describes status, including missing scores and errors', () => {
    expect(describeStatus(scoredEssay)).toBe('Reads like AI-generated writing')
    expect(describeStatus({ ...scoredEssay, words: 149 })).toBe('Limited evidence: too short for a verdict')
    expect(describeStatus(unscoredEssay)).toBe('Scores not available')
    expect(describeStatus(corruptFile)).toBe('This DOCX file is damaged and could not be opened.')
  })
})

describe('shadePassage', () => {
  it('puts each label on its band with a text label', () => {
    const [human, uncertain, ai, short] = scoredEssay.passages.map((p) => shadePassage(p.score))
    expect(human).toMatchObject({ band: 'human', label: 'Reads like human · 8%' })
    expect(uncertain.band).toBe('uncertain')
    expect(ai).toMatchObject({ band: 'ai', label: 'Reads like AI · 91%' })
    expect(ai.intensity).toBeGreaterThan(uncertain.intensity)
    expect(short).toMatchObject({ band: 'neutral', intensity: 0, label: 'Too short to judge' })
    expect(shadePassage(undefined)).toMatchObject({ band: 'neutral', label: 'Not scored' })
    const notScored = {
      aiProbability: null,
      interval: null,
      label: 'not-scored' as const,
      explanation: null,
      segment: null
    }
    expect(shadePassage(notScored, 'heading')).toMatchObject({
      band: 'neutral',
      label: 'Heading · Not scored'
    })
  })
})
