/**
 * The tokenizer contract the watermark runner needs. Tokenization is part of the key: every detector
 * re-tokenizes the text with the generator's tokenizer, with no special tokens (research §1.5).
 * Implementations live on the Node side (src/pipeline/tokenizers.ts); this file stays pure.
 */

export interface TokenEncoding {
  ids: number[]
  /** [start, end) UTF-16 offsets into the encoded text, one pair per id. */
  offsets: [number, number][]
}

export interface Tokenizer {
  readonly id: string
  /** Size of the tokenizer's own vocabulary (may differ from a profile's V, e.g. OPT 50265 vs 50272). */
  readonly vocabSize: number
  encode(text: string): TokenEncoding
}

export interface TokenizerRegistry {
  get(id: string): Tokenizer | undefined
  /** Why a tokenizer is not available (shown to the teacher), when known. */
  unavailableReason?(id: string): string | undefined
}

/** UTF-8 length of the code point starting at UTF-16 index i (lone surrogates encode as U+FFFD: 3 bytes). */
function utf8Length(text: string, i: number): { bytes: number; units: number } {
  const c = text.charCodeAt(i)
  if (c < 0x80) return { bytes: 1, units: 1 }
  if (c < 0x800) return { bytes: 2, units: 1 }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) return { bytes: 4, units: 2 }
  }
  return { bytes: 3, units: 1 }
}

/**
 * Character offsets for a byte-level tokenizer: tokens are consecutive UTF-8 byte runs of `encodedText`, so
 * walking their byte lengths gives each token's span. A token that ends inside a multi-byte character gets the
 * whole character (approximate, as the flag type says). `shift` maps encodedText offsets back to the caller's
 * text (e.g. −1 for SentencePiece's added leading space). Returns null if the lengths do not add up.
 */
export function offsetsFromByteLengths(
  encodedText: string,
  tokenByteLengths: readonly number[],
  shift = 0,
  textLength = encodedText.length + shift
): [number, number][] | null {
  // per byte: the UTF-16 start and end of the character that byte belongs to
  const charStart: number[] = []
  const charEnd: number[] = []
  for (let i = 0; i < encodedText.length;) {
    const { bytes, units } = utf8Length(encodedText, i)
    for (let b = 0; b < bytes; b++) {
      charStart.push(i)
      charEnd.push(i + units)
    }
    i += units
  }
  const total = tokenByteLengths.reduce((a, b) => a + b, 0)
  if (total !== charStart.length) return null
  const clamp = (x: number): number => Math.min(textLength, Math.max(0, x + shift))
  const out: [number, number][] = []
  let byte = 0
  for (const length of tokenByteLengths) {
    if (length === 0) {
      const at = byte < charStart.length ? charStart[byte] : encodedText.length
      out.push([clamp(at), clamp(at)])
      continue
    }
    out.push([clamp(charStart[byte]), clamp(charEnd[byte + length - 1])])
    byte += length
  }
  return out
}
