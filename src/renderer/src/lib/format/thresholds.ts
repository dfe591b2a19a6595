/**
 * Labels for a column of thresholds: three decimals where that tells each from its neighbours, more where it
 * does not (scores of confident AI essays crowd just below 1), so no two rows ever read the same.
 */
export function thresholdLabels(thresholds: readonly number[], minDigits = 3, maxDigits = 10): string[] {
  return thresholds.map((t, i) => {
    for (let digits = minDigits; digits <= maxDigits; digits++) {
      const label = t.toFixed(digits)
      const before = i > 0 ? thresholds[i - 1].toFixed(digits) : null
      const after = i < thresholds.length - 1 ? thresholds[i + 1].toFixed(digits) : null
      if (label !== before && label !== after) return label
    }
    return t.toFixed(maxDigits)
  })
}
