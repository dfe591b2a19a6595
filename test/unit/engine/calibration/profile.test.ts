import { describe, expect, it } from 'vitest'
import {
  applyCalibration,
  buildCalibrationProfile,
  calibrationMismatch,
  formatRate,
  formatRateWithInterval,
  type CalibrationProfile
} from '../../../../src/engine/calibration'
import { seededRandom } from '../../../../src/engine/calibration'
import type { DetectorSummary } from '../../../../src/shared/types'

const model = { name: 'inkprint-detector', version: '1.0.0', sha256: 'a'.repeat(64) }

/** Deterministic beta-ish scores: humans low, AI high. */
function scores(n: number, seed: string, lo: number, hi: number): number[] {
  const r = seededRandom(seed)
  return Array.from({ length: n }, () => lo + (hi - lo) * r() * r())
}

function profileOf(human: number[], ai: number[] = [], targetFpr = 0.01): CalibrationProfile {
  return buildCalibrationProfile({
    name: 'Grade 10 2021',
    createdAt: '2026-11-29T02:00:00.000Z',
    model,
    humanScores: human,
    aiScores: ai,
    targetFpr
  })
}

describe('percent formatting', () => {
  it('reads like the product copy', () => {
    expect(formatRate(0.005)).toBe('0.5%')
    expect(formatRate(0.026)).toBe('2.6%')
    expect(formatRate(0.12)).toBe('12%')
    expect(formatRate(0)).toBe('0%')
    expect(formatRate(0.0002)).toBe('0.02%')
    expect(formatRateWithInterval(0.005, 0.001, 0.026)).toBe('0.5% [0.1–2.6%]')
  })
})

describe('calibration profile', () => {
  const human = scores(400, 'h', 0, 0.8)
  const ai = scores(100, 'a', 0.5, 1).map((s) => 1.5 - s)

  it('chooses a threshold that flags at most the target share of human essays', () => {
    const p = profileOf(human, ai)
    expect(p.nHuman).toBe(400)
    expect(p.nAi).toBe(100)
    expect(p.falsePositives).toBeLessThanOrEqual(4)
    expect(human.filter((s) => s > p.threshold)).toHaveLength(p.falsePositives)
    expect(p.fpr.estimate).toBe(p.falsePositives / 400)
    expect(p.fpr.upper).toBeGreaterThan(p.fpr.estimate)
    expect(p.tpr?.estimate).toBe(ai.filter((s) => s > p.threshold).length / 100)
    expect(p.enoughDocuments).toBe(true)
    expect(p.documentsNeeded).toBe(299)
  })
  it('keeps numbers only, sorted, and a full FPR table', () => {
    const p = profileOf(human, ai)
    expect(p.scores.human).toEqual([...human].sort((a, b) => a - b))
    expect(p.table.length).toBe(new Set([...human, ...ai]).size)
    const json = JSON.stringify(p)
    expect(json).not.toMatch(/\.txt|essay text/i)
  })
  it('describes itself in plain language', () => {
    const p = profileOf(human, ai)
    expect(p.description).toMatch(
      /^Calibrated on 400 human essays, 'Grade 10 2021': flags \d+ of 400, FPR [\d.]+% \[[\d.]+–[\d.]+%\]/
    )
    expect(p.description).toContain('AI essays')
  })
  it('says plainly when there are too few documents, with the number needed', () => {
    const p = profileOf(human.slice(0, 212))
    expect(p.enoughDocuments).toBe(false)
    expect(p.warnings[0]).toContain('Too few documents for the chosen target')
    expect(p.warnings[0]).toContain('at least 299 known-human essays')
    expect(p.tpr).toBeNull()
  })
  it('warns when the upper bound is above target even with enough essays', () => {
    const p = profileOf(scores(320, 'x', 0, 1), [], 0.01) // 3 flagged of 320: upper bound ≈ 2.7%
    expect(p.enoughDocuments).toBe(true)
    expect(p.warnings.some((w) => w.includes('could be as high as'))).toBe(true)
  })
  it('rejects an empty human set and nonsense targets', () => {
    expect(() => profileOf([])).toThrow(RangeError)
    expect(() => profileOf(human, [], 0)).toThrow(RangeError)
  })
})

describe('applying a calibration', () => {
  const p = profileOf(scores(400, 'h', 0, 0.8))
  const summary = (
    aiProbability: number | null,
    verdict: DetectorSummary['verdict'] = 'uncertain',
    aiShare = 0.3
  ): DetectorSummary => ({
    model,
    aiProbability,
    verdict,
    aiShare,
    operatingPoint: {
      name: 'balanced',
      threshold: 0.9,
      fpr: 0.01,
      fprUpper: 0.02,
      measuredOn: 'held-out human essays (n=1000)'
    },
    segments: []
  })

  it('replaces the operating point and recomputes the verdict from the probability', () => {
    const above = applyCalibration(summary(p.threshold + 0.01), p)
    expect(above.verdict).toBe('likely-ai')
    expect(above.operatingPoint).toEqual({
      name: 'calibrated: Grade 10 2021',
      threshold: p.threshold,
      fpr: p.fpr.estimate,
      fprUpper: p.fprUpperBound,
      measuredOn: "calibrated on 400 essays ('Grade 10 2021', 2026-11-29)"
    })
    expect(applyCalibration(summary(0.01), p).verdict).toBe('likely-human')
    expect(applyCalibration(summary(p.threshold), p).verdict).toBe('uncertain') // flag only when above
    expect(applyCalibration(summary(p.uncertainFloor), p).verdict).toBe('likely-human')
  })
  it('never calls a document likely AI at a probability under one half, however low the calibrated threshold', () => {
    const low = { ...p, threshold: 0.178, uncertainFloor: 0.1 }
    expect(applyCalibration(summary(0.27, 'uncertain', 0), low).verdict).toBe('uncertain')
    expect(applyCalibration(summary(0.49, 'uncertain', 0.5), low).verdict).toBe('uncertain')
    expect(applyCalibration(summary(0.51, 'uncertain', 0), low).verdict).toBe('likely-ai')
  })
  it('judges the whole text: above the threshold it reads like AI even when no single passage does', () => {
    // the passage line is far stricter (an essay has many passages); the screen and report explain the case
    expect(applyCalibration(summary(p.threshold + 0.01, 'uncertain', 0), p).verdict).toBe('likely-ai')
    expect(applyCalibration(summary(p.threshold + 0.01, 'uncertain', 0.05), p).verdict).toBe('likely-ai')
  })
  it('keeps a limited-evidence verdict (short texts get no verdict)', () => {
    const short = summary(0.99, 'limited-evidence' as DetectorSummary['verdict'])
    expect(applyCalibration(short, p).verdict).toBe('limited-evidence')
  })
  it('sets the uncertain band where 10% of human essays would be flagged', () => {
    const human = p.scores.human
    expect(p.uncertainFloor).toBeLessThan(p.threshold)
    expect(human.filter((s) => s > p.uncertainFloor)).toHaveLength(40)
  })
  it('states the one-sided 95% exact upper bound as fprUpper (scipy beta.ppf(0.95, k+1, n-k))', () => {
    const q = buildCalibrationProfile({
      name: 'n',
      createdAt: '2026-01-01T00:00:00Z',
      model,
      humanScores: Array.from({ length: 300 }, (_, i) => i / 300),
      targetFpr: 0.01
    })
    expect(q.falsePositives).toBe(3)
    expect(Math.abs(q.fprUpperBound - 0.025641393082609616)).toBeLessThan(1e-9)
  })
  it('keeps too-short and non-English verdicts', () => {
    expect(applyCalibration(summary(null, 'too-short'), p).verdict).toBe('too-short')
    expect(applyCalibration(summary(0.99, 'unsupported-language'), p).verdict).toBe('unsupported-language')
  })
  it('does not apply a profile made with another model, and says why', () => {
    const other = { ...summary(0.99), model: { ...model, sha256: 'b'.repeat(64) } }
    expect(applyCalibration(other, p)).toBe(other)
    expect(calibrationMismatch(other, p)).toContain('different detector model')
    expect(calibrationMismatch(summary(0.5), p)).toBeNull()
  })
})

describe('a calibration with too few essays never undercuts the model card', () => {
  const floor = { name: 'balanced', threshold: 0.947, fpr: 0.016 }
  const build = (human: number[], ai: number[] = []): CalibrationProfile =>
    buildCalibrationProfile({
      name: 'Small class',
      createdAt: '2026-11-29T02:00:00.000Z',
      model,
      humanScores: human,
      aiScores: ai,
      targetFpr: 0.01,
      modelCardFloor: floor
    })

  it('keeps the stricter model-card threshold and says why, with rates measured at it', () => {
    // 40 essays, the highest at 0.70: the data alone would put the 1% threshold at 0.70
    const human = [...scores(39, 'small', 0.01, 0.6), 0.7]
    const ai = [0.5, 0.8, 0.96, 0.99]
    const p = build(human, ai)
    expect(p.enoughDocuments).toBe(false)
    expect(p.localThreshold).toBe(0.7)
    expect(p.threshold).toBe(0.947)
    expect(p.thresholdSource).toBe('model-card')
    expect(p.floor).toEqual(floor)
    expect(p.falsePositives).toBe(0)
    expect(p.truePositives).toBe(2) // only 0.96 and 0.99 are above 0.947
    expect(p.warnings.join(' ')).toMatch(
      /keeps the model’s own threshold for this target \(0\.947, the “balanced” setting/
    )
  })

  it('uses the local threshold once there are enough essays to show the target', () => {
    const human = scores(400, 'large', 0.01, 0.8)
    const p = build(human)
    expect(p.enoughDocuments).toBe(true)
    expect(p.thresholdSource).toBe('local')
    expect(p.threshold).toBe(p.localThreshold)
    expect(p.threshold).toBeLessThan(floor.threshold)
  })

  it('uses the local threshold when it is already the stricter one', () => {
    const p = build([0.1, 0.2, 0.98])
    expect(p.thresholdSource).toBe('local')
    expect(p.threshold).toBe(0.98)
  })
})

describe('calibration essays and the essays being checked', () => {
  it('keeps three length percentiles and says when a text is far shorter or longer than the calibration essays', async () => {
    const { lengthMismatch } = await import('../../../../src/pipeline/calibration')
    const p = buildCalibrationProfile({
      name: 'Year 10',
      createdAt: '2026-01-01T00:00:00Z',
      model: { name: 'm', version: '1', sha256: 'x'.repeat(64) },
      humanScores: Array.from({ length: 20 }, (_, i) => i / 40),
      humanWords: Array.from({ length: 20 }, (_, i) => 400 + i * 10),
      targetFpr: 0.05
    })
    expect(p.lengths).toEqual({ p10: 420, median: 500, p90: 570 })
    expect(lengthMismatch(450, p)).toBeNull()
    expect(lengthMismatch(120, p)).toMatch(/much shorter \(120 words\).*most between 420 and 570 words/)
    expect(lengthMismatch(1500, p)).toMatch(/much longer/)
  })

  it('warns when a calibration flags more honest students than the shipped setting', () => {
    const p = buildCalibrationProfile({
      name: 'Learners',
      createdAt: '2026-01-01T00:00:00Z',
      model: { name: 'm', version: '1', sha256: 'x'.repeat(64) },
      // 60 learner essays, none scoring as high as the shipped threshold: a 5% target flags 3 of them.
      humanScores: Array.from({ length: 60 }, (_, i) => i / 70),
      targetFpr: 0.05,
      shippedDefault: { name: 'balanced', threshold: 0.947, fpr: 0.016 }
    })
    expect(p.falsePositives).toBe(3)
    expect(p.shippedComparison).toEqual({ name: 'balanced', threshold: 0.947, falsePositives: 0 })
    expect(p.warnings.join(' ')).toMatch(/flags more honest students than Inkprint’s own “balanced” setting/)
  })
})
