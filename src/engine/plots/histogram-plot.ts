/** Overlaid score histograms (e.g. human vs AI, or human essays per group), share of each series per bin. */
import {
  axes,
  escapeXml,
  LEGEND_ROW_HEIGHT,
  legendBelow,
  makeFrame,
  n,
  PALETTE,
  percentTick,
  svgDocument
} from './svg'

export interface HistogramSeries {
  label: string
  scores: readonly number[]
}

export interface HistogramPlotOptions {
  title?: string
  bins?: number
  width?: number
  height?: number
  /** Vertical line at the decision threshold. */
  threshold?: { value: number; label: string }
  xLabel?: string
  /** How a series' size reads in the legend; "n=30" by default, "30 essays" on a teacher's screen. */
  countLabel?: (count: number) => string
}

/** Counts per equal-width bin over [0, 1]; a score of exactly 1 falls in the last bin. */
export function binCounts(scores: readonly number[], bins: number): number[] {
  const counts = new Array<number>(bins).fill(0)
  for (const s of scores) {
    if (!Number.isFinite(s)) continue
    counts[Math.min(bins - 1, Math.max(0, Math.floor(s * bins)))]++
  }
  return counts
}

export function histogramPlotSvg(
  series: readonly HistogramSeries[],
  options: HistogramPlotOptions = {}
): string {
  const bins = options.bins ?? 20
  const title = options.title ?? 'Score distribution'
  const shares = series.map((s) =>
    binCounts(s.scores, bins).map((c) => (s.scores.length ? c / s.scores.length : 0))
  )
  const top = Math.max(0.05, ...shares.flat())
  const yMax = Math.ceil(top * 10) / 10
  const legendHeight = series.length * LEGEND_ROW_HEIGHT + 8
  const f = makeFrame(options.width ?? 620, (options.height ?? 380) + legendHeight, [0, 1], [0, yMax], {
    left: 64,
    right: 24,
    top: 44,
    bottom: 56 + legendHeight
  })
  const yTicks = Array.from({ length: Math.round(yMax * 10) + 1 }, (_, i) => i / 10)
  const body: string[] = [
    axes(f, {
      xTicks: [0, 0.2, 0.4, 0.6, 0.8, 1],
      yTicks,
      xLabel: options.xLabel ?? 'Document AI probability',
      yLabel: 'Share of documents',
      formatX: (v) => v.toFixed(1),
      formatY: percentTick
    })
  ]
  const binW = 1 / bins
  // Bars are light and transparent so overlapping series stay visible; a bold step outline per series
  // carries the shape, and each bar has a <title> with its exact share for screen readers and hovering.
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length]
    const bars = shares[i]
      .map((share, b) => {
        if (share === 0) return ''
        const x = f.x(b * binW)
        const w = f.x((b + 1) * binW) - x
        const y = f.y(share)
        const tip = `${s.label}: ${(share * 100).toFixed(1)}% between ${(b * binW).toFixed(2)} and ${((b + 1) * binW).toFixed(2)}`
        return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(f.y(0) - y)}"><title>${escapeXml(tip)}</title></rect>`
      })
      .join('')
    const step = shares[i].map(
      (share, b) => `L${n(f.x(b * binW))},${n(f.y(share))}L${n(f.x((b + 1) * binW))},${n(f.y(share))}`
    )
    const outline = `<path class="outline" d="M${n(f.x(0))},${n(f.y(0))}${step.join('')}L${n(f.x(1))},${n(f.y(0))}" fill="none" stroke="${color}" stroke-width="2"/>`
    body.push(`<g class="series" fill="${color}" fill-opacity="0.12" stroke="none">${bars}</g>${outline}`)
  })
  if (options.threshold) {
    const x = n(f.x(options.threshold.value))
    body.push(
      `<line class="threshold" x1="${x}" y1="${f.top}" x2="${x}" y2="${n(f.y(0))}" stroke="#111" stroke-width="1.5" stroke-dasharray="4 3"/>` +
        `<text x="${n(f.x(options.threshold.value) - 4)}" y="${f.top + 12}" text-anchor="end" font-size="11" fill="#111">${escapeXml(options.threshold.label)}</text>`
    )
  }
  body.push(
    legendBelow(
      f,
      series.map((s, i) => ({
        label: `${s.label} (${(options.countLabel ?? ((c: number) => `n=${c}`))(s.scores.length)})`,
        color: PALETTE[i % PALETTE.length],
        swatch: true
      }))
    )
  )
  const desc =
    `Histogram of document AI probabilities in ${bins} bins. ` +
    series.map((s) => `${s.label}: ${s.scores.length} documents`).join('; ')
  return svgDocument(f, title, desc, body.join(''))
}
