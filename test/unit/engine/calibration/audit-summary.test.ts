import { describe, expect, it } from 'vitest'
import {
  formatGroupTable,
  seededSample,
  summariseByGroup,
  type ScoredRecord
} from '../../../../src/engine/calibration'

const rec = (
  id: string,
  label: ScoredRecord['label'],
  group: string | null,
  score: number | null,
  threshold = 0.5
): ScoredRecord => ({
  id,
  label,
  group,
  score,
  flagged: score !== null && score >= threshold,
  words: 300
})

describe('per-group audit summary', () => {
  const records: ScoredRecord[] = [
    rec('n1', 'human', 'native', 0.1),
    rec('n2', 'human', 'native', 0.2),
    rec('n3', 'human', 'native', 0.3),
    rec('n4', 'human', 'native', 0.6), // 1 of 4 native flagged
    rec('e1', 'human', 'non-native', 0.7),
    rec('e2', 'human', 'non-native', 0.8), // 2 of 3 non-native flagged
    rec('e3', 'human', 'non-native', 0.2),
    rec('e4', 'human', 'non-native', null), // too short: not in any rate
    rec('a1', 'ai', null, 0.9),
    rec('a2', 'ai', null, 0.75),
    rec('a3', 'ai', null, 0.4),
    rec('m1', 'mixed', 'native', 0.5)
  ]
  const rows = summariseByGroup(records)
  const byGroup = new Map(rows.map((r) => [r.group, r]))

  it('computes FPR per group with Wilson intervals', () => {
    expect(rows.map((r) => r.group)).toEqual(['all', '(none)', 'native', 'non-native'])
    expect(byGroup.get('native')?.fpr?.estimate).toBe(0.25)
    expect(byGroup.get('non-native')?.fpr?.estimate).toBeCloseTo(2 / 3, 12)
    expect(byGroup.get('non-native')?.notScored).toBe(1)
    expect(byGroup.get('non-native')?.nHuman).toBe(3)
    expect(byGroup.get('all')?.falsePositives).toBe(3)
    expect(byGroup.get('all')?.tpr?.estimate).toBeCloseTo(2 / 3, 12)
  })
  it('scores a group with no AI texts against all AI texts, and says so', () => {
    const native = byGroup.get('native')
    expect(native?.aurocAgainst).toBe('all-ai')
    // native humans {.1,.2,.3,.6} vs AI {.9,.75,.4}: AI wins 3+3+3 + (.9,.75 beat .6) 2, .4 loses to .6 → 11/12
    expect(native?.auroc).toBeCloseTo(11 / 12, 12)
    expect(byGroup.get('(none)')?.nHuman).toBe(0)
    expect(byGroup.get('(none)')?.fpr).toBeNull()
  })
  it('formats a readable table', () => {
    const text = formatGroupTable(rows)
    expect(text.split('\n')[0]).toMatch(/^group\s+human n\s+flagged\s+FPR \[95% CI\]/)
    expect(text).toContain('25% [')
    const md = formatGroupTable(rows, 'markdown')
    expect(md.split('\n')[1]).toMatch(/^\| --- \| ---: \|/)
  })
})

describe('seeded sample', () => {
  const items = Array.from({ length: 1000 }, (_, i) => ({ i, g: i < 30 ? 'rare' : 'common' }))
  it('is reproducible for a seed and different across seeds', () => {
    const a = seededSample(items, 100, 's1').map((x) => x.i)
    expect(seededSample(items, 100, 's1').map((x) => x.i)).toEqual(a)
    expect(seededSample(items, 100, 's2').map((x) => x.i)).not.toEqual(a)
    expect(new Set(a).size).toBe(100)
    expect(a).toEqual([...a].sort((x, y) => x - y))
  })
  it('keeps small strata when stratified', () => {
    const s = seededSample(items, 100, 'seed', (x) => x.g)
    expect(s.filter((x) => x.g === 'rare')).toHaveLength(3)
    expect(s.filter((x) => x.g === 'common')).toHaveLength(97)
  })
  it('returns exactly the limit when shares do not divide evenly', () => {
    const three = Array.from({ length: 999 }, (_, i) => ({ i, g: String(i % 3) }))
    expect(seededSample(three, 100, 'seed', (x) => x.g)).toHaveLength(100)
    expect(seededSample(three, 299, 'seed', (x) => x.g)).toHaveLength(299)
  })
})
