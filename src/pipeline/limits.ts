/**
 * Bounds that keep one document's cost linear and finite, whatever the file: a document longer than this is
 * reported as too long to check as one document (never a timeout or an out-of-memory halfway through), and a
 * PDF may not inflate to more than a fixed number of bytes.
 */
import type { InkprintError } from '../shared/types'

/** About 100 pages of prose; a long essay is 1,000–5,000 words. */
export const MAX_DOCUMENT_WORDS = 50_000
/** Characters of extracted text (about 100,000 words of ordinary prose). */
export const MAX_DOCUMENT_CHARACTERS = 600_000
/** Decompressed bytes of all a PDF's Flate streams together. */
export const MAX_PDF_DECODED_BYTES = 256 * 1024 * 1024

const grouped = (n: number): string => n.toLocaleString('en-US')

/** Words as the limit counts them: runs of non-space characters (one linear pass). */
export function countWords(text: string): number {
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)
    if (space) inWord = false
    else if (!inWord) {
      inWord = true
      words++
    }
  }
  return words
}

/** Null when the text is within the limits; otherwise the "too long" error for it. */
export function tooLongToCheck(text: string): InkprintError | null {
  const words = countWords(text)
  if (words <= MAX_DOCUMENT_WORDS && text.length <= MAX_DOCUMENT_CHARACTERS) return null
  const size = words > MAX_DOCUMENT_WORDS ? `${grouped(words)} words` : `${grouped(text.length)} characters`
  return {
    code: 'too-large',
    message: `This document is too long to check as one document: it has ${size}, and Inkprint checks up to ${grouped(MAX_DOCUMENT_WORDS)} words (${grouped(MAX_DOCUMENT_CHARACTERS)} characters) at a time. Check its chapters or parts as separate files.`
  }
}
