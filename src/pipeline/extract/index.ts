/**
 * Document ingestion: a file (or bytes) in, an `ExtractedDocument` with exact offsets out, or an error as
 * data. Files are only ever opened read-only; nothing is written next to them. Hostile input is normal
 * input: size, zip and XML caps apply before any parser sees the bytes.
 *
 * The document `text` is the extracted blocks joined with "\n\n"; `text.slice(p.start, p.end)` is each
 * paragraph exactly (see engine/text/assemble.ts).
 */
import { createHash } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { DocFormat, ExtractedDocument, InkprintError } from '../../shared/types'
import { assembleText, countWords } from '../../engine/text'
import { detectFormat, formatFromExtension } from './detect'
import { extractDocx } from './docx'
import { extractHtml } from './html'
import { ExtractFailure, failure, throwIfAborted } from './errors'
import { extractOdt } from './odt'
import { extractPdf } from './pdf'
import { extractRtf } from './rtf'
import { extractPlainText } from './text'
import type { FormatExtraction } from './types'
import { docWarnings } from './warnings'
import { SafeZip } from './zip'

export type ExtractOutcome =
  | { ok: true; doc: ExtractedDocument; sizeBytes: number; sha256: string; readMs?: number }
  | { ok: false; error: InkprintError; sizeBytes: number | null; sha256: string | null; readMs?: number }

export interface ExtractOptions {
  /** Largest file read, in bytes (default 50 MB). */
  maxBytes?: number
  signal?: AbortSignal
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024

export { ExtractFailure } from './errors'
export { loadPdfjs } from './pdf'

export async function extractFile(path: string, opts: ExtractOptions = {}): Promise<ExtractOutcome> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const guess = formatFromExtension(path)
  let size: number | null = null
  try {
    throwIfAborted(opts.signal, guess)
    const info = await stat(path)
    if (info.isDirectory()) throw failure('is-directory', guess)
    if (!info.isFile()) throw failure('unsupported-type', null, 'not a regular file')
    size = info.size
    if (size > maxBytes) throw failure('too-large', guess, megabytes(maxBytes))
  } catch (error) {
    return { ok: false, error: toInkprintError(error, guess), sizeBytes: size, sha256: null }
  }
  let buf: Uint8Array
  const t0 = performance.now()
  try {
    buf = await readReadOnly(path, maxBytes)
  } catch (error) {
    return { ok: false, error: toInkprintError(error, guess), sizeBytes: size, sha256: null }
  }
  const readMs = performance.now() - t0
  return { ...(await extractBuffer(buf, basename(path), opts)), readMs }
}

/** Reads at most maxBytes (+1 to notice a file that grew since stat) through a read-only handle. */
async function readReadOnly(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    const limit = Math.min(size, maxBytes) + 1
    const buf = new Uint8Array(limit)
    let filled = 0
    while (filled < limit) {
      const { bytesRead } = await handle.read(buf, filled, limit - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    if (filled > maxBytes) throw failure('too-large', formatFromExtension(path), megabytes(maxBytes))
    return buf.subarray(0, filled)
  } finally {
    await handle.close()
  }
}

export async function extractBuffer(
  buf: Uint8Array,
  fileName: string,
  opts: ExtractOptions = {}
): Promise<ExtractOutcome> {
  const sizeBytes = buf.length
  const sha256 = createHash('sha256').update(buf).digest('hex')
  let format: DocFormat | null = formatFromExtension(fileName)
  try {
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
    if (sizeBytes > maxBytes) throw failure('too-large', format, megabytes(maxBytes))
    if (sizeBytes === 0) throw failure('empty', format)
    throwIfAborted(opts.signal, format)
    const detection = detectFormat(buf, fileName)
    format = detection.format
    const extraction = await extractFormat(format, buf, opts.signal)
    if (detection.mismatch)
      extraction.warnings.unshift({ code: 'extraction-note', message: detection.mismatch })
    throwIfAborted(opts.signal, format)
    return { ok: true, doc: toDocument(format, extraction), sizeBytes, sha256 }
  } catch (error) {
    // Aborting tears down parsers mid-flight; whatever they threw, the cause is the cancellation.
    const cause = opts.signal?.aborted ? failure('cancelled', format) : error
    return { ok: false, error: toInkprintError(cause, format), sizeBytes, sha256 }
  }
}

async function extractFormat(
  format: DocFormat,
  buf: Uint8Array,
  signal?: AbortSignal
): Promise<FormatExtraction> {
  switch (format) {
    case 'pdf':
      return extractPdf(buf, signal)
    case 'docx':
      return extractDocx(new SafeZip(buf, 'docx'))
    case 'odt':
      return extractOdt(new SafeZip(buf, 'odt'))
    case 'rtf':
      return extractRtf(buf)
    case 'txt':
    case 'md':
      return extractPlainText(buf, format)
    case 'html':
      return extractHtml(buf)
    case 'image':
      // Page images are read by OCR (src/pipeline/ocr), never by a text extractor.
      throw failure('unsupported-type', null, 'an image')
  }
}

function toDocument(format: DocFormat, extraction: FormatExtraction): ExtractedDocument {
  const { text, paragraphs, hidden } = assembleText(extraction.blocks)
  if (paragraphs.length === 0) throw failure('empty', format)
  const warnings = [...extraction.warnings]
  const words = (kind?: string): number =>
    paragraphs
      .filter((p) => kind === undefined || p.kind === kind)
      .reduce((sum, p) => sum + countWords(text.slice(p.start, p.end)), 0)
  if (words('prose') < 0.3 * words()) warnings.push(docWarnings.mostlyNonProse())
  return {
    format,
    text,
    paragraphs,
    pageCount: extraction.pageCount,
    metadata: extraction.metadata,
    warnings,
    ...(hidden.length > 0 ? { hidden } : {})
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return mb >= 1 ? `${Math.round(mb)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** Any thrown value to a coded error: our own failures, filesystem errors, else damaged data. */
function toInkprintError(error: unknown, format: DocFormat | null): InkprintError {
  if (error instanceof ExtractFailure) return error.toError()
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR') return failure('not-found', format).toError()
  if (code === 'EACCES' || code === 'EPERM') return failure('unreadable', format).toError()
  if (code === 'EISDIR') return failure('is-directory', format).toError()
  if (code === 'ELOOP' || code === 'EIO' || code === 'EBUSY') return failure('unreadable', format).toError()
  if (error instanceof RangeError) return failure('corrupt', format).toError()
  return failure('internal', format).toError()
}
