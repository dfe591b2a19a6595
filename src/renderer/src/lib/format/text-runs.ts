/**
 * Cuts the document text into what the document view renders: passages and the gaps between them, and inside a
 * passage, runs that carry a fingerprint marker or a watermark token colour. Offsets always index `result.text`,
 * so what is shown is exactly what was scored.
 */
import type { Fingerprint, Passage, PassageScore, WatermarkTokenFlag } from '../../../../shared/types'
import { splitSentences } from '../../../../engine/text/sentences'

export type ScoredPassage = Passage & { score?: PassageScore }

export type DocumentBlock =
  | { kind: 'gap'; start: number; end: number }
  | { kind: 'passage'; start: number; end: number; passage: ScoredPassage }

export type TokenColour = 'green' | 'red' | 'unscored'

export type Lean = 'ai' | 'human'

/** A stretch of text with a direction: a phrase that pushed the score, or a sentence that leans one way. */
export interface LeanSpan {
  start: number
  end: number
  lean: Lean
}

export interface TextRun {
  start: number
  end: number
  fingerprint: Fingerprint | null
  token: TokenColour | null
  /** A phrase that pushed the passage's score towards AI or towards human (underlined in the text). */
  phrase?: Lean | null
  /** The sentence this run is in leans towards AI (shaded inside a long passage). */
  sentence?: Lean | null
}

/** Phrases underlined in the text, per direction and passage (the strongest). */
export const MAX_PHRASES_EACH_WAY = 4

/** Passages at least this long show which of their sentences carry the phrases that pushed the score. */
export const SENTENCE_SHADING_WORDS = 80

/** The phrases that pushed a passage's score, as spans inside it (overlaps keep the first, strongest). */
export function phraseSpans(passage: ScoredPassage): LeanSpan[] {
  const e = passage.score?.explanation
  if (!e) return []
  const all = [
    ...e.towardsAi.map((a) => ({ start: a.start, end: a.end, lean: 'ai' as const, w: Math.abs(a.weight) })),
    ...e.towardsHuman.map((a) => ({
      start: a.start,
      end: a.end,
      lean: 'human' as const,
      w: Math.abs(a.weight)
    }))
  ].filter((a) => a.start >= passage.start && a.end <= passage.end && a.end > a.start)
  all.sort((a, b) => b.w - a.w)
  const kept: LeanSpan[] = []
  const perLean = { ai: 0, human: 0 }
  for (const a of all) {
    // The strongest few each way: underlining every small push would bury the ones that matter.
    if (perLean[a.lean] >= MAX_PHRASES_EACH_WAY) continue
    if (kept.some((k) => a.start < k.end && k.start < a.end)) continue
    kept.push({ start: a.start, end: a.end, lean: a.lean })
    perLean[a.lean]++
  }
  return kept.sort((a, b) => a.start - b.start)
}

/**
 * Inside a long passage, the sentences where the phrases pushing towards AI outweigh those pushing towards
 * human (by the detector's own attribution weights). Short passages are one unit already: none.
 */
export function leaningSentences(text: string, passage: ScoredPassage): LeanSpan[] {
  const e = passage.score?.explanation
  // A passage that reads like human writing as a whole is not picked apart sentence by sentence.
  if (!e || passage.words < SENTENCE_SHADING_WORDS || passage.score?.label === 'likely-human') return []
  const body = text.slice(passage.start, passage.end)
  const sentences = splitSentences(body).map(([a, b]) => [a + passage.start, b + passage.start] as const)
  if (sentences.length < 2) return []
  const out: LeanSpan[] = []
  for (const [start, end] of sentences) {
    let net = 0
    for (const a of e.towardsAi) if (a.start >= start && a.start < end) net += Math.abs(a.weight)
    for (const a of e.towardsHuman) if (a.start >= start && a.start < end) net -= Math.abs(a.weight)
    if (net > 0) out.push({ start, end, lean: 'ai' })
  }
  return out
}

/** Passages in text order with the uncovered stretches between them (headings, blank lines) as gaps. */
export function toBlocks(textLength: number, passages: ScoredPassage[]): DocumentBlock[] {
  const sorted = [...passages].sort((a, b) => a.start - b.start)
  const blocks: DocumentBlock[] = []
  let cursor = 0
  for (const passage of sorted) {
    const start = Math.max(cursor, Math.min(passage.start, textLength))
    const end = Math.max(start, Math.min(passage.end, textLength))
    if (start > cursor) blocks.push({ kind: 'gap', start: cursor, end: start })
    blocks.push({ kind: 'passage', start, end, passage })
    cursor = end
  }
  if (cursor < textLength) blocks.push({ kind: 'gap', start: cursor, end: textLength })
  return blocks
}

/** SynthID flags carry a mean g-value in [0,1]; above one half leans towards the watermark. */
export function tokenColour(value: number | null): TokenColour {
  if (value === null) return 'unscored'
  return value >= 0.5 ? 'green' : 'red'
}

/**
 * Splits [start, end) at every fingerprint and token boundary. `flags` must be sorted by start (the engine emits
 * them in text order); fingerprints are few, so they are scanned directly.
 */
export function splitRuns(
  start: number,
  end: number,
  fingerprints: Fingerprint[],
  flags: WatermarkTokenFlag[] | null,
  phrases: LeanSpan[] = [],
  sentences: LeanSpan[] = []
): TextRun[] {
  const located = fingerprints.filter(
    (f): f is Fingerprint & { start: number; end: number } =>
      f.start !== null && f.end !== null && f.end > start && f.start < end
  )
  const tokens = (flags ?? []).filter((f) => f.end > start && f.start < end && f.end > f.start)
  const cuts = new Set<number>([start, end])
  for (const f of located) cuts.add(Math.max(start, f.start)).add(Math.min(end, f.end))
  for (const t of tokens) cuts.add(Math.max(start, t.start)).add(Math.min(end, t.end))
  const spans = [...phrases, ...sentences].filter((x) => x.end > start && x.start < end)
  for (const x of spans) cuts.add(Math.max(start, x.start)).add(Math.min(end, x.end))
  const points = [...cuts].sort((a, b) => a - b)

  const runs: TextRun[] = []
  let tokenIndex = 0
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]
    const b = points[i + 1]
    while (tokenIndex < tokens.length && tokens[tokenIndex].end <= a) tokenIndex++
    const token = tokens[tokenIndex]
    const covering = token && token.start <= a && token.end >= b ? tokenColour(token.value) : null
    const fingerprint = located.find((f) => f.start <= a && f.end >= b) ?? null
    const phrase = phrases.find((x) => x.start <= a && x.end >= b)?.lean ?? null
    const sentence = sentences.find((x) => x.start <= a && x.end >= b)?.lean ?? null
    const previous = runs[runs.length - 1]
    // Merge neighbours with identical decoration so plain text stays one DOM node.
    if (
      previous &&
      previous.fingerprint === fingerprint &&
      previous.token === covering &&
      !covering &&
      (previous.phrase ?? null) === phrase &&
      (previous.sentence ?? null) === sentence
    ) {
      previous.end = b
    } else {
      const run: TextRun = { start: a, end: b, fingerprint, token: covering }
      if (phrase) run.phrase = phrase
      if (sentence) run.sentence = sentence
      runs.push(run)
    }
  }
  // A zero-width fingerprint (e.g. an empty range) still gets a marker at its position.
  for (const f of located) {
    if (f.start === f.end) runs.push({ start: f.start, end: f.end, fingerprint: f, token: null })
  }
  return runs.sort((x, y) => x.start - y.start || x.end - y.end)
}

/** Makes invisible characters visible in marked runs: U+200B → "⟨U+200B⟩". */
export function revealInvisible(segment: string): string {
  return segment.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u{E0000}-\u{E007F}]/gu, (ch) => {
    const code = ch.codePointAt(0) ?? 0
    return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`
  })
}
