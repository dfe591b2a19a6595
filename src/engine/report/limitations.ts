/** "What this report cannot show": limitations, alternative explanations, measured error rates, next steps. */
import type { DocumentResult } from '../../shared/types'
import { columns, markup, type SafeHtml } from './html'
import type { ModelCardSummary } from './types'
import { formatRate } from './wording'

const LIMITATIONS = [
  'It cannot show who wrote the text or how it was produced. The scores describe how the writing reads compared with the essays the model was trained and calibrated on.',
  'Short texts, heavily edited or paraphrased text, human writing polished by grammar or translation tools, formulaic genres (lab reports, templates, set phrases) and non-English text are all read less reliably.',
  'Writers of English as an additional language use more predictable wording and are flagged by AI detectors more often than native writers (Liang et al. 2023 found a 61% average false-positive rate on TOEFL essays across seven detectors). Check the measured rates before acting.',
  'A watermark test covers only the keys listed; most AI tools publish no key, so “no watermark found” proves nothing.',
  'Fingerprints and metadata have everyday causes (copying from web pages, fonts, templates, other editors) as well as chatbot ones.'
]

const ALTERNATIVES = [
  'The student writes in a clear, formal, even style, or was taught a fixed essay structure.',
  'Grammar checkers, spell checkers, translation or reading-support tools smoothed the wording.',
  'Passages were quoted or paraphrased from sources, textbooks or model answers.',
  'The text was drafted elsewhere (another app, a phone, a shared document) and pasted in.'
]

const NEXT_STEPS =
  'Use this report to start a conversation, not to conclude one: talk with the student about the work, ask them ' +
  'to explain their argument and sources, and look at drafts, notes and the version history of the document ' +
  '(Google Docs, Word or OneDrive keep it) before drawing any conclusion.'

/** The rates a teacher most needs, in one sentence for the body; the full table is in the appendix. */
function ratesInBrief(card: ModelCardSummary | undefined): SafeHtml {
  const human = card?.rates.filter((r) => r.kind === 'false-positive') ?? []
  if (!card || human.length === 0)
    return markup`The measured error rates, including those for non-native English writers, are published in the detector’s model card (shown in the app under About); they were not attached to this report.`
  const worst = human.reduce((a, b) => (b.rate > a.rate ? b : a))
  const setting = card.operatingPoint ? ` at the “${card.operatingPoint}” setting` : ''
  return markup`Measured for ${card.modelName} ${card.modelVersion}${setting}: human texts were flagged by mistake in at most ${formatRate(worst.rate)} of any group of writers tested (highest: ${worst.population}, ${worst.n} texts); every group, with its range, is in the appendix.`
}

function measuredRates(card: ModelCardSummary | undefined): SafeHtml {
  if (!card || card.rates.length === 0) {
    return markup`<p>The measured error rates, including the false-positive rate for non-native English writers measured separately, are published in the detector’s model card (shipped with Inkprint and shown in the app under About). They were not attached to this report.</p>`
  }
  const rows = card.rates.map((r) => {
    const interval = r.interval ? `${formatRate(r.interval[0])}–${formatRate(r.interval[1])}` : '—'
    const what = r.kind === 'false-positive' ? 'Human texts flagged' : 'AI texts detected'
    return markup`<tr><td>${r.population}</td><td>${what}</td><td class="num">${r.n}</td><td class="num">${formatRate(r.rate)}</td><td class="num">${interval}</td></tr>`
  })
  const caveats = (card.caveats ?? []).map((c) => markup`<li>${c}</li>`)
  const where = card.cardLocation
    ? markup`<p class="small muted">Full model card: ${card.cardLocation}</p>`
    : markup``
  const setting = card.operatingPoint ? `the “${card.operatingPoint}” setting` : 'the default setting'
  return markup`<p>Measured for ${card.modelName} ${card.modelVersion} at ${setting}:</p>
<table class="data">${columns(40, 20, 10, 12, 18)}<thead><tr><th>Writers</th><th>Measure</th><th>Texts</th><th>Rate</th><th>95% interval</th></tr></thead><tbody>${rows}</tbody></table>
${caveats.length > 0 ? markup`<ul class="plain small">${caveats}</ul>` : markup``}${where}`
}

export function limitationsSection(card: ModelCardSummary | undefined): SafeHtml {
  return markup`<section class="limits"><h2>What this report cannot show</h2>
<ul class="plain">${LIMITATIONS.map((l) => markup`<li>${l}</li>`)}</ul>
<h3>Other explanations to consider</h3><ul class="plain">${ALTERNATIVES.map((l) => markup`<li>${l}</li>`)}</ul>
<h3>Measured error rates</h3>${measuredRates(card)}
<h3>Next steps</h3><p><b>${NEXT_STEPS}</b></p></section>`
}

/**
 * The student report's short version: what the report cannot show, other explanations, the rates in one
 * sentence and the next steps. The measured rates' table goes to the appendix (measuredRatesAppendix).
 */
export function cautionsSection(card: ModelCardSummary | undefined): SafeHtml {
  return markup`<section class="cautions"><h2>What this report cannot show</h2>
<ul class="plain small">${LIMITATIONS.map((l) => markup`<li>${l}</li>`)}<li><b>Measured error rates:</b> ${ratesInBrief(card)}</li></ul>
<p class="small"><b>Other explanations to consider:</b> ${ALTERNATIVES.join(' ')}</p>
<p><b>Next steps: ${NEXT_STEPS}</b></p></section>`
}

export function measuredRatesAppendix(card: ModelCardSummary | undefined): SafeHtml {
  return markup`<h3>Measured error rates</h3>${measuredRates(card)}`
}

export function reproducibilityLine(result: DocumentResult): SafeHtml {
  const model = result.detector
    ? ` and detector model ${result.detector.model.name} ${result.detector.model.version}`
    : ''
  const sha = result.sha256 ? ` (SHA-256 ${result.sha256.slice(0, 16)}…)` : ''
  return markup`<p class="small muted"><b>Reproducibility:</b> checking the same file${sha} with the same Inkprint version (${result.inkprintVersion})${model} and the same settings gives the same numbers; the SHA-256 above identifies the exact file that was checked.</p>`
}
