/**
 * Cuts the document text into what the document view renders: passages and the gaps between them, and inside a
 * passage, runs that carry a fingerprint marker or a watermark token colour. Offsets always index `result.text`,
 * so what is shown is exactly what was scored.
 */
import type { Fingerprint, Passage, PassageScore, WatermarkTokenFlag } from '../../../../shared/types'

export type ScoredPassage = Passage & { score?: PassageScore }

export type DocumentBlock =
  | { kind: 'gap'; start: number; end: number }
  | { kind: 'passage'; start: number; end: number; passage: ScoredPassage }

export type TokenColour = 'green' | 'red' | 'unscored'

export interface TextRun {
  start: number
  end: number
  fingerprint: Fingerprint | null
  token: TokenColour | null
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
  flags: WatermarkTokenFlag[] | null
): TextRun[] {
  const located = fingerprints.filter(
    (f): f is Fingerprint & { start: number; end: number } =>
      f.start !== null && f.end !== null && f.end > start && f.start < end
  )
  const tokens = (flags ?? []).filter((f) => f.end > start && f.start < end && f.end > f.start)
  const cuts = new Set<number>([start, end])
  for (const f of located) cuts.add(Math.max(start, f.start)).add(Math.min(end, f.end))
  for (const t of tokens) cuts.add(Math.max(start, t.start)).add(Math.min(end, t.end))
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
    const previous = runs[runs.length - 1]
    // Merge neighbours with identical decoration so plain text stays one DOM node.
    if (previous && previous.fingerprint === fingerprint && previous.token === covering && !covering) {
      previous.end = b
    } else {
      runs.push({ start: a, end: b, fingerprint, token: covering })
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
