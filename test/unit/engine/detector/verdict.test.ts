/**
 * The one document verdict rule: the detector, re-judging at another shipped point and a school's calibration
 * all decide it with decideVerdict, so the same probability and threshold give the same verdict everywhere.
 */
import { describe, expect, it } from 'vitest'
import { decideVerdict, judgeAt, verdictWithoutThreshold } from '../../../../src/engine/detector/verdict'
import { applyCalibration, buildCalibrationProfile } from '../../../../src/engine/calibration'
import type { DetectorCard } from '../../../../src/engine/detector/card'
import { rejudgeAtShippedPoint } from '../../../../src/pipeline/rejudge'
import { OPERATING_POINT_NAMES } from '../../../../src/shared/operating-points'
import type { DetectorSummary, DocumentVerdict } from '../../../../src/shared/types'

const MODEL = { name: 'm', version: '1', sha256: 'm'.repeat(64) }

const card = {
  sha256: MODEL.sha256,
  uncertainFloor: 0.6,
  defaultOperatingPoint: 'balanced',
  operatingPoints: [
    { name: 'strict', threshold: 0.98, fpr: 0.007, fprUpper: 0.016, measuredOn: 'x', targetFpr: 0.001 },
    { name: 'balanced', threshold: 0.947, fpr: 0.016, fprUpper: 0.027, measuredOn: 'x', targetFpr: 0.01 },
    { name: 'sensitive', threshold: 0.772, fpr: 0.069, fprUpper: 0.089, measuredOn: 'x', targetFpr: 0.05 }
  ]
} as unknown as DetectorCard

const summary = (
  p: number | null,
  aiShare: number | null,
  verdict: DocumentVerdict = 'uncertain'
): DetectorSummary => ({
  model: MODEL,
  aiProbability: p,
  verdict,
  aiShare,
  operatingPoint: { name: 'balanced', threshold: 0.947, fpr: 0.016, fprUpper: 0.027, measuredOn: 'x' },
  segments: []
})

describe('decideVerdict', () => {
  const rule = (probability: number): DocumentVerdict =>
    decideVerdict({ probability, threshold: 0.8, uncertainFloor: 0.3 })

  it('flags strictly above the threshold, is uncertain above the floor, and says "human" only below it', () => {
    expect(rule(0.81)).toBe('likely-ai')
    expect(rule(0.8)).toBe('uncertain')
    expect(rule(0.31)).toBe('uncertain')
    expect(rule(0.3)).toBe('likely-human')
    expect(rule(0.1)).toBe('likely-human')
  })

  it('never says "likely human" of a probability over one half, whatever the floor', () => {
    expect(decideVerdict({ probability: 0.55, threshold: 0.9, uncertainFloor: 0.8 })).toBe('uncertain')
    // a low calibrated threshold pulls the uncertain band down with it, but "likely AI" still needs over one half
    expect(decideVerdict({ probability: 0.35, threshold: 0.3, uncertainFloor: 0.6 })).toBe('uncertain')
    expect(decideVerdict({ probability: 0.51, threshold: 0.3, uncertainFloor: 0.6 })).toBe('likely-ai')
    expect(decideVerdict({ probability: 0.25, threshold: 0.3, uncertainFloor: 0.6 })).toBe('likely-human')
  })

  it('judges the whole text: a document can read like AI when no single passage clears the stricter passage line', () => {
    // whatever share of the text its passages shade: the rule reads the document's probability only
    for (const share of [0, 0.4, null])
      expect(judgeAt(summary(0.99, share), card.operatingPoints[1], 0.3).verdict, `share ${share}`).toBe(
        'likely-ai'
      )
  })
})

describe('one rule wherever the verdict is decided', () => {
  it('re-judging at a shipped point and a calibration with the same threshold and floor agree, at every probability', () => {
    for (const name of OPERATING_POINT_NAMES) {
      const point = card.operatingPoints.find((o) => o.name === name)!
      const profile = {
        ...buildCalibrationProfile({
          name: 'same as shipped',
          createdAt: '2026-11-01T00:00:00Z',
          model: MODEL,
          humanScores: [0.1, 0.2, 0.3],
          targetFpr: 0.05
        }),
        threshold: point.threshold,
        uncertainFloor: card.uncertainFloor
      }
      for (let q = 0; q <= 1.0001; q += 0.001)
        for (const aiShare of [0, 0.4, null]) {
          const shipped = rejudgeAtShippedPoint(summary(q, aiShare), card, name).verdict
          expect(
            applyCalibration(summary(q, aiShare), profile).verdict,
            `${name} p=${q} share=${aiShare}`
          ).toBe(shipped)
          expect(shipped).toBe(
            decideVerdict({
              probability: q,
              threshold: point.threshold,
              uncertainFloor: card.uncertainFloor
            })
          )
        }
    }
  })

  it('keeps verdicts that no threshold decides', () => {
    for (const verdict of ['too-short', 'unsupported-language', 'not-prose', 'limited-evidence'] as const) {
      expect(verdictWithoutThreshold(summary(0.99, 0.5, verdict))).toBe(true)
      expect(judgeAt(summary(0.99, 0.5, verdict), card.operatingPoints[2]!, 0.5).verdict).toBe(verdict)
    }
    expect(judgeAt(summary(null, null, 'likely-human'), card.operatingPoints[2]!, 0.5).verdict).toBe(
      'likely-human'
    )
    expect(verdictWithoutThreshold(summary(0.99, 0.5, 'likely-ai'))).toBe(false)
  })
})
