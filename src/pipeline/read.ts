/**
 * Reading one document for a check, whatever its shape: a file, a path through a ZIP archive (./archive), and
 * pages that only exist as images: photos and scans (PNG, JPEG, TIFF…) and PDF pages without a text layer,
 * read with the offline OCR engine (./ocr), reporting progress page by page.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { InkprintError } from '../shared/types'
import { DEFAULT_ARCHIVE_LIMITS, locateArchiveMember, readArchiveMember } from './archive'
import { archiveFailure } from './archive/errors'
import {
  DEFAULT_MAX_BYTES,
  extractBuffer,
  extractFile,
  ExtractFailure,
  type ExtractOptions,
  type ExtractOutcome
} from './extract'
import { failure } from './extract/errors'
import { extractImage, extractScannedPdf, imageInfo, needsPdfOcr, type OcrOptions } from './ocr'

export type ReadOptions = ExtractOptions & Pick<OcrOptions, 'onProgress' | 'engine'>

export async function readDocument(path: string, opts: ReadOptions = {}): Promise<ExtractOutcome> {
  const t0 = performance.now()
  const member = await locateArchiveMember(path).catch(() => null)
  if (member) {
    let bytes: Uint8Array
    try {
      bytes = await readArchiveMember(
        member.archive,
        member.inner,
        { ...DEFAULT_ARCHIVE_LIMITS, maxMemberBytes: opts.maxBytes ?? DEFAULT_ARCHIVE_LIMITS.maxMemberBytes },
        opts.signal
      )
    } catch (error) {
      return {
        ok: false,
        error: archiveError(error),
        sizeBytes: null,
        sha256: null,
        readMs: performance.now() - t0
      }
    }
    const readMs = performance.now() - t0
    return { ...(await extractBytes(bytes, basename(path), opts)), readMs }
  }
  const outcome = await extractFile(path, opts)
  // Images are refused by the document readers ("a PNG image"); scanned PDFs end in 'scanned' or a warning.
  const maybeImage = !outcome.ok && outcome.error.code === 'unsupported-type'
  if (!maybeImage && !needsPdfOcr(outcome)) return outcome
  let bytes: Uint8Array
  try {
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
    // Only regular files: reading a FIFO or a device would wait forever.
    const info = await stat(path)
    if (!info.isFile() || info.size > maxBytes) return outcome
    bytes = new Uint8Array(await readFile(path, { flag: 'r' }))
  } catch {
    return outcome
  }
  if (maybeImage && imageInfoSafe(bytes) === null) return outcome
  return { ...(await extractBytes(bytes, basename(path), opts, outcome)), readMs: outcome.readMs }
}

function imageInfoSafe(bytes: Uint8Array): ReturnType<typeof imageInfo> | 'refused' {
  try {
    return imageInfo(bytes)
  } catch {
    return 'refused'
  }
}

/** Bytes → document: images and scanned PDF pages through OCR, everything else through the extractors. */
async function extractBytes(
  bytes: Uint8Array,
  fileName: string,
  opts: ReadOptions,
  known?: ExtractOutcome
): Promise<ExtractOutcome> {
  const sizeBytes = bytes.length
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  try {
    const image = imageInfo(bytes)
    if (image) return { ok: true, doc: await extractImage(bytes, image, opts), sizeBytes, sha256 }
  } catch (error) {
    return { ok: false, error: toError(error, opts.signal), sizeBytes, sha256 }
  }
  const outcome = known ?? (await extractBuffer(bytes, fileName, opts))
  if (!needsPdfOcr(outcome)) return outcome
  try {
    const doc = await extractScannedPdf(bytes, outcome.ok ? outcome.doc : null, opts)
    return { ok: true, doc, sizeBytes, sha256 }
  } catch (error) {
    return { ok: false, error: toError(error, opts.signal), sizeBytes, sha256 }
  }
}

function toError(error: unknown, signal?: AbortSignal): InkprintError {
  if (signal?.aborted) return failure('cancelled', null).toError()
  if (error instanceof ExtractFailure) return error.toError()
  return failure('internal', null).toError()
}

function archiveError(error: unknown): InkprintError {
  if (error instanceof ExtractFailure) return error.toError()
  if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') return archiveFailure('not-found').toError()
  return archiveFailure('corrupt').toError()
}
