import { describe, expect, it } from 'vitest'
import { rejudgeAtShippedPoint, rejudgeResult } from '../../../src/pipeline/rejudge'
import type { DetectorCard } from '../../../src/engine/detector/card'
import type { DetectorSummary, DocumentResult } from '../../../src/shared/types'

const card = {
  sha256: 'm'.repeat(64),
  uncertainFloor: 0.5,
  defaultOperatingPoint: 'balanced',
  operatingPoints: [
    { name: 'strict', threshold: 0.98, fpr: 0.007, fprUpper: 0.016, measuredOn: 'x', targetFpr: 0.001 },
    { name: 'balanced', threshold: 0.947, fpr: 0.016, fprUpper: 0.027, measuredOn: 'x', targetFpr: 0.01 },
    { name: 'sensitive', threshold: 0.772, fpr: 0.069, fprUpper: 0.089, measuredOn: 'x', targetFpr: 0.05 }
  ]
} as unknown as DetectorCard

const summary = (p: number, verdict: DetectorSummary['verdict'] = 'likely-ai'): DetectorSummary => ({
  model: { name: 'm', version: '1', sha256: card.sha256 },
  aiProbability: p,
  verdict,
  aiShare: 0.5,
  operatingPoint: { name: 'balanced', threshold: 0.947, fpr: 0.016, fprUpper: 0.027, measuredOn: 'x' },
  segments: []
})

describe('re-judging kept results at another shipped setting', () => {
  it('moves the verdict with the threshold and keeps the probability', () => {
    const strict = rejudgeAtShippedPoint(summary(0.96), card, 'strict')
    expect(strict.operatingPoint.name).toBe('strict')
    expect(strict.verdict).toBe('uncertain')
    expect(strict.aiProbability).toBe(0.96)
    expect(rejudgeAtShippedPoint(summary(0.96, 'uncertain'), card, 'sensitive').verdict).toBe('likely-ai')
    expect(rejudgeAtShippedPoint(summary(0.3, 'likely-human'), card, 'sensitive').verdict).toBe(
      'likely-human'
    )
  })

  it('keeps verdicts that do not depend on the threshold, and never applies another model’s thresholds', () => {
    expect(rejudgeAtShippedPoint(summary(0.99, 'too-short'), card, 'sensitive').verdict).toBe('too-short')
    const other = { ...summary(0.96), model: { name: 'o', version: '1', sha256: 'o'.repeat(64) } }
    expect(rejudgeAtShippedPoint(other, card, 'strict')).toBe(other)
    const result = { detector: other } as DocumentResult
    expect(rejudgeResult(result, (d) => rejudgeAtShippedPoint(d, card, 'strict'))).toBe(result)
  })
})
