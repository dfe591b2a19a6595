/**
 * The text passage by passage, shaded by likelihood. Each band has a border style and a text marker as
 * well as a colour, and each passage carries its label, probability and range; the explanations follow the text.
 */
import type { Attribution, DocumentResult, Passage, PassageLabel, PassageScore } from '../../shared/types'
import { evidence, markup, nothing, type SafeHtml } from './html'
import { formatPercent } from './wording'
import { LEANS_AI_REASON, LEANS_AI_WORDS, passageLabelWords } from '../../shared/wording'

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
      ? passageLabelWords(score.label, score.aiProbability)
      : 'Not scored'
  const band = score ? BAND[score.label] : 'neutral'
  let prob = ''
  if (score && score.aiProbability !== null) {
    // A range whose ends round alike ("98%–98%") says nothing: leave it out.
    const [low, high] = score.interval ? score.interval.map((p) => formatPercent(p)) : ['', '']
    const interval = low !== high ? ` (likely ${low}–${high})` : ''
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

function phraseList(items: Attribution[], most: number): SafeHtml {
  const top = [...items].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, most)
  return markup`${top.map((a, i) => markup`${i > 0 ? ', ' : ''}“${evidence(a.phrase)}” <span class="muted">(${a.weight >= 0 ? '+' : ''}${a.weight.toFixed(2)})</span>`)}`
}

type StyleNote = NonNullable<PassageScore['explanation']>['style'][number]

const styleKey = (s: StyleNote): string => `${s.direction}:${s.text}`

function styleParts(notes: readonly StyleNote[]): SafeHtml[] {
  const parts: SafeHtml[] = []
  for (const direction of ['ai', 'human'] as const) {
    const said = notes
      .filter((s) => s.direction === direction)
      .map((s, i) =>
        s.text.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => (i > 0 ? c.toLowerCase() : c))
      )
    if (said.length > 0)
      parts.push(markup`<b>Style towards ${direction === 'ai' ? 'AI' : 'human'}:</b> ${said.join('; ')}.`)
  }
  return parts
}

/** One passage's reasons in a line or two: the strongest phrases each way and its own style notes. */
function explanation(
  passage: Passage,
  score: PassageScore | undefined,
  shared: ReadonlySet<string>
): SafeHtml {
  const e = score?.explanation
  if (!e) return nothing
  const parts: SafeHtml[] = []
  if (e.towardsAi.length > 0) parts.push(markup`<b>Towards AI:</b> ${phraseList(e.towardsAi, 3)}.`)
  if (e.towardsHuman.length > 0) parts.push(markup`<b>Towards human:</b> ${phraseList(e.towardsHuman, 3)}.`)
  parts.push(...styleParts(e.style.filter((s) => !shared.has(styleKey(s)))))
  if (parts.length === 0) return nothing
  const band = BAND[score.label]
  const label = `${BAND_MARKER[band]} Passage ${passage.index + 1} · ${passageLabelWords(score.label, score.aiProbability)}`
  return markup`<li class="band-${band}"><span class="why-tag">${label}</span> ${parts.map((p, i) => markup`${i > 0 ? ' ' : ''}${p}`)}</li>`
}

/**
 * Why each scored passage reads as it does, gathered after the text so the text itself stays on the first page.
 * Style notes every explained passage shares are said once, not once per passage. Nothing when no passage
 * carries an explanation.
 */
export function explanationsSection(result: DocumentResult): SafeHtml {
  const explained = result.passages.filter((p) => p.score?.explanation)
  const styles = explained.map((p) => new Set((p.score?.explanation?.style ?? []).map(styleKey)))
  const shared = new Set(
    explained.length > 1 ? [...styles[0]].filter((k) => styles.every((set) => set.has(k))) : []
  )
  const common = (explained[0]?.score?.explanation?.style ?? []).filter((s) => shared.has(styleKey(s)))
  const items = result.passages.map((p) => explanation(p, p.score, shared)).filter((x) => x !== nothing)
  if (items.length === 0 && common.length === 0) return nothing
  const everywhere =
    common.length > 0
      ? markup`<li class="band-neutral"><span class="why-tag">Every passage</span> ${styleParts(common).map((p, i) => markup`${i > 0 ? ' ' : ''}${p}`)}</li>`
      : nothing
  return markup`<section class="why"><h2>Why the passages read as they do</h2>
<p class="muted small">The three strongest phrases each way (solid underline towards AI, dotted towards human) with how much each moved the score, and the passage’s style: signals, not findings.</p>
<ul class="why-list">${everywhere}${items}</ul></section>`
}

export function passagesSection(result: DocumentResult): SafeHtml {
  const legend = markup`<div class="legend">
<span class="band-ai">${BAND_MARKER.ai} Reads like AI</span>
<span class="band-uncertain">${BAND_MARKER.uncertain} Uncertain or leans AI</span>
<span class="band-human">${BAND_MARKER.human} Reads like human</span>
<span class="band-neutral">${BAND_MARKER.neutral} Not scored / too short</span></div>`
  const noText = result.text === undefined
  const items = result.passages.map((p) => {
    const band = p.score ? BAND[p.score.label] : 'neutral'
    const body = noText
      ? markup`<div class="muted small">Text not included in this result (the CLI adds it with --include-text).</div>`
      : markup`<div class="text">${markedText(result.text ?? '', p, p.score)}</div>`
    return markup`<div class="passage band-${band} i${intensity(p.score?.aiProbability ?? null)}">
<div class="tag">${passageTag(p, p.score)}</div>${body}</div>`
  })
  const leans = result.passages.some(
    (p) => p.score && passageLabelWords(p.score.label, p.score.aiProbability) === LEANS_AI_WORDS
  )
  const note = result.detector
    ? markup`<p class="muted small">Each passage is shaded by how it reads, with its AI probability (and the range it is likely in). Underlined phrases moved the score most: solid towards AI, dotted towards human.${leans ? ` “${LEANS_AI_WORDS}”: ${LEANS_AI_REASON}` : ''}</p>`
    : markup`<p class="muted small">The detector was not run, so passages are shown without scores.</p>`
  return markup`<section><h2>The text, passage by passage</h2>${note}${result.detector ? legend : nothing}${items}</section>`
}
