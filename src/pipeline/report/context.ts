/**
 * The context a report is rendered with, derived from the results themselves: the calibration they were judged
 * with (when they share one) and the model card's measured rates at their operating point. The app's export
 * and the CLI's --report use this one function, so both name the same calibration and rates.
 */
import type { ModelFacts } from '../../shared/api'
import type { DocumentResult } from '../../shared/types'
import type { ReportContext } from '../../engine/report'
import { withModelCard } from '../model-facts'
import { INKPRINT_VERSION } from '../version'

export function reportContextFor(
  results: DocumentResult[],
  generatedAt: string,
  facts: ModelFacts | null = null
): ReportContext {
  const ctx: ReportContext = withModelCard({ generatedAt, inkprintVersion: INKPRINT_VERSION }, results, facts)
  const points = results.map((r) => r.detector?.operatingPoint).filter((p) => p !== undefined)
  const first = points[0]?.calibration
  if (first && points.every((p) => p.calibration?.id === first.id)) {
    ctx.calibration = { name: first.name, n: first.n, fpr: points[0].fpr, interval: first.fprInterval }
  }
  return ctx
}
