/**
 * Screen and paper say the same numbers: the app's wording (renderer/src/lib/format/wording.ts), the reports'
 * (engine/report/wording.ts) and the watermark messages print rates, p-values, percentages and "1 in N" with
 * one set of functions (shared/wording.ts).
 */
import { describe, expect, it } from 'vitest'
import * as screen from '../../../src/renderer/src/lib/format/wording'
import * as paper from '../../../src/engine/report/wording'
import * as watermark from '../../../src/engine/watermark'
import { renderDocumentReport } from '../../../src/engine/report'
import type { OperatingPoint } from '../../../src/shared/types'
import { CTX, okResult } from '../engine/report/fixtures'

const RATES = [
  0, 1e-5, 0.0002, 0.0009, 0.001, 0.004, 0.005, 0.0123, 0.016, 0.03, 0.0333, 0.099, 0.12, 0.167, 0.5, 1
]
const PROBABILITIES = [0, 0.004, 0.01, 0.126, 0.5, 0.873, 0.99, 0.996, 1]
const P_VALUES = [0.9, 0.4231, 0.05, 0.00123, 9.96e-5, 3.2e-7, 1e-12, 1e-40, 0]
const POINT: OperatingPoint = {
  name: 'balanced',
  threshold: 0.9,
  fpr: 0.016,
  fprUpper: 0.027,
  measuredOn: 'held-out human student essays (test split, n=2400; 3 corpora)'
}

describe('one wording for screen and paper', () => {
  it('formats the same values identically on screen, in reports and in watermark messages', () => {
    for (const v of RATES) {
      expect(screen.formatRate(v), `rate ${v}`).toBe(paper.formatRate(v))
      if (v > 0) expect(screen.oneIn(v), `1 in N for ${v}`).toBe(paper.oneIn(v))
      if (v > 0) expect(watermark.oneIn(v)).toBe(paper.oneIn(v))
    }
    for (const v of PROBABILITIES)
      expect(screen.formatPercent(v), `percent ${v}`).toBe(paper.formatPercent(v))
    for (const p of P_VALUES) {
      expect(screen.formatPValue(p), `p ${p}`).toBe(paper.formatPValue(p))
      expect(watermark.formatPValue(p), `p ${p}`).toBe(paper.formatPValue(p))
    }
    for (const point of [POINT, { ...POINT, fpr: 0, fprUpper: 0.004 }, { ...POINT, measuredOn: '' }]) {
      expect(screen.describeFalsePositiveRate(point)).toBe(paper.describeFalsePositiveRate(point))
      expect(screen.plainMeasuredOn(point.measuredOn)).toBe(paper.plainMeasuredOn(point.measuredOn))
    }
    expect(screen.formatMinutes(135)).toBe(paper.formatMinutes(135))
  })

  it('prints rates, p-values and "1 in N" as a teacher reads them', () => {
    expect(RATES.map((v) => paper.formatRate(v))).toEqual([
      '0%',
      '0.001%',
      '0.02%',
      '0.09%',
      '0.1%',
      '0.4%',
      '0.5%',
      '1.2%',
      '1.6%',
      '3%',
      '3.3%',
      '9.9%',
      '12%',
      '17%',
      '50%',
      '100%'
    ])
    expect(P_VALUES.map((p) => paper.formatPValue(p))).toEqual([
      '0.900',
      '0.423',
      '0.0500',
      '0.00123',
      '1.0×10⁻⁴',
      '3.2×10⁻⁷',
      '1.0×10⁻¹²',
      'below 10⁻¹²',
      'below 10⁻¹²'
    ])
    expect([0.01, 0.0016, 0.0005, 1 / 1234, 3e-12, 1e-13].map((v) => paper.oneIn(v))).toEqual([
      '1 in 100',
      '1 in 630',
      '1 in 2,000',
      '1 in 1,200',
      '1 in 330 billion',
      'less than 1 in a trillion'
    ])
  })

  it('the report states the rate in the very words the screen shows', () => {
    const result = okResult()
    const point = result.detector!.operatingPoint
    const html = renderDocumentReport(result, CTX)
    const sentence = screen.describeFalsePositiveRate(point)
    const lower = sentence.charAt(0).toLowerCase() + sentence.slice(1)
    expect(html).toContain(lower.slice(0, -1))
  })
})
