/**
 * Scanned and photographed work: images of pages, and PDF pages without a text layer, read with the offline
 * OCR engine (./engine). Text-layer pages of a mixed PDF keep their text; only the pages without one are
 * rendered and recognised. Every OCR paragraph carries its recognition confidence, so passages can say how
 * reliably they were read, and text below the confidence floor "could not be read reliably" instead of
 * getting a verdict. Caps: 50 megapixels per image, 50 OCR pages per document, checked before decoding.
 */
import type { DocWarning, ExtractedDocument, OcrInfo } from '../../shared/types'
import { assembleText, cleanBlockText, countWords, type RawBlock } from '../../engine/text'
import { looksLikeListItem } from '../../engine/text/blocks'
import { ExtractFailure, failure } from '../extract/errors'
import type { ExtractOutcome } from '../extract'
import { createOcrEngine, OCR_ENGINE_NAME, type OcrEngine, type OcrPageResult } from './engine'
import { checkImage, imageFailure, isHeic, sniffImage, type ImageInfo } from './images'
import { openPdfPages } from './render'
import type { PageImage } from './prepare'
import { openTiff, type TiffPages } from './tiff'

export { IMAGE_EXTENSIONS, MAX_IMAGE_PIXELS, sniffImage, isHeic } from './images'
export { OCR_ENGINE_NAME } from './engine'

/** Most pages read by OCR in one document: a class essay is a few pages; a 500-page scan is not one. */
export const MAX_OCR_PAGES = 50
/**
 * Mean word confidence (0–100) below which text "could not be read reliably" (docs/submissions.md, measured by
 * scripts/ocr/agreement.ts): printed pages at 150–300 dpi, skewed and noisy included, read at 92–97% with
 * 99–100% of characters right; handwriting-like fonts read at 51–80% with 70–97% right, and between 74% and
 * 80% the errors already turned AI essays' verdicts to "uncertain". 85 keeps every printed page and none of
 * those.
 */
export const OCR_CONFIDENCE_FLOOR = 85

export interface OcrProgress {
  stage: 'ocr'
  /** The page being recognised (1-based), and how many pages need OCR. */
  page: number
  pages: number
}

export interface OcrOptions {
  signal?: AbortSignal
  onProgress?: (progress: OcrProgress) => void
  /** For tests: a stand-in engine. */
  engine?: () => Promise<OcrEngine>
}

interface OcrBlock extends RawBlock {
  confidence: number | null
}

/** OCR lines → one paragraph: lines joined by spaces, words hyphenated across a line break rejoined. */
export function joinOcrLines(text: string): string {
  return text.replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2').replace(/\s*\n\s*/g, ' ')
}

function cancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw failure('cancelled', null)
}

/**
 * Recognises `pages`, up to the engine's concurrency at a time (a warm second Tesseract instance reads the next
 * page while the first is busy), reporting progress as each page starts; results in page order.
 */
async function recognisePages(
  pages: number[],
  image: (n: number) => Promise<PageImage>,
  opts: OcrOptions
): Promise<Map<number, OcrPageResult>> {
  if (pages.length > MAX_OCR_PAGES)
    throw new ExtractFailure(
      'too-large',
      `This document has ${pages.length} scanned pages; Inkprint reads at most ${MAX_OCR_PAGES} scanned pages per document. Split it into the students' separate essays and check those.`
    )
  const engine = await (opts.engine ?? createOcrEngine)()
  const onAbort = (): void => void engine.close()
  opts.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    const done = new Map<number, OcrPageResult>()
    let next = 0
    const lane = async (): Promise<void> => {
      while (next < pages.length) {
        const i = next++
        cancelled(opts.signal)
        opts.onProgress?.({ stage: 'ocr', page: i + 1, pages: pages.length })
        done.set(pages[i], await engine.recognize(await image(pages[i])))
      }
    }
    const lanes = Math.max(1, Math.min(engine.concurrency ?? 1, pages.length))
    await Promise.all(Array.from({ length: lanes }, lane))
    return new Map(pages.map((n) => [n, done.get(n) as OcrPageResult]))
  } catch (error) {
    cancelled(opts.signal)
    throw error
  } finally {
    opts.signal?.removeEventListener('abort', onAbort)
    await engine.close().catch(() => {})
  }
}

/**
 * A recognised paragraph split into list items and the text around them: on a skewed or noisy page Tesseract
 * can return a whole page as one paragraph, and a numbered list inside it would be scored as prose. A new part
 * starts at a list marker after a finished line, and, after a list item, at a capitalised line after a
 * finished one.
 */
export function splitListItems(text: string): string[] {
  const parts: string[][] = []
  for (const line of text.split('\n')) {
    const last = parts[parts.length - 1]
    const finished = /[.:;!?)]$/.test((last?.[last.length - 1] ?? '').trim())
    const inItem = last !== undefined && looksLikeListItem(last[0])
    if (!last || (finished && (looksLikeListItem(line) || (inItem && /^\s*\p{Lu}/u.test(line)))))
      parts.push([line])
    else last.push(line)
  }
  return parts.map((lines) => lines.join('\n'))
}

/**
 * OCR paragraphs as blocks. Their kind is left to the same guesses as plain text (numbered and bulleted lists,
 * headings, references after a references heading), so a scan's list is not scored as prose when the same
 * essay as TXT or PDF is not.
 */
function ocrBlocks(page: number | null, result: OcrPageResult): OcrBlock[] {
  return result.paragraphs.flatMap((p) =>
    splitListItems(p.text).map((text) => ({ text: joinOcrLines(text), page, confidence: p.confidence }))
  )
}

/** Assembles text-layer and OCR blocks into a document, keeping each paragraph's confidence. */
function toDocument(
  format: 'pdf' | 'image',
  blocks: OcrBlock[],
  results: Map<number, OcrPageResult>,
  base: Omit<ExtractedDocument, 'text' | 'paragraphs' | 'format' | 'ocr'>
): ExtractedDocument {
  // assembleText drops blocks without letters or digits; the same filter keeps confidences aligned.
  const kept = blocks.filter((b) => /[\p{L}\p{N}]/u.test(cleanBlockText(b.text)))
  const { text, paragraphs } = assembleText(kept)
  if (paragraphs.length === 0) throw failure('empty', format)
  const pages = [...results.keys()]
  const pageResults = [...results.values()]
  const words = pageResults.reduce((n, r) => n + r.paragraphs.reduce((m, p) => m + p.words, 0), 0)
  const confidence = words
    ? pageResults.reduce((s, r) => s + r.paragraphs.reduce((m, p) => m + p.confidence * p.words, 0), 0) /
      words
    : 0
  const info: OcrInfo = {
    engine: OCR_ENGINE_NAME,
    pages,
    confidence: round1(confidence),
    pageConfidence: pageResults.map((r) => round1(r.confidence)),
    floor: OCR_CONFIDENCE_FLOOR,
    msPerPage: Math.round(pageResults.reduce((s, r) => s + r.ms, 0) / Math.max(1, pageResults.length))
  }
  const warnings: DocWarning[] = base.warnings.filter((w) => w.code !== 'pages-without-text')
  const single = format === 'image' && pages.length === 1
  const pageList = single
    ? 'This image'
    : `Page${pages.length === 1 ? '' : 's'} ${pages.join(', ')}${format === 'image' ? ' of this image' : ''}`
  warnings.push({
    code: 'ocr',
    message: `${pageList} ${pages.length === 1 ? 'was' : 'were'} read by text recognition (OCR), with ${Math.round(confidence)}% mean confidence. Recognition errors change the text the detector sees; compare with the original where it matters.`
  })
  const weak = pages.filter((_, i) => pageResults[i].confidence < OCR_CONFIDENCE_FLOOR)
  if (weak.length > 0)
    warnings.push({
      code: 'ocr-unreliable',
      message: single
        ? 'Inkprint could not read this image reliably: it cannot read handwriting usefully, and faint, skewed or blurred photos read badly too. Passages below the confidence floor get no verdict.'
        : `Inkprint could not read page${weak.length === 1 ? '' : 's'} ${weak.join(', ')}${format === 'image' ? ' of this image' : ''} reliably: it cannot read handwriting usefully, and faint, skewed or blurred scans read badly too. Passages below the confidence floor get no verdict.`
    })
  return {
    ...base,
    format,
    text,
    paragraphs,
    warnings,
    ocr: {
      ...info,
      paragraphConfidence: kept.map((b) => (b.confidence === null ? null : round1(b.confidence)))
    }
  }
}

const round1 = (x: number): number => Math.round(x * 10) / 10

/**
 * An image file of a page (PNG, JPEG, GIF, BMP) or of several (a multi-page TIFF, each page decoded only when
 * its turn comes) read by OCR.
 */
export async function extractImage(
  buf: Uint8Array,
  info: ImageInfo,
  opts: OcrOptions = {}
): Promise<ExtractedDocument> {
  checkImage(info)
  const pages = Array.from({ length: info.pages }, (_, i) => i + 1)
  let tiff: TiffPages | null = null
  const results = await recognisePages(
    pages,
    async (n) => {
      if (info.kind !== 'tiff') return buf
      tiff ??= openTiff(buf)
      if (n > tiff.count) throw imageFailure('corrupt')
      return tiff.page(n)
    },
    opts
  )
  const multi = info.pages > 1
  return toDocument(
    'image',
    pages.flatMap((n) => ocrBlocks(multi ? n : null, results.get(n) as OcrPageResult)),
    results,
    { pageCount: info.pages, metadata: {}, warnings: [] }
  )
}

/** Scanned pages of a PDF read by OCR; pages with a text layer (from `textDoc`) keep it. */
export async function extractScannedPdf(
  buf: Uint8Array,
  textDoc: ExtractedDocument | null,
  opts: OcrOptions = {}
): Promise<ExtractedDocument> {
  const pdf = await openPdfPages(buf).catch(() => {
    throw failure('corrupt', 'pdf')
  })
  try {
    const withText = new Set(textDoc?.paragraphs.map((p) => p.page) ?? [])
    const missing: number[] = []
    for (let n = 1; n <= pdf.numPages; n++) if (!withText.has(n)) missing.push(n)
    const results = await recognisePages(missing, (n) => pdf.render(n), opts)
    const blocks: OcrBlock[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const ocr = results.get(n)
      if (ocr) blocks.push(...ocrBlocks(n, ocr))
      else if (textDoc)
        for (const p of textDoc.paragraphs.filter((q) => q.page === n))
          blocks.push({ text: textDoc.text.slice(p.start, p.end), page: n, kind: p.kind, confidence: null })
    }
    return toDocument('pdf', blocks, results, {
      pageCount: pdf.numPages,
      metadata: textDoc?.metadata ?? {},
      warnings: textDoc?.warnings ?? []
    })
  } finally {
    await pdf.close()
  }
}

/** True when an extraction outcome is a PDF some or all of whose pages need OCR. */
export function needsPdfOcr(outcome: ExtractOutcome): boolean {
  if (!outcome.ok) return outcome.error.code === 'scanned'
  return outcome.doc.format === 'pdf' && outcome.doc.warnings.some((w) => w.code === 'pages-without-text')
}

/**
 * HEIC is refused on purpose (docs/submissions.md): the one maintained offline decoder on npm, libheif-js, is
 * LGPL-3.0 and carries an HEVC (H.265) decoder, a codec under patent pools that Inkprint cannot license.
 * The image behind these bytes, refused early when it is no page (HEIC without an offline decoder, absurd
 * sizes, a damaged TIFF page chain); null when the bytes are not an image.
 */
export function imageInfo(buf: Uint8Array): ImageInfo | null {
  if (isHeic(buf))
    throw imageFailure(
      'unsupported-type',
      'an HEIC photo: HEIC is not supported; export it as JPEG (iPhone: share the photo to Files or Mail, or set Settings → Camera → Formats → Most Compatible)'
    )
  return sniffImage(buf)
}

/** Word count, used to weigh OCR confidences over passages. */
export function passageConfidence(doc: ExtractedDocument, start: number, end: number): number | undefined {
  const ocr = doc.ocr
  if (!ocr) return undefined
  let weight = 0
  let sum = 0
  doc.paragraphs.forEach((p, i) => {
    const c = ocr.paragraphConfidence[i]
    if (c === null || c === undefined) return
    const overlap = Math.min(end, p.end) - Math.max(start, p.start)
    if (overlap <= 0) return
    const words = Math.max(1, countWords(doc.text.slice(Math.max(start, p.start), Math.min(end, p.end))))
    weight += words
    sum += c * words
  })
  return weight > 0 ? round1(sum / weight) : undefined
}
