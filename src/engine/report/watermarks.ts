/**
 * Watermark tests: one row per profile, p-values with the exact scheme and key named, and what they mean. A row
 * carries its message only when the key could not be tested (the reason); a scored row's numbers say it all.
 */
import type { WatermarkTest } from '../../shared/types'
import { columns, markup, type SafeHtml } from './html'
import { formatPValue } from './wording'

const SCHEME_NAMES: Record<WatermarkTest['scheme'], string> = {
  kgw: 'KGW red/green list',
  unigram: 'Unigram',
  aaronson: 'Aaronson (Gumbel)',
  synthid: 'SynthID-Text'
}

export function watermarkDecision(t: WatermarkTest): string {
  if (t.status === 'too-short') return 'Too few tokens to test'
  if (t.status === 'error') return 'Not tested'
  return t.detected ? 'Watermark signal for this key' : 'No evidence for this key'
}

export const WATERMARK_MEANING = [
  'A p-value is about one named key: it is the chance of a score at least this extreme if the text were not ' +
    'watermarked with that key. It says nothing about any other key or model.',
  'Absence of a watermark proves nothing: most AI-generated text carries no watermark Inkprint can test, ' +
    'and editing or paraphrasing removes one.',
  'No commercial chatbot publishes its watermark key, so these tests cover only published research keys ' +
    'and keys a school imported for its own models.'
]

function row(t: WatermarkTest): SafeHtml {
  const key = t.publicDefaultKey ? ' †' : ''
  const stat = t.statistic ? `${t.statistic.name} = ${t.statistic.value.toFixed(2)}` : '—'
  return markup`<tr>
<td>${SCHEME_NAMES[t.scheme]}</td><td>${t.profileName}${key}</td><td>${t.tokenizer}</td>
<td class="num">${t.tokensScored}</td><td class="num">${stat}</td>
<td class="num">${formatPValue(t.pValue)}</td><td class="num">${formatPValue(t.pValueAdjusted)}</td>
<td class="${t.detected ? 'flag' : ''}">${t.detected ? '⚑ ' : ''}${watermarkDecision(t)}</td>
</tr>${t.message && t.status !== 'scored' ? markup`<tr class="detail"><td colspan="8" class="muted small">${t.message}</td></tr>` : ''}`
}

export function watermarksSection(tests: WatermarkTest[] | undefined): SafeHtml {
  const meaning = markup`<ul class="plain small">${WATERMARK_MEANING.map((m) => markup`<li>${m}</li>`)}</ul>`
  if (tests === undefined) {
    return markup`<section><h2>Watermark tests</h2><p>Watermark tests were not run for this document.</p>${meaning}</section>`
  }
  if (tests.length === 0) {
    return markup`<section><h2>Watermark tests</h2><p>No watermark profiles were configured, so nothing was tested.</p>${meaning}</section>`
  }
  return markup`<section><h2>Watermark tests</h2>
<table class="data">${columns(12, 22, 8, 8, 12, 8, 12, 18)}<thead><tr><th>Scheme</th><th>Profile / key</th><th>Token&shy;izer</th><th>Tokens scored</th>
<th>Statistic</th><th>p-value</th><th>Adjusted p</th><th>Decision</th></tr></thead>
${tests.map((t) => markup`<tbody class="keep">${row(t)}</tbody>`)}</table>
<p class="small muted">Adjusted p: Holm-adjusted p-values, which correct for testing several profiles on one document; the decision uses the adjusted value. † A published default key (from the scheme’s paper or reference code), not a provider’s secret key. Keys that could not be tested say why.</p>
${meaning}</section>`
}
