/**
 * The audit flow on a JSONL file: parsing, grouping (top-level, meta, dotted), seeded limits, passages built
 * from the text as the TXT extractor would, and the per-group summary. The scorer reads a marker from the
 * text so the expected rates are known; the real detector runs in calibration-e2e.test.ts.
 */
import { describe, expect, it } from 'vitest'
import {
  groupValue,
  paragraphsOf,
  parseAuditRecords,
  scoreAuditRecords,
  type DocumentScorer
} from '../../../src/pipeline/audit'
import type { DetectorSummary, Passage } from '../../../src/shared/types'

const seenPassages: Passage[][] = []
const scorer: DocumentScorer = {
  scoreDocument(text, passages, { operatingPoint }) {
    seenPassages.push(passages)
    const m = /score ([\d.]+)/.exec(text)
    const p = m ? Number(m[1]) : null
    const summary: DetectorSummary = {
      model: { name: 'm', version: '1', sha256: 'd'.repeat(64) },
      aiProbability: p,
      verdict: p === null ? 'too-short' : p >= 0.5 ? 'likely-ai' : 'likely-human',
      aiShare: null,
      operatingPoint: { name: operatingPoint, threshold: 0.5, fpr: 0.01, fprUpper: 0.02, measuredOn: 'test' },
      segments: []
    }
    return { passages: [], summary }
  }
}

const body = 'word '.repeat(60).trim()
const line = (o: object): string => JSON.stringify(o)
const jsonl = [
  line({
    id: 'h1',
    text: `${body}\n\n${body} score 0.1`,
    label: 'human',
    group: 'native',
    meta: { grade: 9 }
  }),
  line({ id: 'h2', text: `${body} score 0.7`, label: 'human', group: 'native', meta: { grade: 10 } }),
  line({ id: 'h3', text: `${body} score 0.2`, label: 'human', group: 'non-native', meta: { grade: 10 } }),
  line({ id: 'a1', text: `${body} score 0.9`, label: 'ai', generator: 'gpt' }),
  'not json',
  line({ id: 'x', text: 'no label' }),
  ''
].join('\n')

describe('audit records', () => {
  it('parses labelled records and counts bad lines', () => {
    const { records, invalidLines } = parseAuditRecords(jsonl)
    expect(records.map((r) => r.id)).toEqual(['h1', 'h2', 'h3', 'a1'])
    expect(invalidLines).toBe(2)
  })
  it('finds group values at the top level, in meta, or by dotted path', () => {
    const [h1] = parseAuditRecords(jsonl).records
    expect(groupValue(h1, 'group')).toBe('native')
    expect(groupValue(h1, 'grade')).toBe('9')
    expect(groupValue(h1, 'meta.grade')).toBe('9')
    expect(groupValue(h1, 'domain')).toBeNull()
  })
  it('splits text into paragraphs on blank lines with offsets into the cleaned text', () => {
    const { text, paragraphs } = paragraphsOf('  First paragraph here.\n\n\nSecond one\nwraps.  \n')
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual([
      'First paragraph here.',
      'Second one\nwraps.'
    ])
  })
})

describe('audit scoring', () => {
  it('scores each text through passages and summarises per group', async () => {
    const { records } = parseAuditRecords(jsonl)
    const progress: number[] = []
    const out = await scoreAuditRecords(records, scorer, {
      groupField: 'group',
      operatingPoint: 'balanced',
      onProgress: (d) => progress.push(d)
    })
    expect(progress).toEqual([1, 2, 3, 4])
    expect(seenPassages[0].length).toBeGreaterThanOrEqual(1)
    expect(seenPassages[0].reduce((n, p) => n + p.words, 0)).toBe(122)
    const rows = new Map(out.rows.map((r) => [r.group, r]))
    expect(rows.get('native')?.falsePositives).toBe(1)
    expect(rows.get('native')?.fpr?.estimate).toBe(0.5)
    expect(rows.get('non-native')?.fpr?.estimate).toBe(0)
    expect(rows.get('all')?.tpr?.estimate).toBe(1)
    expect(out.operatingPoint?.threshold).toBe(0.5)
  })
  it('can group by a computed value such as a length band', async () => {
    const { records } = parseAuditRecords(jsonl)
    const out = await scoreAuditRecords(records, scorer, {
      groupField: 'group',
      operatingPoint: 'balanced',
      groupOf: (_r, words) => (words > 100 ? 'long' : 'short')
    })
    expect(out.scored.map((s) => s.group)).toEqual(['long', 'short', 'short', 'short'])
  })
})
