/**
 * How a teacher reads one result, shared by the app and the reports so that both say the same thing:
 * the one headline number ("about 1 in N human texts score this high"), when a text is too short for a verdict,
 * which fingerprints are copy-and-paste traces and which are only the file's history, and which passages read
 * like AI. Pure functions over a DocumentResult; no wording of verdicts lives here (see wording.ts).
 */
import type {
  DetectorSummary,
  DocumentResult,
  DocumentVerdict,
  Fingerprint,
  Passage,
  PassageScore,
  WatermarkTest
} from './types'
import { oneIn } from './wording'

/** Under this many scored words a document shows its score but no verdict ("limited evidence"). */
export const LIMITED_EVIDENCE_WORDS = 150

/** The detector's verdicts plus 'limited-evidence' (short texts), which newer detectors report themselves. */
export type ShownVerdict = DocumentVerdict | 'limited-evidence'

export const LIMITED_EVIDENCE_WORDS_TEXT = 'Limited evidence: too short for a verdict'

/** True when a score exists but the text is too short to judge on it (the detector said so, or under 150 words). */
export function isLimitedEvidence(result: Pick<DocumentResult, 'words' | 'detector' | 'status'>): boolean {
  const d = result.detector
  if (!d) return false
  if ((d.verdict as ShownVerdict) === 'limited-evidence') return true
  return result.status === 'ok' && d.aiProbability !== null && result.words < LIMITED_EVIDENCE_WORDS
}

/** The verdict a teacher is shown: a short text's verdict is withheld, whatever the detector returned. */
export function shownVerdict(
  result: Pick<DocumentResult, 'words' | 'detector' | 'status'>
): ShownVerdict | null {
  const d = result.detector
  if (!d) return null
  return isLimitedEvidence(result) ? 'limited-evidence' : d.verdict
}

/**
 * The headline number: "about 1 in 2,000 human texts score this high", or "fewer than 1 in 579 …" when no
 * human essay measured scored as high. Null when the detector did not give the rate (older models).
 */
export function describeHumanRate(summary: DetectorSummary | undefined): string | null {
  const hr = summary?.humanRate
  if (!hr || !(hr.n > 0)) return null
  if (hr.belowResolution || !(hr.rate > 0))
    return `fewer than 1 in ${Math.round(hr.n).toLocaleString('en-US')} human texts score this high`
  if (hr.rate >= 0.5) return 'about half of human texts or more score this high'
  return `about ${oneIn(hr.rate)} human texts score this high`
}

/** "AI probability 94%, assuming half of the texts checked are AI-written" — never read as "94% written by AI". */
export function describeAiProbability(summary: DetectorSummary | undefined, percent: string): string {
  const share = summary?.assumedAiShare ?? 0.5
  const assumed =
    share === 0.5
      ? 'assuming half of the texts checked are AI-written'
      : `assuming ${Math.round(share * 100)}% of the texts checked are AI-written`
  return `AI probability ${percent}, ${assumed}`
}

/** File history (editing time, revisions, sessions): process evidence, never a copy-and-paste fingerprint. */
export function isProcessEvidence(f: Fingerprint): boolean {
  return f.kind === 'metadata'
}

/** Copy-and-paste traces located in the text: invisible characters, chatbot links, leftover Markdown, … */
export function copyArtefacts(fingerprints: readonly Fingerprint[] | undefined): Fingerprint[] {
  return (fingerprints ?? []).filter((f) => !isProcessEvidence(f))
}

export function processNotes(fingerprints: readonly Fingerprint[] | undefined): Fingerprint[] {
  return (fingerprints ?? []).filter(isProcessEvidence)
}

/** Innocent explanations as one sentence list, each ending in exactly one full stop. */
export function innocentSentences(explanations: readonly string[]): string[] {
  return explanations
    .map((e) => {
      const t = e.trim().replace(/[.;,\s]+$/, '')
      return t ? `${t}.` : ''
    })
    .filter(Boolean)
}

/**
 * Runs of consecutive passages whose own label is "reads like AI" (never a smoothed segment that takes in an
 * uncertain neighbour), as 0-based [from, to] pairs in text order.
 */
export function aiPassageRuns(passages: readonly (Passage & { score?: PassageScore })[]): [number, number][] {
  const runs: [number, number][] = []
  const sorted = [...passages].sort((a, b) => a.index - b.index)
  for (const p of sorted) {
    if (p.score?.label !== 'likely-ai') continue
    const last = runs[runs.length - 1]
    if (last && last[1] === p.index - 1) last[1] = p.index
    else runs.push([p.index, p.index])
  }
  return runs
}

/** "Passage 3", "Passages 1–2, 5 and 7". */
export function describePassageRuns(runs: readonly [number, number][]): string {
  const parts = runs.map(([a, b]) => (a === b ? `${a + 1}` : `${a + 1}–${b + 1}`))
  const count = runs.reduce((n, [a, b]) => n + b - a + 1, 0)
  const list =
    parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
  return `${count === 1 ? 'Passage' : 'Passages'} ${list}`
}

export interface WatermarkOverview {
  /** Profiles whose test ran (scored). */
  tested: number
  /** Profiles that could not be tested here (tokenizer missing, too short, error). */
  notTestable: number
  detected: WatermarkTest[]
  /** "No known watermark found — 7 published keys tested; absence proves nothing". */
  line: string
}

export function watermarkOverview(tests: readonly WatermarkTest[]): WatermarkOverview {
  const tested = tests.filter((t) => t.status === 'scored').length
  const notTestable = tests.length - tested
  const detected = tests.filter((t) => t.detected)
  const published = tests.filter((t) => t.status === 'scored').every((t) => t.publicDefaultKey)
  const keys = `${tested} ${published && tested > 0 ? 'published ' : ''}${tested === 1 ? 'key' : 'keys'} tested`
  const skipped = notTestable > 0 ? `, ${notTestable} could not be tested here` : ''
  const line =
    detected.length > 0
      ? `Watermark found for ${detected.map((t) => `“${t.profileName}”`).join(', ')} — ${keys}${skipped}`
      : tested === 0
        ? `No watermark test could run on this text${skipped ? ` (${notTestable} ${notTestable === 1 ? 'key' : 'keys'} not testable here)` : ''}; absence proves nothing`
        : `No known watermark found — ${keys}${skipped}; absence proves nothing`
  return { tested, notTestable, detected, line }
}
