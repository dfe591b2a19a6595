import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { binCounts, histogramPlotSvg, rocPlotSvg } from '../../../../src/engine/plots'
import { auroc, rocCurve, type BinaryLabel } from '../../../../src/engine/stats'
import { parseSvg } from './svg-parse'

const scores = [0.95, 0.9, 0.85, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2, 0.1, 0.05, 0.5]
const labels: BinaryLabel[] = [1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0]
const shuffled: BinaryLabel[] = [1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0]

function rocSvg(): string {
  return rocPlotSvg(
    [
      { label: 'native <grade 10>', points: rocCurve(scores, labels), auroc: auroc(scores, labels) },
      { label: 'non-native & "ELL"', points: rocCurve(scores, shuffled), auroc: auroc(scores, shuffled) }
    ],
    { title: 'ROC by group', markFpr: { fpr: 0.01, label: '1% FPR' } }
  )
}

describe('ROC plot', () => {
  it('is well-formed SVG with an accessible title, axes, labels and a legend', () => {
    const svg = parseSvg(rocSvg())
    expect(svg.root.tagName).toBe('svg')
    expect(svg.root.getAttribute('role')).toBe('img')
    expect(svg.all('title')[0].textContent).toBe('ROC by group')
    expect(svg.all('desc')[0].textContent).toContain('AUROC')
    const lineClasses = svg.all('line').map((l) => l.getAttribute('class'))
    expect(lineClasses).toContain('x-axis')
    expect(lineClasses).toContain('y-axis')
    expect(svg.text).toContain('False-positive rate')
    expect(svg.text).toContain('True-positive rate')
    expect(svg.text).toContain('native <grade 10> (AUROC ') // escaped in the file, intact once parsed
    expect(svg.text).toContain('chance')
    expect(svg.all('path').filter((p) => p.getAttribute('class') === 'roc')).toHaveLength(2)
  })
  it('draws each curve from (0,0) to (1,1) in plot coordinates', () => {
    const svg = parseSvg(rocSvg())
    const d = svg.all('path')[0].getAttribute('d') ?? ''
    const coords = d
      .slice(1)
      .split(/[ML]/)
      .map((p) => p.split(',').map(Number))
    const [x0, y0] = coords[0]
    const [x1, y1] = coords[coords.length - 1]
    expect(x1).toBeGreaterThan(x0) // rightwards
    expect(y1).toBeLessThan(y0) // and up (SVG y grows downwards)
  })
})

describe('histogram plot', () => {
  it('bins scores with 1.0 in the last bin', () => {
    expect(binCounts([0, 0.05, 0.1, 0.99, 1], 10)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 2])
  })
  it('is well-formed SVG with bars, a threshold line and n in the legend', () => {
    const svg = parseSvg(
      histogramPlotSvg(
        [
          { label: 'human', scores: [0.1, 0.12, 0.3, 0.05] },
          { label: 'AI', scores: [0.9, 0.95, 0.7] }
        ],
        { threshold: { value: 0.8, label: 'threshold 0.80' }, bins: 10 }
      )
    )
    expect(svg.all('rect').length).toBeGreaterThan(5)
    expect(svg.text).toContain('human (n=4)')
    expect(svg.text).toContain('Share of documents')
    expect(svg.all('line').some((l) => l.getAttribute('class') === 'threshold')).toBe(true)
  })
})

/**
 * Renders to PNG so a person can look at it: rsvg-convert when installed, else headless Chromium's
 * screenshot (this machine's ImageMagick has no SVG delegate). Skipped, with that reason, when neither exists.
 */
const rsvg = ['/usr/bin/rsvg-convert', '/usr/local/bin/rsvg-convert'].find((p) => existsSync(p))
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) =>
  existsSync(p)
)
describe.skipIf(!rsvg && !chromium)('ROC plot rendering (needs rsvg-convert or chromium)', () => {
  it('renders to a PNG of the declared size', () => {
    const dir = process.env.INKPRINT_PLOT_DIR ?? mkdtempSync(join(tmpdir(), 'inkprint-plot-'))
    const svgPath = join(dir, 'roc.svg')
    const pngPath = join(dir, 'roc.png')
    writeFileSync(svgPath, rocSvg())
    if (rsvg) execFileSync(rsvg, ['-o', pngPath, svgPath])
    else {
      const flags = [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        '--window-size=520,500'
      ]
      execFileSync(chromium ?? 'chromium', [...flags, `--screenshot=${pngPath}`, `file://${svgPath}`], {
        stdio: 'ignore'
      })
    }
    const png = readFileSync(pngPath)
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect(png.readUInt32BE(16)).toBe(520) // IHDR width
    expect(png.readUInt32BE(20)).toBe(500)
  })
})
