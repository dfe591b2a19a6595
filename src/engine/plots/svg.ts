/**
 * Minimal SVG building blocks for the calibration and fairness plots: a square-ish plot frame with axes,
 * ticks, axis labels, a legend and an accessible <title>/<desc>. Output is a self-contained string (no
 * scripts, no external fonts or CSS), so a file can be opened in any browser or embedded in a report.
 */

export const PALETTE = [
  '#1f5fa8',
  '#c2410c',
  '#15803d',
  '#7e22ce',
  '#b91c1c',
  '#0e7490',
  '#a16207',
  '#4b5563'
]

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c
  )
}

/** Numbers in attributes: short and never in exponent form. */
export function n(x: number): string {
  return (Math.round(x * 100) / 100).toString()
}

export interface Frame {
  width: number
  height: number
  left: number
  top: number
  plotWidth: number
  plotHeight: number
  /** Data → pixel. */
  x: (v: number) => number
  y: (v: number) => number
}

export function makeFrame(
  width: number,
  height: number,
  xDomain: [number, number],
  yDomain: [number, number],
  margin = { left: 64, right: 24, top: 44, bottom: 56 }
): Frame {
  const plotWidth = width - margin.left - margin.right
  const plotHeight = height - margin.top - margin.bottom
  const sx = plotWidth / (xDomain[1] - xDomain[0] || 1)
  const sy = plotHeight / (yDomain[1] - yDomain[0] || 1)
  return {
    width,
    height,
    left: margin.left,
    top: margin.top,
    plotWidth,
    plotHeight,
    x: (v) => margin.left + (v - xDomain[0]) * sx,
    y: (v) => margin.top + plotHeight - (v - yDomain[0]) * sy
  }
}

export interface AxesSpec {
  xTicks: number[]
  yTicks: number[]
  xLabel: string
  yLabel: string
  formatX?: (v: number) => string
  formatY?: (v: number) => string
}

/** Axis lines, tick marks, tick labels, light grid lines and the two axis titles. */
export function axes(f: Frame, spec: AxesSpec): string {
  const fx = spec.formatX ?? String
  const fy = spec.formatY ?? String
  const bottom = f.top + f.plotHeight
  const right = f.left + f.plotWidth
  const parts: string[] = ['<g class="axes" font-size="12" fill="#222">']
  for (const t of spec.xTicks) {
    const x = n(f.x(t))
    parts.push(`<line x1="${x}" y1="${f.top}" x2="${x}" y2="${bottom}" stroke="#e5e7eb"/>`)
    parts.push(`<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + 5}" stroke="#222"/>`)
    parts.push(`<text x="${x}" y="${bottom + 18}" text-anchor="middle">${escapeXml(fx(t))}</text>`)
  }
  for (const t of spec.yTicks) {
    const y = n(f.y(t))
    parts.push(`<line x1="${f.left}" y1="${y}" x2="${right}" y2="${y}" stroke="#e5e7eb"/>`)
    parts.push(`<line x1="${f.left - 5}" y1="${y}" x2="${f.left}" y2="${y}" stroke="#222"/>`)
    parts.push(
      `<text x="${f.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(fy(t))}</text>`
    )
  }
  parts.push(
    `<line class="x-axis" x1="${f.left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#222"/>`
  )
  parts.push(
    `<line class="y-axis" x1="${f.left}" y1="${f.top}" x2="${f.left}" y2="${bottom}" stroke="#222"/>`
  )
  parts.push(
    `<text class="x-label" x="${n(f.left + f.plotWidth / 2)}" y="${bottom + 42}" text-anchor="middle" font-size="13">${escapeXml(spec.xLabel)}</text>`
  )
  const cy = n(f.top + f.plotHeight / 2)
  parts.push(
    `<text class="y-label" x="16" y="${cy}" text-anchor="middle" font-size="13" transform="rotate(-90 16 ${cy})">${escapeXml(spec.yLabel)}</text>`
  )
  parts.push('</g>')
  return parts.join('')
}

export interface LegendEntry {
  label: string
  color: string
  dashed?: boolean
  /** Filled square swatch (bars) instead of a line. */
  swatch?: boolean
}

export const LEGEND_ROW_HEIGHT = 18

function legendRow(e: LegendEntry, x: number, y: number): string {
  const dash = e.dashed ? ' stroke-dasharray="5 4"' : ''
  const mark = e.swatch
    ? `<rect x="${x + 12}" y="${y - 6}" width="12" height="12" fill="${e.color}" fill-opacity="0.45" stroke="${e.color}"/>`
    : `<line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${e.color}" stroke-width="2.5"${dash}/>`
  return (
    mark +
    `<text x="${x + 28}" y="${y}" dominant-baseline="middle" font-size="12" fill="#222">${escapeXml(e.label)}</text>`
  )
}

/** Legend box in the bottom-right corner of the plot area (where ROC curves never go). */
export function legend(f: Frame, entries: LegendEntry[]): string {
  if (entries.length === 0) return ''
  const w = Math.min(f.plotWidth - 16, 16 + 26 + 7 * Math.max(...entries.map((e) => e.label.length)))
  const h = 10 + LEGEND_ROW_HEIGHT * entries.length
  const x0 = f.left + f.plotWidth - w - 8
  const y0 = f.top + f.plotHeight - h - 8
  const rows = entries.map((e, i) => legendRow(e, x0 + 8, y0 + 14 + i * LEGEND_ROW_HEIGHT))
  return `<g class="legend"><rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="#fff" fill-opacity="0.92" stroke="#9ca3af"/>${rows.join('')}</g>`
}

/** Legend as rows under the x-axis title, for plots with no free corner; the frame must leave room. */
export function legendBelow(f: Frame, entries: LegendEntry[]): string {
  const y0 = f.top + f.plotHeight + 62
  const rows = entries.map((e, i) => legendRow(e, f.left, y0 + i * LEGEND_ROW_HEIGHT))
  return `<g class="legend">${rows.join('')}</g>`
}

/** The document wrapper: role="img", <title> and <desc> first so screen readers announce them. */
export function svgDocument(f: Frame, title: string, description: string, body: string): string {
  // Long titles shrink to fit the width (≈0.56 em per character of bold Helvetica) instead of being cut off.
  const titleSize = Math.max(9, Math.min(15, Math.floor((f.width - f.left - 8) / (0.56 * title.length))))
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" ` +
    `role="img" aria-labelledby="t d" font-family="Helvetica, Arial, sans-serif">` +
    `<title id="t">${escapeXml(title)}</title><desc id="d">${escapeXml(description)}</desc>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="${f.left}" y="26" font-size="${titleSize}" font-weight="bold" fill="#111">${escapeXml(title)}</text>` +
    body +
    '</svg>'
  )
}

export function percentTick(v: number): string {
  return `${Math.round(v * 100)}%`
}
