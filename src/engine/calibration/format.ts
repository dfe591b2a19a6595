/** Rates in the calibration's tables and sentences, written as every rate is (shared/wording.ts formatRate). */
import { formatRate } from '../../shared/wording'

export { formatRate }

/** "0.5% [0.1–2.6%]": a rate with its interval. */
export function formatRateWithInterval(estimate: number, lower: number, upper: number): string {
  return `${formatRate(estimate)} [${formatRate(lower).replace('%', '')}–${formatRate(upper)}]`
}
