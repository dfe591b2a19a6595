/**
 * Exact explanations for the linear model. The ONNX graph returns contrib[j] = w[idx_j]·val_j; the
 * hashed part of the logit is Σ contrib over hashed features. Each n-gram bucket's contribution is split
 * equally over its occurrences, and each occurrence's share equally over the characters it covers, so
 * the per-character contributions sum exactly to the hashed part of the logit. Words (and the space after
 * them) collect their characters' mass; adjacent words pushing the same way form phrases.
 */
import type { Attribution, StyleObservation } from '../../shared/types'
import type { DetectorCard } from './card'
import { forEachNgram, STYLE_OFFSET, type SparseVector } from './featurize'
import { toOriginalSpan, type NormalisedText } from './normalise'
import { STYLE_FEATURES, type StyleFeatureName, type StyleValues } from './style'

const MAX_PHRASE_WORDS = 4
const TOP_PHRASES = 5

/** Per-character contributions over the normalised text (hashed features only). */
export function characterContributions(
  text: string,
  vector: SparseVector,
  contrib: Float32Array
): Float64Array {
  const byBucket = new Map<number, number>()
  vector.indices.forEach((idx, j) => {
    if (idx < STYLE_OFFSET) byBucket.set(idx, contrib[j] ?? 0)
  })
  const occurrences = new Map<number, number>()
  forEachNgram(text, (b) => occurrences.set(b, (occurrences.get(b) ?? 0) + 1))
  const perChar = new Float64Array(text.length)
  forEachNgram(text, (b, start, end) => {
    const share = (byBucket.get(b) ?? 0) / (occurrences.get(b) ?? 1) / Math.max(1, end - start)
    for (let k = start; k < end; k++) perChar[k] = (perChar[k] ?? 0) + share
  })
  return perChar
}

interface WordScore {
  start: number
  end: number
  weight: number
}

function wordScores(text: string, perChar: Float64Array): WordScore[] {
  const out: WordScore[] = []
  const re = /\S+/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    const start = m.index
    const end = start + m[0].length
    let weight = 0
    const stop = end < text.length ? end + 1 : end // the following space belongs to this word
    for (let k = start; k < stop; k++) weight += perChar[k] ?? 0
    out.push({ start, end, weight })
  }
  return out
}

/** Top phrases towards AI and towards human, with offsets into the ORIGINAL document text. */
export function topPhrases(
  norm: NormalisedText,
  perChar: Float64Array,
  original: string,
  passageStart: number
): { towardsAi: Attribution[]; towardsHuman: Attribution[] } {
  const ws = wordScores(norm.text, perChar)
  const phrases: WordScore[] = []
  let current: WordScore | null = null
  let count = 0
  for (const w of ws) {
    const sameSign = current !== null && Math.sign(current.weight) === Math.sign(w.weight)
    if (current && sameSign && count < MAX_PHRASE_WORDS) {
      current.end = w.end
      current.weight += w.weight
      count++
    } else {
      if (current) phrases.push(current)
      current = { ...w }
      count = 1
    }
  }
  if (current) phrases.push(current)
  const toAttribution = (p: WordScore): Attribution => {
    const [s, e] = toOriginalSpan(norm, p.start, p.end)
    const start = passageStart + s
    const end = passageStart + e
    return { start, end, phrase: original.slice(start, end), weight: p.weight }
  }
  const ai = phrases.filter((p) => p.weight > 0).sort((a, b) => b.weight - a.weight)
  const human = phrases.filter((p) => p.weight < 0).sort((a, b) => a.weight - b.weight)
  return {
    towardsAi: ai.slice(0, TOP_PHRASES).map(toAttribution),
    towardsHuman: human.slice(0, TOP_PHRASES).map(toAttribution)
  }
}

const STYLE_WORDS: Record<StyleFeatureName, [lower: string, higher: string]> = {
  sentenceLengthMean: ['Sentences are shorter', 'Sentences are longer'],
  sentenceLengthCv: ['Sentence lengths vary less', 'Sentence lengths vary more'],
  typeTokenRatio: ['Vocabulary repeats more', 'Vocabulary is more varied'],
  wordLengthMean: ['Words are shorter', 'Words are longer'],
  commaRate: ['There are fewer commas', 'There are more commas'],
  semicolonColonRate: ['There are fewer semicolons and colons', 'There are more semicolons and colons'],
  questionExclamationRate: [
    'There are fewer questions and exclamations',
    'There are more questions and exclamations'
  ],
  parenthesisDashRate: ['There are fewer dashes and brackets', 'There are more dashes and brackets'],
  contractionRate: ["Contractions (don't, it's) are rarer", "Contractions (don't, it's) are more frequent"],
  firstPersonRate: ['"I"/"me"/"my" appear less often', '"I"/"me"/"my" appear more often'],
  secondPersonRate: ['"You" appears less often', '"You" appears more often'],
  discourseMarkerRate: [
    'Transition words (moreover, additionally, overall) are rarer',
    'Transition words (moreover, additionally, overall) are more frequent'
  ],
  longWordShare: ['Long words are rarer', 'Long words are more frequent'],
  digitRate: ['Numbers are rarer', 'Numbers are more frequent'],
  quoteRate: ['Quotation marks are rarer', 'Quotation marks are more frequent']
}

/** Plain-language style notes: features far from human student essays that also move the score. */
export function styleObservations(style: StyleValues, card: DetectorCard, limit = 3): StyleObservation[] {
  const notes: { obs: StyleObservation; strength: number }[] = []
  for (const name of STYLE_FEATURES) {
    const ref = card.styleReference[name]
    if (!ref) continue
    const z = (style[name] - ref.humanMean) / ref.humanStd
    const push = ref.weight * (style[name] - ref.humanMean)
    if (Math.abs(z) < 1 || Math.abs(push) < 0.05) continue
    const [lower, higher] = STYLE_WORDS[name]
    const degree = Math.abs(z) >= 2 ? ' much' : ''
    const base = z < 0 ? lower : higher
    const text = `${base.replace(/ (less|more|shorter|longer|rarer|fewer)/, (_m, w: string) => `${w === 'fewer' && degree ? ' far' : degree} ${w}`)} than in typical student essays`
    notes.push({
      obs: { feature: name, text, direction: push > 0 ? 'ai' : 'human' },
      strength: Math.abs(push)
    })
  }
  return notes
    .sort((a, b) => b.strength - a.strength)
    .slice(0, limit)
    .map((n) => n.obs)
}
