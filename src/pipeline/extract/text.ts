/**
 * Plain-text decoding without mojibake: a BOM decides (UTF-8, UTF-16 LE/BE); else BOM-less UTF-16 is
 * recognised by its zero bytes; else strict UTF-8; else Windows-1252 (the usual encoding of old Windows
 * Notepad files), flagged 'encoding-guessed'. Binary data is refused rather than shown as garbage.
 */
import type { DocFormat, DocWarning } from '../../shared/types'
import { docWarnings } from './warnings'
import { decodeWindows1252 } from './cp1252'
import { failure } from './errors'
import { normaliseLineEndings, splitMarkdownBlocks, splitPlainTextBlocks } from '../../engine/text'
import type { FormatExtraction } from './types'
import { markdownBlocksWithoutHidden } from './markdownHidden'

export interface DecodedText {
  text: string
  warnings: DocWarning[]
}

export function decodeText(buf: Uint8Array, format: DocFormat): DecodedText {
  const warnings: DocWarning[] = []
  let text: string
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) text = decode('utf-8', buf.subarray(3), format)
  else if (buf[0] === 0xff && buf[1] === 0xfe) text = decode('utf-16le', buf.subarray(2), format)
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = decode('utf-16be', buf.subarray(2), format)
  else {
    const utf16 = guessBomlessUtf16(buf)
    if (utf16) {
      text = decode(utf16, buf, format)
      warnings.push(
        docWarnings.encodingGuessed(utf16 === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)')
      )
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf)
      } catch {
        const cjk = bomlessCjkUtf16(buf)
        if (cjk) {
          text = cjk.text
          warnings.push(
            docWarnings.encodingGuessed(
              cjk.encoding === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)'
            )
          )
          return finish(text, warnings)
        }
        const lossy = new TextDecoder('utf-8').decode(buf)
        if (mostlyValidUtf8(lossy)) {
          // A UTF-8 file with a few damaged bytes: re-reading it all as Windows-1252 would garble every accent.
          text = lossy
          warnings.push(docWarnings.encodingGuessed('UTF-8 (a few damaged characters could not be read)'))
        } else {
          text = decodeWindows1252(buf)
          warnings.push(docWarnings.encodingGuessed('Windows-1252 (Western European)'))
        }
      }
    }
  }
  return finish(text, warnings)
}

function finish(text: string, warnings: DocWarning[]): DecodedText {
  if (looksBinary(text)) throw failure('unsupported-type', null, 'binary data, not text')
  return { text: normaliseLineEndings(text), warnings }
}

/** Characters of Chinese, Japanese and Korean text, their punctuation, and line breaks. */
const CJK_TEXT = /[ \u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef\n\r\t]/g

/**
 * UTF-16 without a BOM whose text is Chinese, Japanese or Korean has no zero bytes to recognise it by
 * (issue 17.15); it is recognised by decoding: nearly every character then falls in the CJK ranges.
 */
function bomlessCjkUtf16(buf: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  if (buf.length < 8 || buf.length % 2 !== 0) return null
  const sample = buf.subarray(0, 8192)
  let best: { encoding: 'utf-16le' | 'utf-16be'; share: number } | null = null
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    let decoded: string
    try {
      decoded = new TextDecoder(encoding, { fatal: true }).decode(sample)
    } catch {
      continue
    }
    const share = (decoded.match(CJK_TEXT)?.length ?? 0) / Math.max(1, decoded.length)
    if (share >= 0.9 && (!best || share > best.share)) best = { encoding, share }
  }
  if (!best) return null
  try {
    return { text: new TextDecoder(best.encoding, { fatal: true }).decode(buf), encoding: best.encoding }
  } catch {
    return null
  }
}

function decode(encoding: string, bytes: Uint8Array, format: DocFormat): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw failure('corrupt', format)
  }
}

/** UTF-16 text of a Latin-script essay has a zero in every other byte. */
function guessBomlessUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length - (buf.length % 2), 4096)
  if (n < 4) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++
    if (buf[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > 0.4 * pairs && evenZero < 0.05 * pairs) return 'utf-16le'
  if (evenZero > 0.4 * pairs && oddZero < 0.05 * pairs) return 'utf-16be'
  return null
}

/** More correctly decoded non-ASCII characters than replacement characters. */
function mostlyValidUtf8(lossy: string): boolean {
  const bad = lossy.match(/\uFFFD/g)?.length ?? 0
  const good = lossy.match(/[^\p{ASCII}\uFFFD]/gu)?.length ?? 0
  return good > 2 * bad
}

/** Control characters (other than tab, newlines, form feed) or replacement characters in more than 1%. */
function looksBinary(text: string): boolean {
  if (text.length === 0) return false
  const sample = text.slice(0, 65536)
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const bad = sample.match(/[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0
  return bad > Math.max(1, sample.length * 0.01)
}

export function extractPlainText(buf: Uint8Array, format: 'txt' | 'md'): FormatExtraction {
  const { text, warnings } = decodeText(buf, format)
  const blocks =
    format === 'md' ? markdownBlocksWithoutHidden(text, splitMarkdownBlocks) : splitPlainTextBlocks(text)
  return { blocks, pageCount: null, metadata: {}, warnings }
}
