/**
 * OCR speed: A4 pages of student essays (../shared/data style, rendered at 300 dpi) recognised by the offline
 * engine, one page at a time as a check does; engine start-up reported apart. Also the event loop's longest
 * stall while OCR runs (it runs in tesseract's own worker thread, so the batch stays responsive).
 *   npx tsx scripts/bench-ocr.ts [--pages 3]
 */
import { createOcrEngine } from '../src/pipeline/ocr/engine'
import { renderPages } from './ocr/page-image'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const i = process.argv.indexOf('--pages')
const PAGES = i > 0 ? Number(process.argv[i + 1]) : 3

async function main(): Promise<void> {
  // Full pages of human student essays from ../shared/data (ASAP), 330–420 words each: one A4 page at 12 pt.
  const essays = readFileSync(
    join(__dirname, '..', '..', 'shared', 'data', 'asap-essays', 'data.jsonl'),
    'utf8'
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text)
    .filter((text) => {
      const words = text.split(/\s+/).length
      return words >= 330 && words <= 420
    })
  const pages = essays.slice(0, PAGES).map((text) => renderPages(text, { dpi: 300 })[0])
  let worstStall = 0
  let last = performance.now()
  const ticker = setInterval(() => {
    const now = performance.now()
    worstStall = Math.max(worstStall, now - last - 20)
    last = now
  }, 20)
  const t0 = performance.now()
  const engine = await createOcrEngine()
  const startMs = performance.now() - t0
  const times: number[] = []
  let confidence = 0
  for (const png of pages) {
    const r = await engine.recognize(png)
    times.push(r.ms)
    confidence += r.confidence / pages.length
  }
  await engine.close()
  clearInterval(ticker)
  const sorted = [...times].sort((a, b) => a - b)
  const mean = times.reduce((s, t) => s + t, 0) / times.length
  console.log(`engine start: ${(startMs / 1000).toFixed(2)} s`)
  console.log(
    `A4 page at 300 dpi (2481 × 3507 px): mean ${(mean / 1000).toFixed(2)} s per page, ` +
      `median ${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2)} s, over ${times.length} pages (target ≤ 3 s)`
  )
  console.log(
    `mean confidence ${confidence.toFixed(1)}%; longest event-loop stall while recognising ${worstStall.toFixed(0)} ms`
  )
}

void main()
