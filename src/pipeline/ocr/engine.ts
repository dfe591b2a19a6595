/**
 * The OCR engine: tesseract.js (Tesseract 5 compiled to WebAssembly) with the English LSTM model from the
 * @tesseract.js-data/eng npm package (its LSTM-only, integer "best_int" file: 2.9 MB instead of the 10.9 MB file
 * that also holds the legacy engine we never run), read from node_modules: nothing is fetched, nothing is cached
 * to disk (cacheMethod 'none'). Each Tesseract instance runs in its own worker thread, so recognising a page
 * never blocks the thread that asked.
 *
 * Speed (docs/submissions.md, scripts/ocr/profile.ts): instances are kept warm between documents for
 * OCR_IDLE_MS (starting one costs 1–2 s), a document's pages are read by up to OCR_PAGE_WORKERS instances at
 * once, pages reach Tesseract as grayscale PGM shrunk to about 200 dpi (./prepare), and results are read as TSV
 * (the JSON "blocks" output costs more than a second per page to build and parse).
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Worker as TesseractWorker } from 'tesseract.js'
import { preparePage, type PageImage } from './prepare'

export const OCR_ENGINE_NAME = 'Tesseract 5 (tesseract.js 7.0.0), English LSTM model (best_int)'

/** Tesseract instances one document's pages are shared between (the pool has two checking workers). */
export const OCR_PAGE_WORKERS = 2
/** A warm instance idle this long is stopped (its memory freed, and an idle CLI can exit). */
export const OCR_IDLE_MS = 20_000

export interface OcrParagraph {
  text: string
  /** Tesseract's mean word confidence for the paragraph, 0–100. */
  confidence: number
  words: number
}

export interface OcrPageResult {
  paragraphs: OcrParagraph[]
  /** Word-weighted mean confidence of the page, 0–100 (0 when nothing was read). */
  confidence: number
  ms: number
}

export interface OcrEngine {
  /** Pages this engine can recognise at once (1 when absent). */
  readonly concurrency?: number
  recognize(image: PageImage): Promise<OcrPageResult>
  /** Ends the session: a page still being recognised is stopped; idle instances stay warm for the next one. */
  close(): Promise<void>
}

const nodeRequire = createRequire(__filename)

let library: Promise<typeof import('tesseract.js')> | null = null

async function startWorker(): Promise<TesseractWorker> {
  library ??= import('tesseract.js')
  const { createWorker, OEM } = await library
  const eng = nodeRequire('@tesseract.js-data/eng') as { langPath: string; gzip: boolean }
  return createWorker('eng', OEM.LSTM_ONLY, {
    langPath: join(eng.langPath, '..', '4.0.0_best_int'),
    gzip: eng.gzip,
    cacheMethod: 'none'
  })
}

/** Warm Tesseract instances of this thread, shared by the documents it reads one after another. */
const idle: TesseractWorker[] = []
let idleTimer: NodeJS.Timeout | null = null

function takeWorker(): Promise<TesseractWorker> {
  if (idleTimer) clearTimeout(idleTimer)
  idleTimer = null
  const warm = idle.pop()
  return warm ? Promise.resolve(warm) : startWorker()
}

function giveWorker(worker: TesseractWorker): void {
  idle.push(worker)
  if (idleTimer) clearTimeout(idleTimer)
  idleTimer = setTimeout(() => void closeOcrWorkers(), OCR_IDLE_MS)
  idleTimer.unref()
}

/** Stops every idle instance now (tests, a CLI that is done, the in-process engine closing). */
export async function closeOcrWorkers(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer)
  idleTimer = null
  const workers = idle.splice(0)
  await Promise.all(workers.map((w) => w.terminate().catch(() => {})))
}

/** Tesseract's TSV: one row per word (level 5) with its block, paragraph, line and confidence. */
export function parseTsv(tsv: string): OcrParagraph[] {
  const paragraphs: { key: string; lines: Map<string, string[]>; sum: number; words: number }[] = []
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t')
    if (cols.length < 12 || cols[0] !== '5') continue
    const word = cols.slice(11).join('\t').trim()
    const confidence = Number(cols[10])
    if (!word || !Number.isFinite(confidence) || confidence < 0) continue
    const key = `${cols[1]}.${cols[2]}.${cols[3]}`
    let p = paragraphs[paragraphs.length - 1]
    if (!p || p.key !== key) paragraphs.push((p = { key, lines: new Map(), sum: 0, words: 0 }))
    const line = p.lines.get(cols[4]) ?? []
    line.push(word)
    p.lines.set(cols[4], line)
    p.sum += confidence
    p.words++
  }
  return paragraphs.map((p) => ({
    text: [...p.lines.values()].map((words) => words.join(' ')).join('\n'),
    confidence: p.sum / p.words,
    words: p.words
  }))
}

export async function createOcrEngine(): Promise<OcrEngine> {
  const busy = new Set<TesseractWorker>()
  let closed = false
  return {
    concurrency: OCR_PAGE_WORKERS,
    async recognize(image) {
      const t0 = performance.now()
      const pgm = await preparePage(image)
      const worker = await takeWorker()
      if (closed) {
        giveWorker(worker)
        throw new Error('OCR session closed')
      }
      busy.add(worker)
      try {
        const { data } = await worker.recognize(Buffer.from(pgm), {}, { text: false, tsv: true })
        const paragraphs = parseTsv(data.tsv ?? '')
        const words = paragraphs.reduce((n, p) => n + p.words, 0)
        const confidence = words ? paragraphs.reduce((s, p) => s + p.confidence * p.words, 0) / words : 0
        return { paragraphs, confidence, ms: performance.now() - t0 }
      } finally {
        // A page cut short by close() is stopped with its instance; a finished one goes back warm.
        if (busy.delete(worker)) giveWorker(worker)
      }
    },
    async close() {
      closed = true
      const running = [...busy]
      busy.clear()
      await Promise.all(running.map((w) => w.terminate().catch(() => {})))
    }
  }
}
