/** Percentages as a teacher reads them: 0.5%, 2.6%, 12%, and small rates without rounding to zero. */
export function formatPercent(rate: number): string {
  const pct = rate * 100
  if (pct === 0) return '0%'
  if (pct < 0.1) return `${Number(pct.toPrecision(1))}%`
  if (pct < 10) return `${(Math.round(pct * 10) / 10).toFixed(1).replace(/\.0$/, '')}%`
  return `${Math.round(pct)}%`
}

/** "0.5% [0.1–2.6%]": a rate with its interval. */
export function formatRateWithInterval(estimate: number, lower: number, upper: number): string {
  return `${formatPercent(estimate)} [${formatPercent(lower).replace('%', '')}–${formatPercent(upper)}]`
}
