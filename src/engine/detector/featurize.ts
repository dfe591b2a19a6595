/**
 * The detector's featurizer: the single source of truth for training and inference.
 *
 * Spec (version FEATURIZER_VERSION):
 * - input: normalised text (see normalise.ts); lower-cased per UTF-16 unit where that keeps the length;
 * - char n-grams: n = 3..5 over code points, spanning spaces; index = FNV-1a-32(UTF-8('c' + gram)) mod 2^20;
 * - word n-grams: tokens are letter/digit runs (with inner apostrophes) or single punctuation marks;
 *   unigram index = FNV-1a-32(UTF-8('w' + tok)), bigram = FNV-1a-32(UTF-8('b' + tok1 + ' ' + tok2)), mod 2^20;
 * - value per bucket = 1 + ln(count), then the hashed block is L2-normalised;
 * - skeleton view (version 2): the same word tokens with every word outside a closed list of function words
 *   replaced by its shape (`*`, `*ing`, `*ed`, `*ly`, `*s`, `*tion`, `#` for numbers), punctuation kept;
 *   skeleton 2- and 3-grams, index = 2^20 + (FNV-1a-32(UTF-8('s' + grams joined by ' ')) mod 2^18), value
 *   1 + ln(count), this block L2-normalised on its own. It carries sentence shape without topic words, so
 *   the model can lean on how a text is built rather than on what it is about;
 * - style features (style.ts) follow at indices 2^20 + 2^18 + j with their raw (scaled) values; the trained
 *   model folds their standardisation into its weights.
 * Indices are returned sorted ascending, unique.
 */
import { FNV_OFFSET, fnv1a, fnvByte, fnvCodePoint } from './hash'
import { NORMALISER_VERSION } from './normalise'
import { STYLE_FEATURES, styleFeatures, type StyleValues } from './style'

export const FEATURIZER_VERSION = 2
export const HASH_BITS = 20
export const HASH_SIZE = 1 << HASH_BITS
export const SKELETON_BITS = 18
export const SKELETON_SIZE = 1 << SKELETON_BITS
/** First index after the hashed n-gram blocks: style features start here. */
export const STYLE_OFFSET = HASH_SIZE + SKELETON_SIZE
export const INPUT_DIM = STYLE_OFFSET + STYLE_FEATURES.length
const MASK = HASH_SIZE - 1
const SKELETON_MASK = SKELETON_SIZE - 1
const CHAR_MIN = 3
const CHAR_MAX = 5

export const FEATURIZER_CONFIG = {
  version: FEATURIZER_VERSION,
  normaliserVersion: NORMALISER_VERSION,
  hash: 'FNV-1a 32-bit over UTF-8, mod 2^hashBits',
  hashBits: HASH_BITS,
  charNgrams: [CHAR_MIN, CHAR_MAX],
  wordNgrams: [1, 2],
  prefixes: { char: 'c', word: 'w', bigram: 'b', skeleton: 's' },
  skeletonBits: SKELETON_BITS,
  skeletonNgrams: [2, 3],
  skeletonOffset: HASH_SIZE,
  value: '1 + ln(count); n-gram block and skeleton block each L2-normalised',
  styleOffset: STYLE_OFFSET,
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
  // Skeleton tokens of the last two words: [shape, start] pairs.
  let s1: { shape: string; start: number } | null = null
  let s2: { shape: string; start: number } | null = null
  for (const m of lower.matchAll(TOKEN)) {
    const tok = m[0]
    const start = m.index
    const end = start + tok.length
    emit((fnv1a('w' + tok) & MASK) >>> 0, start, end)
    if (prev) emit((fnv1a('b' + prev.tok + ' ' + tok) & MASK) >>> 0, prev.start, end)
    prev = { tok, start }
    const shape = skeletonToken(tok)
    if (s1) emit(HASH_SIZE + ((fnv1a('s' + s1.shape + ' ' + shape) & SKELETON_MASK) >>> 0), s1.start, end)
    if (s1 && s2)
      emit(
        HASH_SIZE + ((fnv1a('s' + s2.shape + ' ' + s1.shape + ' ' + shape) & SKELETON_MASK) >>> 0),
        s2.start,
        end
      )
    s2 = s1
    s1 = { shape, start }
  }
}

/** A token's skeleton form: function words and punctuation stay, other words keep only their shape. */
export function skeletonToken(tok: string): string {
  if (FUNCTION_WORDS.has(tok) || !/[\p{L}\p{N}]/u.test(tok)) return tok
  if (/^[\p{N}][\p{N},.]*$/u.test(tok)) return '#'
  if (tok.length > 4) {
    if (tok.endsWith('ing')) return '*ing'
    if (tok.endsWith('ly')) return '*ly'
    if (tok.endsWith('ed')) return '*ed'
    if (tok.endsWith('tion') || tok.endsWith('sion')) return '*tion'
    if (tok.endsWith('ment') || tok.endsWith('ness') || tok.endsWith('ity')) return '*ness'
    if (tok.endsWith('ive') || tok.endsWith('ous') || tok.endsWith('ful') || tok.endsWith('able'))
      return '*ful'
    if (tok.endsWith('s') && !tok.endsWith('ss')) return '*s'
  }
  return '*'
}

/** Closed-class English words (pronouns, determiners, prepositions, conjunctions, auxiliaries, modals,
 *  frequent adverbs and discourse words): what stays visible in the skeleton view. */
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those some any no every each either neither all both few many much more most ' +
    'other another such what which who whom whose whatever whichever whoever ' +
    'i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her ' +
    'hers herself it its itself they them their theirs themselves one ones ' +
    "i'm i've i'd i'll we're we've we'd we'll you're you've you'd you'll he's she's it's they're they've they'd " +
    "they'll that's there's what's let's " +
    'be am is are was were been being have has had having do does did doing done ' +
    'can could may might must shall should will would ought ' +
    "can't couldn't don't doesn't didn't won't wouldn't isn't aren't wasn't weren't hasn't haven't hadn't " +
    "shouldn't mustn't " +
    'and or but nor so yet for because although though while whereas if unless until since as than whether ' +
    'when where why how whenever wherever ' +
    'of in on at by to from with without within into onto upon about above below over under between among ' +
    'through throughout during before after against around along across behind beyond beside besides near ' +
    'toward towards via per despite except inside outside off out up down ' +
    'not never also too very really quite just only even still already always often sometimes usually ' +
    'perhaps maybe probably certainly actually basically literally honestly definitely especially ' +
    'however therefore thus moreover furthermore additionally consequently overall ultimately instead ' +
    'indeed meanwhile otherwise hence finally firstly secondly lastly first second third then now here there ' +
    'again once ever yes like well so-called etc ' +
    'important crucial essential significant various numerous key overall'
  ).split(' ')
)

/** Hashed counts → sorted sparse vector with 1+ln(tf) and L2 normalisation, plus style features. */
export function featurize(normalisedText: string): Featurized {
  const counts = new Map<number, number>()
  forEachNgram(normalisedText, (bucket) => counts.set(bucket, (counts.get(bucket) ?? 0) + 1))
  const buckets = [...counts.keys()].sort((a, b) => a - b)
  const style = styleFeatures(normalisedText)
  const n = buckets.length + STYLE_FEATURES.length
  const indices = new Int32Array(n)
  const values = new Float32Array(n)
  // Two blocks, each L2-normalised on its own: n-grams [0, 2^20) and skeleton grams [2^20, STYLE_OFFSET).
  const raw = new Float64Array(buckets.length)
  let sumSqGrams = 0
  let sumSqSkeleton = 0
  buckets.forEach((b, k) => {
    const v = 1 + Math.log(counts.get(b) ?? 1)
    raw[k] = v
    if (b < HASH_SIZE) sumSqGrams += v * v
    else sumSqSkeleton += v * v
  })
  const normGrams = sumSqGrams > 0 ? Math.sqrt(sumSqGrams) : 1
  const normSkeleton = sumSqSkeleton > 0 ? Math.sqrt(sumSqSkeleton) : 1
  buckets.forEach((b, k) => {
    indices[k] = b
    values[k] = (raw[k] ?? 0) / (b < HASH_SIZE ? normGrams : normSkeleton)
  })
  STYLE_FEATURES.forEach((name, j) => {
    indices[buckets.length + j] = STYLE_OFFSET + j
    values[buckets.length + j] = style[name]
  })
  const wordCount = (normalisedText.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []).length
  return { vector: { indices, values }, style, words: wordCount }
}
