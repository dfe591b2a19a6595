/**
 * Pure scoring of one document: normalise → featurize → (injected linear scorer, i.e. the ONNX session)
 * → calibrate → label → explain → HMM segmentation → document verdict at the chosen operating point.
 * The scorer is injected so this module stays free of onnxruntime and can be tested with any backend.
 */
import type { DetectorSummary, Passage, PassageScore } from '../../shared/types'
import { calibrate, passageLabel } from './calibrate'
import { decideVerdict } from './verdict'
import type { OperatingPointName } from '../../shared/operating-points'
import { humanRate, operatingPoint, type DetectorCard } from './card'
import { characterContributions, styleObservations, topPhrases } from './explain'
import { featurize, type SparseVector } from './featurize'
import { checkLanguage, isSupportedLanguage, looksLikeCodeOrMaths } from './language'
import { normalise } from './normalise'
import { runsOf, viterbiSegments } from './segment'

export type { OperatingPointName }

export interface LinearOutput {
  logit: number
  /** contrib[j] = weight[indices[j]] · values[j] */
  contrib: Float32Array
}

export type LinearScorer = (vector: SparseVector) => Promise<LinearOutput>

export interface ScoreOptions {
  operatingPoint: OperatingPointName
}

export interface DocumentScore {
  passages: PassageScore[]
  summary: DetectorSummary
}

// Quotes, references, headings, lists, tables and code are not the student's running prose: not scored.
const SCORED_KINDS = new Set(['prose'])

function emptyScore(label: PassageScore['label']): PassageScore {
  return { aiProbability: null, interval: null, label, explanation: null, segment: null }
}

async function scorePassage(
  scorer: LinearScorer,
  card: DetectorCard,
  text: string,
  passage: Passage
): Promise<PassageScore> {
  if (!SCORED_KINDS.has(passage.kind)) return emptyScore('not-scored')
  const norm = normalise(text.slice(passage.start, passage.end))
  const f = featurize(norm.text)
  if (f.words < card.tooShortWords) return emptyScore('too-short')
  const out = await scorer(f.vector)
  const cal = calibrate(out.logit, card.calibration.passage)
  const perChar = characterContributions(norm.text, f.vector, out.contrib)
  const phrases = topPhrases(norm, perChar, text, passage.start)
  return {
    aiProbability: cal.probability,
    interval: cal.interval,
    label: passageLabel(cal.probability, card),
    explanation: { ...phrases, style: styleObservations(f.style, card) },
    segment: null
  }
}

export async function scoreDocumentWith(
  scorer: LinearScorer,
  card: DetectorCard,
  text: string,
  passages: Passage[],
  opts: ScoreOptions
): Promise<DocumentScore> {
  const op = operatingPoint(card, opts.operatingPoint)
  const model = { name: card.name, version: card.version, sha256: card.sha256 }
  const prose = passages.filter((p) => SCORED_KINDS.has(p.kind))
  const docText = prose.length > 0 ? prose.map((p) => text.slice(p.start, p.end)).join('\n') : text
  const docNorm = normalise(docText)
  const summaryBase = { model, operatingPoint: op, segments: [] as DetectorSummary['segments'] }

  const lang = checkLanguage(docNorm.text)
  if (!isSupportedLanguage(lang, card.language.minStopwordRatio, card.language.minWords)) {
    return {
      passages: passages.map(() => emptyScore('not-scored')),
      summary: { ...summaryBase, aiProbability: null, verdict: 'unsupported-language', aiShare: null }
    }
  }

  if (looksLikeCodeOrMaths(docText)) {
    return {
      passages: passages.map(() => emptyScore('not-scored')),
      summary: { ...summaryBase, aiProbability: null, verdict: 'not-prose', aiShare: null }
    }
  }

  const scored: PassageScore[] = []
  for (const p of passages) scored.push(await scorePassage(scorer, card, text, p))

  // Segmentation over prose passages; too-short ones are neutral evidence, non-prose is skipped.
  const seqIdx = passages.map((p, i) => (SCORED_KINDS.has(p.kind) ? i : -1)).filter((i) => i >= 0)
  const states = viterbiSegments(
    seqIdx.map((i) => scored[i]?.aiProbability ?? null),
    card.segmentation.switchProbability
  )
  seqIdx.forEach((i, k) => {
    const s = scored[i]
    if (s && s.aiProbability !== null) s.segment = states[k] ?? null
  })
  // "Passages 3–5 read like AI" only where every passage of the run is itself labelled "reads like AI":
  // the smoothed path never names a passage whose own label says otherwise.
  const agreed = states.map((st, k) => {
    const label = scored[seqIdx[k] ?? -1]?.label
    if (st === 'ai') return label === 'likely-ai' ? 'ai' : null
    return st
  })
  const segments = runsOf(
    agreed,
    seqIdx.map((i) => passages[i]?.index ?? i)
  )

  let aiChars = 0
  let scoredChars = 0
  passages.forEach((p, i) => {
    const s = scored[i]
    if (!s || s.aiProbability === null) return
    scoredChars += p.end - p.start
    if (s.label === 'likely-ai') aiChars += p.end - p.start
  })
  const aiShare = scoredChars > 0 ? aiChars / scoredChars : null

  const docFeatures = featurize(docNorm.text)
  if (docFeatures.words < card.tooShortWords) {
    return {
      passages: scored,
      summary: { ...summaryBase, segments, aiProbability: null, verdict: 'too-short', aiShare }
    }
  }
  const docOut = await scorer(docFeatures.vector)
  const docProb = calibrate(docOut.logit, card.calibration.document).probability
  // Under the card's limited-evidence length the score is shown but no verdict is given.
  const limited = docFeatures.words < (card.limitedEvidenceWords ?? 0)
  return {
    passages: scored,
    summary: {
      ...summaryBase,
      segments,
      aiProbability: docProb,
      humanRate: humanRate(card, docOut.logit),
      assumedAiShare: card.calibration.assumedAiShare ?? 0.5,
      verdict: limited
        ? 'limited-evidence'
        : decideVerdict({
            probability: docProb,
            threshold: op.threshold,
            uncertainFloor: card.uncertainFloor
          }),
      aiShare
    }
  }
}
