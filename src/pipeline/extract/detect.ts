/**
 * Format detection: magic bytes first, the extension only for formats without a signature (TXT, Markdown).
 * A ".docx" that is really a PDF is read as a PDF; an executable renamed ".txt" is refused.
 */
import type { DocFormat } from '../../shared/types'
import { failure } from './errors'
import { SafeZip } from './zip'

export type Detection = { format: DocFormat }

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
  // PDF readers accept the header anywhere in the first KiB (some files have a junk prefix).
  if (asciiHead(buf, 1024).includes('%PDF-')) return { format: 'pdf' }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return { format: detectZipFormat(buf, byExtension) }
  if (/^\s*\{\\rtf/.test(asciiHead(buf, 16))) return { format: 'rtf' }
  if (startsWith(buf, OLE)) {
    // Word encrypts a password-protected .docx into an OLE container ("EncryptedPackage").
    if (byExtension === 'docx' && containsUtf16(buf, 'EncryptedPackage')) throw failure('encrypted', 'docx')
    throw failure('unsupported-type', byExtension, 'an old-style Office file; save it as .docx and try again')
  }
  const binary = KNOWN_BINARIES.find((b) => startsWith(buf, b.magic))
  if (binary) throw failure('unsupported-type', null, binary.what)
  if (byExtension === 'md' || byExtension === 'txt' || byExtension === 'html') return { format: byExtension }
  // A .pdf/.docx/.odt/.rtf without its signature is a damaged (or mislabelled) file.
  if (byExtension !== null) throw failure('corrupt', byExtension)
  throw failure(
    'unsupported-type',
    null,
    extensionOf(fileName) ? `.${extensionOf(fileName)}` : 'no file extension'
  )
}

function detectZipFormat(buf: Uint8Array, byExtension: DocFormat | null): DocFormat {
  const zip = new SafeZip(buf, byExtension === 'odt' ? 'odt' : 'docx')
  const names = new Set(zip.names())
  if (names.has('word/document.xml')) return 'docx'
  if (names.has('mimetype') && names.has('content.xml')) {
    const mime = (zip.readText('mimetype', 200) ?? '').trim()
    if (mime === ODT_MIME) return 'odt'
    throw failure('unsupported-type', null, `an OpenDocument file of another kind (${mime || 'unknown'})`)
  }
  if (names.has('xl/workbook.xml')) throw failure('unsupported-type', null, 'an Excel spreadsheet')
  if (names.has('ppt/presentation.xml')) throw failure('unsupported-type', null, 'a PowerPoint presentation')
  if (byExtension === 'docx' || byExtension === 'odt') throw failure('corrupt', byExtension)
  throw failure('unsupported-type', null, 'a ZIP archive')
}

function containsUtf16(buf: Uint8Array, needle: string): boolean {
  const pattern = Buffer.from(needle, 'utf16le')
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).includes(pattern)
}
