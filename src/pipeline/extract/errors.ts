/**
 * Extraction failures are data. Inside the extractors a failure is thrown as `ExtractFailure` (so deep
 * parsers can bail out in one line) and `extractBuffer` turns it into `{ ok: false, error }`.
 * Messages are written for a teacher: what is wrong with the file, and what to do about it.
 */
import type { DocFormat, ErrorCode, InkprintError } from '../../shared/types'

export class ExtractFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ExtractFailure'
  }

  toError(): InkprintError {
    return { code: this.code, message: this.message }
  }
}

const FORMAT_LABELS: Record<DocFormat, string> = {
  pdf: 'PDF',
  docx: 'Word document (DOCX)',
  odt: 'OpenDocument text file (ODT)',
  rtf: 'RTF document',
  txt: 'text file',
  md: 'Markdown file',
  html: 'web page (HTML)',
  image: 'image'
}

/** Human name of a format; `null` when not known yet (e.g. before the file could be read). */
export function formatLabel(format: DocFormat | null): string {
  return format ? FORMAT_LABELS[format] : 'file'
}

export const SUPPORTED_FORMATS_SENTENCE =
  'Inkprint reads PDF, Word (DOCX), OpenDocument (ODT), RTF, plain text, Markdown and web page (HTML) files, and ZIP archives of them.'

export function failure(code: ErrorCode, format: DocFormat | null, detail?: string): ExtractFailure {
  const label = formatLabel(format)
  const messages: Record<ErrorCode, string> = {
    'not-found': `This ${label} could not be found. It may have been moved, renamed or deleted.`,
    unreadable: `Inkprint could not read this ${label}: the computer refused access. Check that you have permission to open it and that it is not on a disconnected drive.`,
    'is-directory': 'This is a folder, not a file. Choose the essays inside it, or check the whole folder.',
    'too-large': `This ${label} is larger than ${detail ?? 'the size limit'}, the most Inkprint reads. Save a smaller copy (for example without images) and check it again.`,
    empty: `This ${label} is empty: it contains no text to check.`,
    corrupt: `This ${label} is damaged or incomplete and cannot be read. Ask the student for a fresh copy.`,
    encrypted: `This ${label} is password-protected. Ask for a copy without a password and check that instead.`,
    scanned: 'This PDF has no text layer — it looks scanned; Inkprint cannot read scanned pages.',
    undecodable: `The text in this ${label} could not be decoded: its fonts do not say which letters their characters stand for, so the text comes out as symbols. Export it to PDF again from the word processor, or check the original document instead.`,
    'unsupported-type': `Inkprint cannot read this kind of file${detail ? ` (${detail})` : ''}. ${SUPPORTED_FORMATS_SENTENCE}`,
    'zip-bomb': `This ${label} would expand to an unreasonable size when opened, so Inkprint did not open it. It may be damaged or deliberately malformed.`,
    'unsafe-archive': `This archive contains entries whose names point outside it (such as "../" or absolute paths), so Inkprint did not open it. Archives downloaded from a learning platform never do this; ask for a fresh download.`,
    'xml-entities': `This ${label} contains XML entity definitions, which ordinary documents never use, so Inkprint did not open it.`,
    'too-complex': `This ${label} is too complex (too deeply nested or too large) to read safely. Ask for a copy saved again from a word processor.`,
    timeout: `Reading this ${label} took too long, so Inkprint stopped. It may be very large or damaged.`,
    cancelled: `Checking was cancelled before this ${label} was read.`,
    internal: `Inkprint could not read this ${label} because of an internal problem. Please report it with the file if you can.`
  }
  return new ExtractFailure(code, messages[code])
}

export function throwIfAborted(signal: AbortSignal | undefined, format: DocFormat | null): void {
  if (signal?.aborted) throw failure('cancelled', format)
}
