import { describe, expect, it } from 'vitest'
import { thresholdLabels } from '../../../src/renderer/src/lib/format/thresholds'

describe('thresholdLabels', () => {
  it('uses three decimals where they suffice and more only where neighbours would read the same', () => {
    const labels = thresholdLabels([0.9999912, 0.9999934, 0.99998, 0.41, 0.2512, 0.2508, 0.1])
    expect(labels).toEqual(['0.999991', '0.999993', '0.99998', '0.410', '0.2512', '0.2508', '0.100'])
    expect(new Set(labels).size).toBe(labels.length)
  })

  it('handles one row and exact ties', () => {
    expect(thresholdLabels([0.5])).toEqual(['0.500'])
    expect(thresholdLabels([0.3, 0.3])).toEqual(['0.3000000000', '0.3000000000'])
  })
})
