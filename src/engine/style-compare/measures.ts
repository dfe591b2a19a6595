/**
 * From counts to the numbers a comparison uses: named scalar measures (each with words a teacher reads) and the
 * difference vector between a questioned text and a student's known writing. Pure.
 */
import { FUNCTION_WORDS, HABITS, PUNCTUATION, SUFFIX_CLASSES, type StyleCounts } from './features'

export interface MeasureDef {
  key: string
  /** Plural noun phrase, e.g. "sentence length (words per sentence)". */
  label: string
  /** How the value is shown: per 100 words, words, letters or a ratio. */
  unit: 'per100' | 'words' | 'letters' | 'share' | 'ratio' | 'sentences'
  value: (c: StyleCounts) => number | null
}

const per100 = (n: number, c: StyleCounts): number | null => (c.words > 0 ? (100 * n) / c.words : null)

export const MEASURES: readonly MeasureDef[] = [
  {
    key: 'sentenceLength',
    label: 'average sentence length',
    unit: 'words',
    value: (c) => (c.sentences > 0 ? c.words / c.sentences : null)
  },
  {
    key: 'sentenceSpread',
    label: 'variation of sentence length',
    unit: 'ratio',
    value: (c) => {
      if (c.sentences < 2 || c.words === 0) return null
      const mean = c.words / c.sentences
      return Math.sqrt(Math.max(0, c.sentenceLengthSq / c.sentences - mean * mean)) / mean
    }
  },
  {
    key: 'paragraphLength',
    label: 'sentences per paragraph',
    unit: 'sentences',
    value: (c) => (c.paragraphs > 0 ? c.sentences / c.paragraphs : null)
  },
  {
    key: 'wordLength',
    label: 'average word length',
    unit: 'letters',
    value: (c) => (c.words > 0 ? c.letters / c.words : null)
  },
  {
    key: 'longWords',
    label: 'long words (7+ letters)',
    unit: 'per100',
    value: (c) => per100(c.longWords, c)
  },
  {
    key: 'shortWords',
    label: 'short words (1–3 letters)',
    unit: 'per100',
    value: (c) => per100(c.shortWords, c)
  },
  {
    key: 'vocabularyVariety',
    label: 'vocabulary variety (different words per 50)',
    unit: 'share',
    value: (c) => (c.ttrWindows > 0 ? c.ttrSum / c.ttrWindows : null)
  },
  {
    key: 'functionWords',
    label: 'function words (the, of, and, …)',
    unit: 'per100',
    value: (c) =>
      per100(
        c.functionWords.reduce((a, b) => a + b, 0),
        c
      )
  },
  ...PUNCTUATION.map((p, i): MeasureDef => ({
    key: `punct.${p.key}`,
    label: p.label,
    unit: 'per100',
    value: (c) => per100(c.punct[i], c)
  })),
  ...HABITS.map((h, i): MeasureDef => ({
    key: `habit.${h.key}`,
    label: h.label,
    unit: 'per100',
    value: (c) => per100(c.habits[i], c)
  })),
  ...SUFFIX_CLASSES.map((s, i): MeasureDef => ({
    key: `suffix.${s.key}`,
    label: s.label,
    unit: 'per100',
    value: (c) => per100(c.suffixes[i], c)
  }))
]

/** Profile distances that are not one measure: function-word use, skeleton n-grams, punctuation mix. */
export const PROFILE_DISTANCES = [
  'functionWordDelta',
  'functionWordCosine',
  'skeletonCosine',
  'punctuationCosine'
] as const

/** Names of the difference vector's entries, in order. */
export const DIFFERENCE_NAMES: readonly string[] = [...MEASURES.map((m) => m.key), ...PROFILE_DISTANCES]

/** Variance-stabilised value used for comparing (square root of rates, log of lengths). */
export function transformed(m: MeasureDef, v: number): number {
  if (m.unit === 'per100') return Math.sqrt(Math.max(0, v))
  if (m.unit === 'words' || m.unit === 'sentences' || m.unit === 'letters') return Math.log(Math.max(v, 1e-6))
  return v
}

export function measureValues(c: StyleCounts): (number | null)[] {
  return MEASURES.map((m) => m.value(c))
}

function sqrtRates(counts: readonly number[], total: number): number[] {
  return counts.map((n) => (total > 0 ? Math.sqrt(n / total) : 0))
}

function cosineDistance(a: readonly number[], b: readonly number[]): number {
  let ab = 0
  let aa = 0
  let bb = 0
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i]
    aa += a[i] * a[i]
    bb += b[i] * b[i]
  }
  if (aa === 0 || bb === 0) return 1
  return 1 - ab / Math.sqrt(aa * bb)
}

/** Reference spreads (over many student texts) that make differences comparable across measures. */
export interface StyleReference {
  /** Standard deviation of each measure's transformed value, in MEASURES order. */
  measureSd: number[]
  /** Standard deviation of each function word's square-root rate, in FUNCTION_WORDS order. */
  functionWordSd: number[]
}

/**
 * Per-measure absolute differences in reference standard deviations, then the four profile distances. A
 * measure that one side cannot have (one sentence only, under 50 words) contributes 0.
 */
export function differenceVector(q: StyleCounts, k: StyleCounts, ref: StyleReference): number[] {
  const out: number[] = []
  MEASURES.forEach((m, i) => {
    const a = m.value(q)
    const b = m.value(k)
    const sd = ref.measureSd[i] || 1
    out.push(a === null || b === null ? 0 : Math.abs(transformed(m, a) - transformed(m, b)) / sd)
  })
  const fq = sqrtRates(q.functionWords, q.words)
  const fk = sqrtRates(k.functionWords, k.words)
  let delta = 0
  for (let i = 0; i < FUNCTION_WORDS.length; i++)
    delta += Math.abs(fq[i] - fk[i]) / (ref.functionWordSd[i] || 1)
  out.push(delta / FUNCTION_WORDS.length)
  out.push(cosineDistance(fq, fk))
  const sq = q.skeleton.reduce((a, b) => a + b, 0)
  const sk = k.skeleton.reduce((a, b) => a + b, 0)
  out.push(cosineDistance(sqrtRates(q.skeleton, sq), sqrtRates(k.skeleton, sk)))
  out.push(cosineDistance(sqrtRates(q.punct, q.words), sqrtRates(k.punct, k.words)))
  return out
}
