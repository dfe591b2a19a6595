/**
 * The text passage by passage, shaded by likelihood. Each band has a border style and a text marker as
 * well as a colour, and each passage carries its label, probability, interval and explanation.
 */
import type { Attribution, DocumentResult, Passage, PassageLabel, PassageScore } from '../../shared/types'
import { evidence, markup, nothing, type SafeHtml } from './html'
import { formatPercent, PASSAGE_LABEL_WORDS } from './wording'

type Band = 'ai' | 'uncertain' | 'human' | 'neutral'

const BAND: Record<PassageLabel, Band> = {
  'likely-ai': 'ai',
  uncertain: 'uncertain',
  'likely-human': 'human',
  'too-short': 'neutral',
  'not-scored': 'neutral'
}
export const BAND_MARKER: Record<Band, string> = { ai: '▲', uncertain: '◆', human: '●', neutral: '○' }

/** How strongly to tint inside a band: 1 (near a coin flip) to 4 (confident). */
function intensity(p: number | null): number {
  if (p === null) return 1
  return Math.min(4, 1 + Math.floor(Math.abs(p - 0.5) * 8))
}

export function passageTag(passage: Passage, score: PassageScore | undefined): string {
  const where = [`Passage ${passage.index + 1}`]
  if (passage.page !== null) where.push(`page ${passage.page}`)
  if (passage.kind !== 'prose') where.push(passage.kind)
  where.push(passage.words === 1 ? '1 word' : `${passage.words} words`)
  if (passage.ocrConfidence !== undefined)
    where.push(`read by OCR, ${Math.round(passage.ocrConfidence)}% confidence`)
  const label = passage.ocrUnreliable
    ? 'Could not read reliably'
    : score
      ? PASSAGE_LABEL_WORDS[score.label]
      : 'Not scored'
  const band = score ? BAND[score.label] : 'neutral'
  let prob = ''
  if (score && score.aiProbability !== null) {
    const interval = score.interval
      ? ` (90% interval ${formatPercent(score.interval[0])}–${formatPercent(score.interval[1])})`
      : ''
    prob = ` · AI probability ${formatPercent(score.aiProbability)}${interval}`
  }
  return `${BAND_MARKER[band]} ${label}${prob} · ${where.join(' · ')}`
}

/** Marks the phrases that pushed the score inside the passage text; overlapping phrases keep the first. */
function markedText(text: string, passage: Passage, score: PassageScore | undefined): SafeHtml {
  const marks: (Attribution & { dir: 'ai' | 'human' })[] = []
  if (score?.explanation) {
    for (const a of score.explanation.towardsAi) marks.push({ ...a, dir: 'ai' })
    for (const a of score.explanation.towardsHuman) marks.push({ ...a, dir: 'human' })
  }
  const inside = marks
    .filter((m) => m.start >= passage.start && m.end <= passage.end && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const parts: SafeHtml[] = []
  let at = passage.start
  for (const m of inside) {
    if (m.start < at) continue
    parts.push(evidence(text.slice(at, m.start)))
    const title = m.dir === 'ai' ? 'pushes towards AI' : 'pushes towards human'
    parts.push(
      markup`<mark class="to-${m.dir}" title="${title}">${evidence(text.slice(m.start, m.end))}</mark>`
    )
    at = m.end
  }
  parts.push(evidence(text.slice(at, passage.end)))
  return markup`${parts}`
}

function phraseList(items: Attribution[]): SafeHtml {
  const top = [...items].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, 8)
  return markup`${top.map((a, i) => markup`${i > 0 ? ', ' : ''}“${evidence(a.phrase)}” <span class="muted">(${a.weight >= 0 ? '+' : ''}${a.weight.toFixed(2)})</span>`)}`
}

function explanation(score: PassageScore | undefined): SafeHtml {
  const e = score?.explanation
  if (!e) return nothing
  const rows: SafeHtml[] = []
  if (e.towardsAi.length > 0)
    rows.push(markup`<li><b>Phrases towards AI</b> (solid underline): ${phraseList(e.towardsAi)}</li>`)
  if (e.towardsHuman.length > 0) {
    rows.push(markup`<li><b>Phrases towards human</b> (dotted underline): ${phraseList(e.towardsHuman)}</li>`)
  }
  for (const s of e.style) {
    rows.push(
      markup`<li><b>Style (${s.direction === 'ai' ? 'towards AI' : 'towards human'}):</b> ${s.text}</li>`
    )
  }
  return rows.length > 0 ? markup`<div class="explain"><ul>${rows}</ul></div>` : nothing
}

export function passagesSection(result: DocumentResult): SafeHtml {
  const legend = markup`<div class="legend">
<span class="band-ai">${BAND_MARKER.ai} Reads like AI</span>
<span class="band-uncertain">${BAND_MARKER.uncertain} Uncertain</span>
<span class="band-human">${BAND_MARKER.human} Reads like human</span>
<span class="band-neutral">${BAND_MARKER.neutral} Not scored / too short</span></div>`
  const noText = result.text === undefined
  const items = result.passages.map((p) => {
    const band = p.score ? BAND[p.score.label] : 'neutral'
    const body = noText
      ? markup`<div class="muted small">Text not included in this result (the CLI adds it with --include-text).</div>`
      : markup`<div class="text">${markedText(result.text ?? '', p, p.score)}</div>`
    return markup`<div class="passage band-${band} i${intensity(p.score?.aiProbability ?? null)}">
<div class="tag">${passageTag(p, p.score)}</div>${body}${explanation(p.score)}</div>`
  })
  const note = result.detector
    ? markup`<p class="muted small">Probabilities are calibrated estimates with their 90% interval. Underlined phrases are the ones that moved the score most; they are signals, not findings.</p>`
    : markup`<p class="muted small">The detector was not run, so passages are shown without scores.</p>`
  return markup`<section><h2>The text, passage by passage</h2>${note}${result.detector ? legend : nothing}${items}</section>`
}
