/** ROC curves (one per group) on linear axes, with the chance diagonal and an optional operating point. */
import type { RocPoint } from '../stats'
import { axes, escapeXml, legend, makeFrame, n, PALETTE, percentTick, svgDocument } from './svg'

export interface RocSeries {
  label: string
  points: readonly Pick<RocPoint, 'fpr' | 'tpr'>[]
  auroc?: number | null
}

export interface RocPlotOptions {
  title?: string
  width?: number
  height?: number
  /**
   * Zooms the FPR axis to [0, maxFpr] (curves are clipped): the low-FPR end is where a detector for
   * teachers must be judged, and on a full axis it is a few pixels wide.
   */
  maxFpr?: number
  /** Marks where a threshold sits on each curve's FPR axis, e.g. the 1% operating point. */
  markFpr?: { fpr: number; label: string }
  /** Axis titles; the defaults name the rates as a statistician would. */
  xLabel?: string
  yLabel?: string
}

export function rocPlotSvg(series: readonly RocSeries[], options: RocPlotOptions = {}): string {
  const title = options.title ?? 'ROC curve'
  const maxFpr = Math.min(1, Math.max(0.01, options.maxFpr ?? 1))
  const f = makeFrame(options.width ?? 520, options.height ?? 500, [0, maxFpr], [0, 1])
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1]
  const xTicks = ticks.map((t) => t * maxFpr)
  const body: string[] = [
    `<defs><clipPath id="plot-area"><rect x="${f.left}" y="${f.top}" width="${n(f.plotWidth)}" height="${n(f.plotHeight)}"/></clipPath></defs>`,
    axes(f, {
      xTicks,
      yTicks: ticks,
      xLabel: options.xLabel ?? 'False-positive rate (human essays flagged)',
      yLabel: options.yLabel ?? 'True-positive rate (AI essays flagged)',
      formatX: (v) => `${Math.round(v * 1000) / 10}%`,
      formatY: percentTick
    }),
    `<line class="chance" x1="${n(f.x(0))}" y1="${n(f.y(0))}" x2="${n(f.x(maxFpr))}" y2="${n(f.y(maxFpr))}" stroke="#9ca3af" stroke-dasharray="5 4"/>`
  ]
  if (options.markFpr) {
    const x = n(f.x(options.markFpr.fpr))
    body.push(
      `<line class="operating-point" x1="${x}" y1="${f.top}" x2="${x}" y2="${n(f.y(0))}" stroke="#111" stroke-dasharray="2 3"/>` +
        `<text x="${n(f.x(options.markFpr.fpr) + 4)}" y="${f.top + 12}" font-size="11" fill="#111">${escapeXml(options.markFpr.label)}</text>`
    )
  }
  const entries = series.map((s, i) => {
    const color = PALETTE[i % PALETTE.length]
    const d = s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${n(f.x(p.fpr))},${n(f.y(p.tpr))}`).join('')
    body.push(
      `<path class="roc" clip-path="url(#plot-area)" d="${d}" fill="none" stroke="${color}" stroke-width="2"><title>${escapeXml(s.label)}</title></path>`
    )
    const auc = s.auroc === undefined || s.auroc === null ? '' : ` (AUROC ${s.auroc.toFixed(3)})`
    return { label: s.label + auc, color }
  })
  body.push(legend(f, [...entries, { label: 'chance', color: '#9ca3af', dashed: true }]))
  const desc =
    `ROC curve: true-positive rate against false-positive rate as the threshold falls. ` +
    series.map((s) => `${s.label}${s.auroc != null ? `: AUROC ${s.auroc.toFixed(3)}` : ''}`).join('; ')
  return svgDocument(f, title, desc, body.join(''))
}
