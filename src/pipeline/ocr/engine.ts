/**
 * The OCR engine: tesseract.js (Tesseract 5 compiled to WebAssembly) with the English LSTM model from the
 * @tesseract.js-data/eng npm package, read from node_modules: nothing is fetched, nothing is cached to disk
 * (cacheMethod 'none'). Tesseract runs in its own worker thread, so recognising a page never blocks the
 * thread that asked. One engine per document: it is terminated afterwards, so an idle CLI can exit.
 */
import { createRequire } from 'node:module'
import type { Worker as TesseractWorker } from 'tesseract.js'

export const OCR_ENGINE_NAME = 'Tesseract 5 (tesseract.js 7.0.0), English LSTM model'

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
  recognize(image: Uint8Array): Promise<OcrPageResult>
  close(): Promise<void>
}

const nodeRequire = createRequire(__filename)

export async function createOcrEngine(): Promise<OcrEngine> {
  const { createWorker, OEM } = await import('tesseract.js')
  const eng = nodeRequire('@tesseract.js-data/eng') as { langPath: string; gzip: boolean }
  const worker: TesseractWorker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: eng.langPath,
    gzip: eng.gzip,
    cacheMethod: 'none'
  })
  return {
    async recognize(image) {
      const t0 = performance.now()
      const { data } = await worker.recognize(Buffer.from(image), {}, { text: true, blocks: true })
      const paragraphs: OcrParagraph[] = []
      for (const block of data.blocks ?? []) {
        for (const p of block.paragraphs ?? []) {
          const words = p.lines.flatMap((l) => l.words)
          const text = p.lines
            .map((l) => l.words.map((w) => w.text).join(' '))
            .join('\n')
            .trim()
          if (!text) continue
          const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0
          paragraphs.push({ text, confidence, words: words.length })
        }
      }
      const words = paragraphs.reduce((n, p) => n + p.words, 0)
      const confidence = words ? paragraphs.reduce((s, p) => s + p.confidence * p.words, 0) / words : 0
      return { paragraphs, confidence, ms: performance.now() - t0 }
    },
    async close() {
      await worker.terminate()
    }
  }
}
