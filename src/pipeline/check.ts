import type { CheckOptions } from '../shared/api'
import type { DocumentResult, InkprintError } from '../shared/types'
import { segmentPassages, type PassageOptions } from '../engine/text'
import { runWatermarkChecks, type TokenizerRegistry, type WatermarkProfile } from '../engine/watermark'
import { findFingerprints } from '../engine/fingerprints'
import { readDocument } from './read'
import { passageConfidence, type OcrProgress } from './ocr'
import type { Detector } from './detector'
import { emptyResult, errorResult } from './result'
import { compareDocument } from './known-writing'
import { tooLongToCheck } from './limits'

/** Everything a check needs that is loaded once per process, not per document. */
export interface CheckContext {
  detector: Detector | null
  /** Why the detector could not be loaded, reported on every result. */
  detectorError?: InkprintError | null
  profiles: WatermarkProfile[]
  tokenizers: TokenizerRegistry | null
}

export interface CheckFileOptions extends CheckOptions {
  includeText: boolean
  passages?: Partial<PassageOptions>
  maxBytes?: number
  signal?: AbortSignal
  /** Told each page as OCR reads it (scans and photos only). */
  onProgress?: (progress: OcrProgress) => void
}

/** Fewer words than this and no score means anything; the detector may raise it from its card. */
export const MIN_DOCUMENT_WORDS = 50

const round = (ms: number): number => Math.round(ms * 100) / 100
const since = (t0: number): number => round(performance.now() - t0)

/** The whole flow for one file: read → extract → passages → detector → watermarks → fingerprints. */
export async function checkFile(
  path: string,
  ctx: CheckContext,
  options: CheckFileOptions
): Promise<DocumentResult> {
  const t0 = performance.now()
  const timings: Record<string, number> = {}
  const extracted = await readDocument(path, {
    maxBytes: options.maxBytes,
    signal: options.signal,
    onProgress: options.onProgress
  })
  // read = stat + open + read bytes; extract = hashing, format detection and parsing.
  timings.read = round(extracted.readMs ?? 0)
  timings.extract = round(since(t0) - timings.read)
  if (!extracted.ok) {
    return {
      ...errorResult(path, extracted.error),
      sizeBytes: extracted.sizeBytes,
      sha256: extracted.sha256,
      timingsMs: { ...timings, total: since(t0) }
    }
  }
  const { doc } = extracted
  // Bounded cost: a text over the word or character limit is reported, not scored for minutes (issue 17.10).
  const tooLong = tooLongToCheck(doc.text)
  if (tooLong) {
    return {
      ...errorResult(path, tooLong),
      sizeBytes: extracted.sizeBytes,
      sha256: extracted.sha256,
      format: doc.format,
      pageCount: doc.pageCount,
      timingsMs: { ...timings, total: since(t0) }
    }
  }
  const passages = segmentPassages(doc.text, doc.paragraphs, options.passages).map((p) => {
    const ocrConfidence = passageConfidence(doc, p.start, p.end)
    if (ocrConfidence === undefined || !doc.ocr) return p
    return { ...p, ocrConfidence, ocrUnreliable: ocrConfidence < doc.ocr.floor }
  })
  const words = passages.reduce((n, p) => n + p.words, 0)
  const result: DocumentResult = {
    ...emptyResult(path),
    sizeBytes: extracted.sizeBytes,
    sha256: extracted.sha256,
    format: doc.format,
    words,
    pageCount: doc.pageCount,
    warnings: [...doc.warnings],
    metadata: doc.metadata,
    passages,
    text: options.includeText ? doc.text : undefined
  }
  if (doc.ocr) {
    const { paragraphConfidence: _, ...ocr } = doc.ocr
    result.ocr = ocr
  }
  // OCR text mostly below the confidence floor: no verdict on what may be recognition noise.
  const unreliableWords = passages.filter((p) => p.ocrUnreliable).reduce((n, p) => n + p.words, 0)
  if (doc.ocr && unreliableWords * 2 > words) {
    result.status = 'unsupported'
    // One statement for the whole document replaces the per-page note.
    result.warnings = result.warnings.filter((w) => w.code !== 'ocr-unreliable')
    result.warnings.push({
      code: 'ocr-unreliable',
      message: `Could not read reliably: text recognition was only ${Math.round(doc.ocr.confidence)}% confident (the floor is ${doc.ocr.floor}%), so no verdict is given. Inkprint cannot read handwriting usefully; faint, skewed or blurred pages read badly too. Judge from the original.`
    })
    result.fingerprints = findFingerprints(doc.text, doc.metadata, { format: doc.format, hidden: doc.hidden })
    timings.total = since(t0)
    result.timingsMs = timings
    return result
  }

  if (ctx.detector) {
    const t = performance.now()
    const clock = { inferMs: 0 }
    const scored = await ctx.detector.scoreDocument(
      doc.text,
      passages,
      { operatingPoint: options.operatingPoint },
      clock
    )
    // A passage OCR could not read reliably shows no score, whatever the rest of the document gets.
    result.passages = passages.map((p, i) => (p.ocrUnreliable ? p : { ...p, score: scored.passages[i] }))
    result.detector = scored.summary
    if (scored.summary.verdict === 'too-short') result.status = 'too-short'
    if (scored.summary.verdict === 'unsupported-language') {
      result.status = 'unsupported'
      result.warnings.push({
        code: 'non-english',
        message:
          'This text does not look like English. Inkprint’s detector is trained on English only, so it is not scored.'
      })
    }
    if (scored.summary.verdict === 'not-prose') {
      result.warnings.push({
        code: 'mostly-non-prose',
        message:
          'This text is mostly code, formulas or symbols. Inkprint’s detector is trained on prose, so it gives no verdict.'
      })
    }
    // featurize = normalisation, n-gram hashing and style features; infer = ONNX Runtime calls.
    timings.detector = since(t)
    timings.infer = round(clock.inferMs)
    timings.featurize = round(timings.detector - clock.inferMs)
  } else {
    if (words < MIN_DOCUMENT_WORDS) result.status = 'too-short'
    if (ctx.detectorError)
      result.warnings.push({
        code: 'extraction-note',
        message: `The AI-writing detector could not be loaded, so passages are not scored: ${ctx.detectorError.message}`
      })
  }

  if (ctx.tokenizers && ctx.profiles.length > 0) {
    const t = performance.now()
    const wanted = options.profiles && options.profiles.length > 0 ? new Set(options.profiles) : null
    const profiles = wanted ? ctx.profiles.filter((p) => wanted.has(p.id)) : ctx.profiles
    result.watermarks = runWatermarkChecks(doc.text, profiles, ctx.tokenizers)
    timings.watermark = since(t)
  }

  const tf = performance.now()
  result.fingerprints = findFingerprints(doc.text, doc.metadata, { format: doc.format, hidden: doc.hidden })
  timings.fingerprint = since(tf)
  if (options.knownWriting) {
    const ts = performance.now()
    result.styleComparison = compareDocument(path, doc.text, passages, options.knownWriting)
    timings.style = since(ts)
  }
  timings.total = since(t0)
  result.timingsMs = timings
  return result
}
