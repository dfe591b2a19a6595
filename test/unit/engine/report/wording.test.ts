import { describe, expect, it } from 'vitest'
import {
  describeFalsePositiveRate,
  renderDocumentReport,
  summarySentence
} from '../../../../src/engine/report'
import type { DetectorSummary } from '../../../../src/shared/types'
import { CTX, okResult } from './fixtures'
import { visibleText } from './html-text'

const detector = okResult().detector as DetectorSummary

describe('report wording', () => {
  it('names every AI-like run of passages, 1-based, with the share of text and the error rate', () => {
    const segments: DetectorSummary['segments'] = [
      { fromPassage: 1, toPassage: 1, state: 'ai' },
      { fromPassage: 2, toPassage: 2, state: 'human' },
      { fromPassage: 3, toPassage: 5, state: 'ai' },
      { fromPassage: 8, toPassage: 8, state: 'ai' }
    ]
    expect(summarySentence({ ...detector, segments, aiShare: 0.52 })).toMatch(
      /^Passages 2, 4–6 and 9 \(52% of the text\) score like AI-generated writing; at this setting about 1 in 100 /
    )
    const one = summarySentence({ ...detector, segments: [{ fromPassage: 0, toPassage: 0, state: 'ai' }] })
    expect(one).toMatch(/^Passage 1 \(41% of the text\) scores like AI-generated writing;/)
    expect(summarySentence({ ...detector, verdict: 'uncertain', segments: [] })).toMatch(
      /^No passage scores like AI-generated writing; at this/
    )
  })

  it('states a zero measured rate without claiming it never happens', () => {
    const point = { ...detector.operatingPoint, fpr: 0, fprUpper: 0.004 }
    expect(describeFalsePositiveRate(point)).toBe(
      'At this setting none of the human essays we tested was flagged, as measured on 1,800 essays by students that the model never saw in training; allowing for measurement uncertainty, at most about 1 in 250.'
    )
  })

  it('says which calibration was used when the school supplied none', () => {
    const text = visibleText(renderDocumentReport(okResult(), { ...CTX, calibration: undefined }))
    expect(text).toContain(
      'Calibration used The model card’s calibration (no school calibration was supplied)'
    )
  })

  it('reads a measured-on count with a thousands separator whole ("n=4,400" is 4,400 essays, not 4)', () => {
    const point = {
      ...detector.operatingPoint,
      measuredOn: 'held-out essays of the writer groups it was trained on (n=4,400)'
    }
    expect(describeFalsePositiveRate(point)).toContain(
      'as measured on 4,400 essays by students that the model never saw in training'
    )
  })

  it('explains a flagged document none of whose passages reads like AI on its own, instead of contradicting it', () => {
    const result = okResult()
    const uncertain = result.passages.map((p) =>
      p.score?.label === 'likely-ai' ? { ...p, score: { ...p.score, label: 'uncertain' as const } } : p
    )
    const sentence = summarySentence({ ...detector, verdict: 'likely-ai' }, uncertain)
    expect(sentence).toMatch(
      /^No passage on its own scores like AI-generated writing, but the text as a whole does/
    )
    expect(summarySentence({ ...detector, verdict: 'uncertain' }, uncertain)).toMatch(
      /^No passage scores like AI-generated writing;/
    )
  })
})
