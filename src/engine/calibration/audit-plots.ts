/** The two audit figures: ROC per group and human-score histograms per group against all AI texts. */
import { histogramPlotSvg, rocPlotSvg, type HistogramSeries, type RocSeries } from '../plots'
import { ALL_GROUPS, NO_GROUP, rocOf, type GroupRow, type ScoredRecord } from './audit-summary'

export interface AuditPlots {
  rocSvg: string
  histogramSvg: string
}

function scoresOf(records: readonly ScoredRecord[], label: ScoredRecord['label'], group?: string): number[] {
  return records
    .filter(
      (r) => r.label === label && r.score !== null && (group === undefined || (r.group ?? NO_GROUP) === group)
    )
    .map((r) => r.score as number)
}

export function auditPlots(
  records: readonly ScoredRecord[],
  rows: readonly GroupRow[],
  options: { title: string; threshold: number; operatingPoint: string; maxGroups?: number; maxFpr?: number }
): AuditPlots {
  const allAi = scoresOf(records, 'ai')
  const groups = rows.filter((r) => r.group !== ALL_GROUPS && r.nHuman > 0).slice(0, options.maxGroups ?? 8)
  const roc: RocSeries[] = groups
    .map((row) => {
      const ai = row.nAi > 0 ? scoresOf(records, 'ai', row.group) : allAi
      return {
        label: row.nAi > 0 ? row.group : `${row.group} vs all AI`,
        points: rocOf(scoresOf(records, 'human', row.group), ai),
        auroc: row.auroc
      }
    })
    .filter((s) => allAi.length > 0 && s.points.length > 1)
  const all = rows.find((r) => r.group === ALL_GROUPS)
  if (roc.length !== 1 && all && all.nHuman > 0 && allAi.length > 0) {
    roc.unshift({ label: 'all', points: rocOf(scoresOf(records, 'human'), allAi), auroc: all.auroc })
  }
  const hist: HistogramSeries[] = groups.map((row) => ({
    label: `human: ${row.group}`,
    scores: scoresOf(records, 'human', row.group)
  }))
  if (allAi.length > 0) hist.push({ label: 'AI (all)', scores: allAi })
  const mark = `${options.operatingPoint} ${options.threshold.toFixed(3)}`
  return {
    rocSvg: rocPlotSvg(roc, {
      title: `${options.title}: ROC by group${options.maxFpr && options.maxFpr < 1 ? ` (FPR up to ${Math.round(options.maxFpr * 100)}%)` : ''}`,
      maxFpr: options.maxFpr
    }),
    histogramSvg: histogramPlotSvg(hist, {
      title: `${options.title}: document scores`,
      threshold: { value: Math.min(1, options.threshold), label: mark }
    })
  }
}
