/**
 * The detector's featurizer: the single source of truth for training and inference.
 *
 * Spec (version FEATURIZER_VERSION):
 * - input: normalised text (see normalise.ts); lower-cased per UTF-16 unit where that keeps the length;
 * - char n-grams: n = 3..5 over code points, spanning spaces; index = FNV-1a-32(UTF-8('c' + gram)) mod 2^20;
 * - word n-grams: tokens are letter/digit runs (with inner apostrophes) or single punctuation marks;
 *   unigram index = FNV-1a-32(UTF-8('w' + tok)), bigram = FNV-1a-32(UTF-8('b' + tok1 + ' ' + tok2)), mod 2^20;
 * - value per bucket = 1 + ln(count), then the hashed block is L2-normalised;
 * - style features (style.ts) follow at indices 2^20 + j with their raw (scaled) values; the trained
 *   model folds their standardisation into its weights.
 * Indices are returned sorted ascending, unique.
 */
import { FNV_OFFSET, fnv1a, fnvByte, fnvCodePoint } from './hash'
import { STYLE_FEATURES, styleFeatures, type StyleValues } from './style'

export const FEATURIZER_VERSION = 1
export const HASH_BITS = 20
export const HASH_SIZE = 1 << HASH_BITS
export const INPUT_DIM = HASH_SIZE + STYLE_FEATURES.length
const MASK = HASH_SIZE - 1
const CHAR_MIN = 3
const CHAR_MAX = 5

export const FEATURIZER_CONFIG = {
  version: FEATURIZER_VERSION,
  hash: 'FNV-1a 32-bit over UTF-8, mod 2^hashBits',
  hashBits: HASH_BITS,
  charNgrams: [CHAR_MIN, CHAR_MAX],
  wordNgrams: [1, 2],
  prefixes: { char: 'c', word: 'w', bigram: 'b' },
  value: '1 + ln(count), hashed block L2-normalised',
  styleOffset: HASH_SIZE,
  styleFeatures: [...STYLE_FEATURES],
  inputDim: INPUT_DIM
} as const

export interface SparseVector {
  indices: Int32Array
  values: Float32Array
}

export interface Featurized {
  vector: SparseVector
  style: StyleValues
  words: number
}

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*|[.,;:!?"()]/gu

/** Length-preserving lower-casing, so normalised offsets stay valid. */
export function lowerKeepLength(text: string): string {
  let out = ''
  for (const ch of text) {
    const low = ch.toLowerCase()
    out += low.length === ch.length ? low : ch
  }
  return out
}

/** Calls `emit(bucket, start, end)` for every n-gram occurrence; spans are normalised UTF-16 offsets. */
export function forEachNgram(text: string, emit: (bucket: number, start: number, end: number) => void): void {
  const lower = lowerKeepLength(text)
  const cps: number[] = []
  const offs: number[] = []
  for (let i = 0; i < lower.length;) {
    const cp = lower.codePointAt(i) ?? 0
    cps.push(cp)
    offs.push(i)
    i += cp > 0xffff ? 2 : 1
  }
  offs.push(lower.length)
  const charTag = fnvByte(FNV_OFFSET, 0x63) // 'c'
  for (let i = 0; i + CHAR_MIN <= cps.length; i++) {
    let h = charTag
    for (let n = 1; n <= CHAR_MAX && i + n <= cps.length; n++) {
      h = fnvCodePoint(h, cps[i + n - 1] ?? 0)
      if (n >= CHAR_MIN) emit(h & MASK, offs[i] ?? 0, offs[i + n] ?? 0)
    }
  }
  let prev: { tok: string; start: number } | null = null
  for (const m of lower.matchAll(TOKEN)) {
    const tok = m[0]
    const start = m.index
    const end = start + tok.length
    emit((fnv1a('w' + tok) & MASK) >>> 0, start, end)
    if (prev) emit((fnv1a('b' + prev.tok + ' ' + tok) & MASK) >>> 0, prev.start, end)
    prev = { tok, start }
  }
}

/** Hashed counts → sorted sparse vector with 1+ln(tf) and L2 normalisation, plus style features. */
export function featurize(normalisedText: string): Featurized {
  const counts = new Map<number, number>()
  forEachNgram(normalisedText, (bucket) => counts.set(bucket, (counts.get(bucket) ?? 0) + 1))
  const buckets = [...counts.keys()].sort((a, b) => a - b)
  const style = styleFeatures(normalisedText)
  const n = buckets.length + STYLE_FEATURES.length
  const indices = new Int32Array(n)
  const values = new Float32Array(n)
  let sumSq = 0
  const raw = new Float64Array(buckets.length)
  buckets.forEach((b, k) => {
    const v = 1 + Math.log(counts.get(b) ?? 1)
    raw[k] = v
    sumSq += v * v
  })
  const norm = sumSq > 0 ? Math.sqrt(sumSq) : 1
  buckets.forEach((b, k) => {
    indices[k] = b
    values[k] = (raw[k] ?? 0) / norm
  })
  STYLE_FEATURES.forEach((name, j) => {
    indices[buckets.length + j] = HASH_SIZE + j
    values[buckets.length + j] = style[name]
  })
  const wordCount = (normalisedText.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []).length
  return { vector: { indices, values }, style, words: wordCount }
}
