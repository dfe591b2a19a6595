/**
 * OCR speed: A4 pages of student essays (ASAP, from ../shared/data, 330–420 words each: one page at 12 pt)
 * rendered at 300 dpi and recognised by the offline engine as a check does. Reports wall time and CPU time
 * (this process's, which includes Tesseract's worker threads), because the development machine is shared:
 *   - the first page, which pays for starting Tesseract (the WebAssembly core and the language data);
 *   - warm pages one at a time (a 300 dpi PNG photo or scan, one Tesseract instance);
 *   - a scanned 3-page PDF (page images only) through the real reader, its pages shared by two instances:
 *     cold (Tesseract not started yet; the PDF reader already loaded, as in the app's warm checking worker),
 *     then again warm, as every later scan in a batch or a session is read;
 * and the event loop's longest stall meanwhile (recognition runs in worker threads).
 *   npx tsx scripts/bench-ocr.ts [--pages 3]
 */
import { PDFDocument } from 'pdf-lib'
import { closeOcrWorkers, createOcrEngine } from '../src/pipeline/ocr/engine'
import { extractScannedPdf } from '../src/pipeline/ocr'
import { loadPdfjs } from '../src/pipeline/extract/pdf'
import { renderPages } from './ocr/page-image'
import { cpuMs, onePageEssays } from './ocr/essays'
import { fmt, loadAverage, printTarget } from './bench/targets'

const i = process.argv.indexOf('--pages')
const PAGES = Math.max(2, i > 0 ? Number(process.argv[i + 1]) : 3)
const TARGET_S = 3

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = cpuMs()
  const t0 = performance.now()
  const value = await f()
  return { value, wall: (performance.now() - t0) / 1000, cpu: (cpuMs() - c0) / 1000 }
}

async function main(): Promise<void> {
  const pages = onePageEssays(PAGES).map((text) => renderPages(text, { dpi: 300 })[0])
  const pdf = await PDFDocument.create()
  for (const png of pages) {
    const image = await pdf.embedPng(png)
    pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 })
  }
  const scan = await pdf.save()

  let worstStall = 0
  let last = performance.now()
  const ticker = setInterval(() => {
    const now = performance.now()
    worstStall = Math.max(worstStall, now - last - 20)
    last = now
  }, 20)

  const pdfjs = await timed(() => loadPdfjs())
  const engine = await createOcrEngine()
  const first = await timed(() => engine.recognize(pages[0]))
  const warm: { wall: number; cpu: number; confidence: number }[] = []
  for (const png of pages.slice(1)) {
    const r = await timed(() => engine.recognize(png))
    warm.push({ wall: r.wall, cpu: r.cpu, confidence: r.value.confidence })
  }
  await engine.close()
  // The scanned PDF starts cold, as a teacher's first scan of the day does.
  await closeOcrWorkers()
  const cold = await timed(() => extractScannedPdf(scan, null))
  const doc = await timed(() => extractScannedPdf(scan, null))
  clearInterval(ticker)
  await closeOcrWorkers()

  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)
  const warmWall = mean(warm.map((w) => w.wall))
  const warmCpu = mean(warm.map((w) => w.cpu))
  const load = await loadAverage()
  console.log(
    `first page (starts Tesseract): ${fmt(first.wall)} s wall, ${fmt(first.cpu)} s CPU, confidence ${first.value.confidence.toFixed(1)}%`
  )
  console.log(
    `warm, one instance, 300 dpi PNG page (2481 × 3507 px): ${fmt(warmWall)} s wall, ${fmt(warmCpu)} s CPU per page ` +
      `over ${warm.length} pages, confidence ${mean(warm.map((w) => w.confidence)).toFixed(1)}%`
  )
  const n = doc.value.ocr?.pages.length ?? 0
  console.log(
    `loading the PDF reader (once per checking worker): ${fmt(pdfjs.wall)} s wall, ${fmt(pdfjs.cpu)} s CPU`
  )
  console.log(
    `scanned ${n}-page PDF (page images only), two instances, cold: ${fmt(cold.wall)} s wall, ${fmt(cold.cpu)} s CPU in all`
  )
  console.log(
    `the same PDF warm: ${fmt(doc.wall)} s wall, ${fmt(doc.cpu)} s CPU in all; ` +
      `${fmt(doc.wall / n)} s wall, ${fmt(doc.cpu / n)} s CPU per page; confidence ${doc.value.ocr?.confidence}%`
  )
  console.log(`longest event-loop stall while recognising: ${worstStall.toFixed(0)} ms; ${load}`)
  printTarget({
    name: 'OCR, A4 page at 300 dpi, one warm Tesseract instance (wall)',
    measured: warmWall,
    limit: TARGET_S,
    unit: 's',
    note: `${fmt(warmCpu)} s CPU; ${load}`
  })
  printTarget({
    name: `OCR, scanned ${n}-page PDF at 300 dpi, per page, two warm instances (wall)`,
    measured: doc.wall / n,
    limit: TARGET_S,
    unit: 's',
    note: `${fmt(doc.cpu / n)} s CPU per page; two instances on ${load.split(' on ')[1]}`
  })
}

void main()
