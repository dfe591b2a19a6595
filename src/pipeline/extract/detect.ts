/**
 * Format detection: magic bytes first, the extension only for formats without a signature (TXT, Markdown).
 * A ".docx" that is really a PDF is read as a PDF; an executable renamed ".txt" is refused.
 *
 * A file named as text (.txt, .md, .html) is trusted as text whenever its content is plausible text: an essay
 * may quote "%PDF-" or start with "MZ", "{\rtf" or "PK". Only a real mismatch overrides the name (issue 17.13):
 * a complete PDF, ZIP-based document or RTF named ".txt" is read as what it is, with a note saying so, and
 * binary data named ".txt" is refused with a message saying what it actually is.
 */
import type { DocFormat } from '../../shared/types'
import { failure, formatLabel } from './errors'
import { decodeText } from './text'
import { SafeZip } from './zip'

export type Detection = {
  format: DocFormat
  /** Set when the content overrode the file's extension: what the file actually is, for a warning. */
  mismatch?: string
}

const ODT_MIME = 'application/vnd.oasis.opendocument.text'

/** Signatures of common non-document files, for a clearer "cannot read this kind of file" message. */
const KNOWN_BINARIES: { magic: number[]; what: string }[] = [
  { magic: [0x4d, 0x5a], what: 'a program file' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'a program file' },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], what: 'a program file' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { magic: [0x1f, 0x8b], what: 'a compressed archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: 'a compressed archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a compressed archive' },
  { magic: [0x25, 0x21, 0x50, 0x53], what: 'a PostScript file' }
]

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName)
  return m ? (m[1] as string).toLowerCase() : ''
}

export function formatFromExtension(fileName: string): DocFormat | null {
  const ext = extensionOf(fileName)
  if (ext === 'pdf' || ext === 'docx' || ext === 'odt' || ext === 'rtf') return ext
  if (ext === 'md' || ext === 'markdown') return 'md'
  if (ext === 'txt' || ext === 'text') return 'txt'
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html'
  return null
}

function startsWith(buf: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => buf[at + i] === b)
}

function asciiHead(buf: Uint8Array, n: number): string {
  return String.fromCharCode(...buf.subarray(0, Math.min(n, buf.length)))
}

export function detectFormat(buf: Uint8Array, fileName: string): Detection {
  const byExtension = formatFromExtension(fileName)
  if (byExtension === 'md' || byExtension === 'txt' || byExtension === 'html')
    return detectNamedText(buf, fileName, byExtension)
  // PDF readers accept the header anywhere in the first KiB (some files have a junk prefix).
  if (asciiHead(buf, 1024).includes('%PDF-')) return { format: 'pdf' }
  if (startsWith(buf, ZIP)) return { format: detectZipFormat(buf, byExtension) }
  if (/^\s*\{\\rtf/.test(asciiHead(buf, 16))) return { format: 'rtf' }
  refuseKnownBinary(buf, byExtension)
  // A .pdf/.docx/.odt/.rtf without its signature is a damaged (or mislabelled) file.
  if (byExtension !== null) throw failure('corrupt', byExtension)
  throw failure(
    'unsupported-type',
    null,
    extensionOf(fileName) ? `.${extensionOf(fileName)}` : 'no file extension'
  )
}

const ZIP = [0x50, 0x4b, 0x03, 0x04]

/**
 * A file whose name says text. Its content decides only when it is clearly something else: a PDF with the
 * structure of one, a ZIP archive with a readable directory, a whole RTF document, or binary data.
 */
function detectNamedText(buf: Uint8Array, fileName: string, named: 'txt' | 'md' | 'html'): Detection {
  const actually = (format: DocFormat): Detection => ({
    format,
    mismatch: `This .${extensionOf(fileName)} file is actually ${withArticle(formatLabel(format))}; Inkprint read it as one.`
  })
  if (isPdfStructure(buf)) return actually('pdf')
  const prefix = `this .${extensionOf(fileName)} file is actually `
  if (startsWith(buf, ZIP) && isZipArchive(buf)) return actually(detectZipFormat(buf, null, prefix))
  const text = plausibleText(buf, named)
  // Binary with a PDF or RTF signature: read as that format (a damaged one is then reported as such).
  if (!text && asciiHead(buf, 1024).includes('%PDF-')) return actually('pdf')
  if (!text && /^\s*\{\\rtf/.test(asciiHead(buf, 16))) return actually('rtf')
  if (text && isWholeRtf(buf)) return actually('rtf')
  if (!text) {
    refuseKnownBinary(buf, named, prefix)
    throw failure('unsupported-type', null, `${prefix}binary data, not text`)
  }
  return { format: named }
}

function withArticle(label: string): string {
  return /^[AEIOU]/i.test(label) && !/^(?:one|uni)/i.test(label) ? `an ${label}` : `a ${label}`
}

/** "%PDF-" in the first KiB is not enough (an essay may quote it): a PDF also has objects and a trailer. */
function isPdfStructure(buf: Uint8Array): boolean {
  if (!asciiHead(buf, 1024).includes('%PDF-')) return false
  const head = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  const tail = head.subarray(Math.max(0, buf.length - 4096)).toString('latin1')
  return (
    /\d+\s+\d+\s+obj\b/.test(head.subarray(0, 65536).toString('latin1')) &&
    /startxref|%%EOF|trailer/.test(tail)
  )
}

/** A ZIP archive is real when its central directory can be read. */
function isZipArchive(buf: Uint8Array): boolean {
  try {
    new SafeZip(buf, null)
    return true
  } catch {
    return false
  }
}

/** A whole RTF document: "{\rtf1" with control words, and the closing brace at the very end. */
function isWholeRtf(buf: Uint8Array): boolean {
  if (!/^\s*\{\\rtf1?[\\{\s]/.test(asciiHead(buf, 16))) return false
  const tail = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
    .subarray(Math.max(0, buf.length - 64))
    .toString('latin1')
    .trimEnd()
  return tail.endsWith('}')
}

/** The first 64 KiB decode as text without control characters (the text reader's own test). */
function plausibleText(buf: Uint8Array, format: 'txt' | 'md' | 'html'): boolean {
  try {
    decodeText(buf.subarray(0, 65536), format)
    return true
  } catch {
    return false
  }
}

function refuseKnownBinary(buf: Uint8Array, byExtension: DocFormat | null, prefix = ''): void {
  if (startsWith(buf, OLE)) {
    // Word encrypts a password-protected .docx into an OLE container ("EncryptedPackage").
    if (byExtension === 'docx' && containsUtf16(buf, 'EncryptedPackage')) throw failure('encrypted', 'docx')
    throw failure(
      'unsupported-type',
      byExtension,
      `${prefix}an old-style Office file; save it as .docx and try again`
    )
  }
  const binary = KNOWN_BINARIES.find((b) => startsWith(buf, b.magic))
  if (binary) throw failure('unsupported-type', null, `${prefix}${binary.what}`)
}

function detectZipFormat(buf: Uint8Array, byExtension: DocFormat | null, prefix = ''): DocFormat {
  const zip = new SafeZip(buf, byExtension === 'odt' ? 'odt' : 'docx')
  const names = new Set(zip.names())
  if (names.has('word/document.xml')) return 'docx'
  if (names.has('mimetype') && names.has('content.xml')) {
    const mime = (zip.readText('mimetype', 200) ?? '').trim()
    if (mime === ODT_MIME) return 'odt'
    throw failure(
      'unsupported-type',
      null,
      `${prefix}an OpenDocument file of another kind (${mime || 'unknown'})`
    )
  }
  if (names.has('xl/workbook.xml')) throw failure('unsupported-type', null, `${prefix}an Excel spreadsheet`)
  if (names.has('ppt/presentation.xml'))
    throw failure('unsupported-type', null, `${prefix}a PowerPoint presentation`)
  if (byExtension === 'docx' || byExtension === 'odt') throw failure('corrupt', byExtension)
  throw failure('unsupported-type', null, `${prefix}a ZIP archive`)
}

function containsUtf16(buf: Uint8Array, needle: string): boolean {
  const pattern = Buffer.from(needle, 'utf16le')
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).includes(pattern)
}
