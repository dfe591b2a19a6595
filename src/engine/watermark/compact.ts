/**
 * Bounds the work a tokenizer does on hostile text. Byte-level BPE merges each pre-token (a run of letters,
 * digits, symbols or whitespace) in time quadratic in its length: one 80,000-letter "word" takes seconds and a
 * 200,000-space run overflows gpt-tokenizer's stack. No language model writes such runs and they carry no
 * watermark evidence, so every run longer than MAX_RUN code units is cut to its first MAX_RUN before
 * tokenizing, and token offsets are mapped back to the original text. Ordinary prose is never changed.
 */
import type { TokenEncoding } from './tokenizer'

export const MAX_RUN = 100

const LONG_RUN = new RegExp(
  `\\p{L}{${MAX_RUN + 1},}|\\p{N}{${MAX_RUN + 1},}|[^\\s\\p{L}\\p{N}]{${MAX_RUN + 1},}|\\s{${MAX_RUN + 1},}`,
  'gu'
)

/** A stretch of the compact text copied from the original: compact [at, at+length) = original [from, …). */
interface Segment {
  at: number
  from: number
  length: number
}

export interface CompactText {
  /** The text handed to the tokenizer (identical to the input when nothing was cut). */
  text: string
  /** How many UTF-16 code units of the original were left out. */
  removed: number
  /** Maps token offsets in `text` back to the original text. */
  remap(encoding: TokenEncoding): TokenEncoding
}

/** Keeps the first MAX_RUN code units of a run, without splitting a surrogate pair. */
function keepLength(run: string): number {
  const c = run.charCodeAt(MAX_RUN - 1)
  return c >= 0xd800 && c <= 0xdbff ? MAX_RUN + 1 : MAX_RUN
}

export function compactForTokenizer(original: string): CompactText {
  const segments: Segment[] = []
  const parts: string[] = []
  let from = 0
  let at = 0
  for (const match of original.matchAll(LONG_RUN)) {
    const keepEnd = match.index + keepLength(match[0])
    segments.push({ at, from, length: keepEnd - from })
    parts.push(original.slice(from, keepEnd))
    at += keepEnd - from
    from = match.index + match[0].length
  }
  if (segments.length === 0) return { text: original, removed: 0, remap: (encoding) => encoding }
  segments.push({ at, from, length: original.length - from })
  parts.push(original.slice(from))
  const text = parts.join('')

  // Start offsets belong to the segment they begin in; end offsets to the segment they end in, so a token
  // that ends where a run was cut never stretches over the part that was left out.
  const toOriginal = (offset: number, isEnd: boolean): number => {
    let lo = 0
    let hi = segments.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      const s = segments[mid]
      if (isEnd ? s.at < offset : s.at <= offset) lo = mid
      else hi = mid - 1
    }
    const s = segments[lo]
    return s.from + Math.min(s.length, Math.max(0, offset - s.at))
  }
  return {
    text,
    removed: original.length - text.length,
    remap: (encoding) => ({
      ids: encoding.ids,
      offsets: encoding.offsets.map(([start, end]) => {
        const s = toOriginal(start, false)
        return [s, Math.max(s, toOriginal(end, true))]
      })
    })
  }
}
