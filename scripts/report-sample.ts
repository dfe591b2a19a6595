/**
 * Writes a sample evidence report (HTML, PDF and PNG pages at 60 dpi) to reports/sample-report/ so the layout
 * can be looked at. Run: npx tsx scripts/report-sample.ts   (needs Chromium and poppler's pdftoppm)
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { renderClassReport, renderDocumentReport } from '../src/engine/report'
import { findChromium, printHtmlToPdf } from '../src/pipeline/report'
import {
  CTX,
  errorResult,
  essay300Result,
  okResult,
  tooShortResult
} from '../test/unit/engine/report/fixtures'
import { hostileResult } from '../test/unit/engine/report/hostile'

const outDir = resolve('reports/sample-report')
rmSync(outDir, { recursive: true, force: true })
mkdirSync(outDir, { recursive: true })

const chromium = findChromium()

const essay300 = essay300Result()
// essay-300-1.png and essay-300-2.png are docs/screenshots/report-page-1.png and report-page-2.png.
const samples: [string, string][] = [
  ['essay-300', renderDocumentReport(essay300.result, essay300.ctx)],
  ['document', renderDocumentReport(okResult(), CTX)],
  ['class', renderClassReport([tooShortResult(), okResult(), errorResult()], CTX)],
  ['error', renderDocumentReport(errorResult(), CTX)],
  ['hostile', renderDocumentReport(hostileResult(), CTX)]
]
async function main(): Promise<void> {
  if (!chromium) throw new Error('No Chromium-based browser found (set INKPRINT_CHROMIUM).')
  for (const [name, html] of samples) {
    const htmlPath = join(outDir, `${name}.html`)
    const pdfPath = join(outDir, `${name}.pdf`)
    writeFileSync(htmlPath, html)
    const printed = await printHtmlToPdf(chromium, htmlPath, pdfPath)
    if (!printed.ok) throw new Error(printed.message)
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(outDir, name)])
    process.stdout.write(`${pdfPath}\n`)
  }
}

void main()
