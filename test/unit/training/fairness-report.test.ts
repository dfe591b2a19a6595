import { describe, expect, it } from 'vitest'
import { summariseByGroup, type ScoredRecord } from '../../../src/engine/calibration'
import { lengthBand } from '../../../src/training/fairness-groups'
import { fairnessMarkdown, findings, type FairnessReport } from '../../../src/training/fairness-report'

function records(group: string, nHuman: number, flagged: number): ScoredRecord[] {
  return Array.from({ length: nHuman }, (_, i) => ({
    id: `${group}${i}`,
    label: 'human' as const,
    group,
    score: i < flagged ? 0.99 : 0.1,
    flagged: i < flagged,
    words: 300
  }))
}

function report(): FairnessReport {
  const recs = [...records('native', 300, 3), ...records('forum', 100, 8), ...records('z: other', 50, 10)]
  recs.push({ id: 'ai', label: 'ai', group: null, score: 0.995, flagged: true, words: 300 })
  const op = { name: 'balanced', threshold: 0.95, fpr: 0.015, fprUpper: 0.027, measuredOn: 'test' }
  return {
    generatedAt: '2026-11-29T00:00:00Z',
    model: { name: 'm', version: '1', sha256: 'f'.repeat(64) },
    data: { split: 'test', aiPerDataset: 10, limit: null, byDataset: { x: { human: 450, ai: 1 } } },
    operatingPoints: [op],
    verdictRuleDisagreements: 0,
    dimensions: [
      { key: 'writer', title: 'Writer', rowsByOperatingPoint: { balanced: summariseByGroup(recs) } }
    ],
    seconds: 1
  }
}

describe('fairness report', () => {
  it('names a group whose whole interval lies above the stated FPR, and only that one', () => {
    const f = findings(report())
    expect(f[0]).toContain('**forum** is flagged clearly more often: 8 of 100')
    expect(f.join('\n')).not.toContain('**native**') // 1% [0.3–2.9%] overlaps the stated 1.5%
    expect(f.join('\n')).not.toContain('z: other') // catch-all groups are not findings
  })
  it('renders Markdown tables with every group and the plots', () => {
    const md = fairnessMarkdown(report())
    expect(md).toContain('| forum | 100 | 8 | 8% [')
    expect(md).toContain('fairness-writer-roc.svg')
    expect(md).toContain('## Findings')
  })
  it('puts lengths in ordered bands', () => {
    expect([149, 150, 299, 300, 500].map(lengthBand)).toEqual([
      'a: under 150 words',
      'b: 150–299 words',
      'b: 150–299 words',
      'c: 300–499 words',
      'd: 500+ words'
    ])
  })
})
