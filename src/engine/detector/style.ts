/**
 * Stylometric features computed on normalised text. Values are scaled to roughly 0..3 so that the
 * training side can standardise them; names are stable because the model card refers to them.
 * Deliberately NOT included: text length and spelling-error rates (shortcuts that punish short or
 * non-native writing), line-break structure (a dataset formatting artefact).
 */

export const STYLE_FEATURES = [
  'sentenceLengthMean',
  'sentenceLengthCv',
  'typeTokenRatio',
  'wordLengthMean',
  'commaRate',
  'semicolonColonRate',
  'questionExclamationRate',
  'parenthesisDashRate',
  'contractionRate',
  'firstPersonRate',
  'secondPersonRate',
  'discourseMarkerRate',
  'longWordShare',
  'digitRate',
  'quoteRate'
] as const

export type StyleFeatureName = (typeof STYLE_FEATURES)[number]
export type StyleValues = Record<StyleFeatureName, number>

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu
const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"])
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', "you're", "you've", "you'll"])
/** Transition words that chat models over-use in essays. */
const DISCOURSE = new Set([
  'additionally',
  'furthermore',
  'moreover',
  'overall',
  'ultimately',
  'consequently',
  'however',
  'thus',
  'therefore',
  'conclusion',
  'crucial',
  'essential',
  'significant',
  'significantly',
  'various',
  'foster',
  'fostering',
  'enhance',
  'ensure',
  'potential',
  'vital',
  'numerous',
  'landscape',
  'delve'
])

export function words(text: string): string[] {
  return text.match(WORD) ?? []
}

/** Sentences end at . ! ? runs followed by a space (text is whitespace-collapsed already). */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = []
  const re = /[.!?]+["')\]]*(?= |$)/g
  let start = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length
    if (text.slice(start, end).trim().length > 0) spans.push([start, end])
    start = end + 1
  }
  if (start < text.length && text.slice(start).trim().length > 0) spans.push([start, text.length])
  return spans
}

function movingTypeTokenRatio(tokens: string[], window: number): number {
  if (tokens.length === 0) return 0
  if (tokens.length <= window) return new Set(tokens).size / tokens.length
  let total = 0
  let count = 0
  const step = Math.max(1, Math.floor(window / 2))
  for (let i = 0; i + window <= tokens.length; i += step) {
    total += new Set(tokens.slice(i, i + window)).size / window
    count++
  }
  return total / count
}

function countChars(text: string, chars: string): number {
  let n = 0
  for (const ch of text) if (chars.includes(ch)) n++
  return n
}

export function styleFeatures(text: string): StyleValues {
  const tokens = words(text).map((w) => w.toLowerCase())
  const nWords = Math.max(1, tokens.length)
  const sentenceLengths = sentenceSpans(text)
    .map(([s, e]) => words(text.slice(s, e)).length)
    .filter((n) => n > 0)
  const nSent = Math.max(1, sentenceLengths.length)
  const mean = sentenceLengths.reduce((a, b) => a + b, 0) / nSent
  const variance = sentenceLengths.reduce((a, b) => a + (b - mean) ** 2, 0) / nSent
  const cv = mean > 0 ? Math.sqrt(variance) / mean : 0
  let letters = 0
  let long = 0
  let contractions = 0
  let first = 0
  let second = 0
  let discourse = 0
  let digits = 0
  for (const t of tokens) {
    letters += t.length
    if (t.length >= 7) long++
    if (t.includes("'")) contractions++
    if (FIRST_PERSON.has(t)) first++
    if (SECOND_PERSON.has(t)) second++
    if (DISCOURSE.has(t)) discourse++
    if (/\p{N}/u.test(t)) digits++
  }
  return {
    sentenceLengthMean: Math.min(mean, 100) / 25,
    sentenceLengthCv: Math.min(cv, 3),
    typeTokenRatio: movingTypeTokenRatio(tokens, 50),
    wordLengthMean: letters / nWords / 5,
    commaRate: (countChars(text, ',') / nWords) * 10,
    semicolonColonRate: Math.min(countChars(text, ';:') / nSent, 3),
    questionExclamationRate: Math.min(countChars(text, '?!') / nSent, 3),
    parenthesisDashRate: Math.min(countChars(text, '()-') / nSent, 3),
    contractionRate: (contractions / nWords) * 10,
    firstPersonRate: (first / nWords) * 10,
    secondPersonRate: (second / nWords) * 10,
    discourseMarkerRate: Math.min(discourse / nSent, 3),
    longWordShare: long / nWords,
    digitRate: (digits / nWords) * 10,
    quoteRate: Math.min(countChars(text, '"') / nSent, 3)
  }
}
