/** The evidence report for one document: one self-contained HTML string, same input → same bytes. */
import type { DocumentResult } from '../../shared/types'
import { documentFacts, keyFacts, methodFacts } from './facts'
import { fingerprintsSection } from './fingerprints'
import { markup, nothing, type SafeHtml } from './html'
import { reportPage } from './layout'
import { cautionsSection, measuredRatesAppendix, reproducibilityLine } from './limitations'
import { fileHistoryLines, metadataSection } from './metadata'
import { explanationsSection, passagesSection } from './passages'
import { styleComparisonSection } from './style-comparison'
import type { ReportContext } from './types'
import { watermarksSection } from './watermarks'
import { formatPercent, formatPValue, summarySentence, VERDICT_WORDS } from './wording'
import {
  copyArtefacts,
  describeAiProbability,
  describeHumanRate,
  isLimitedEvidence,
  LIMITED_EVIDENCE_WORDS,
  LIMITED_EVIDENCE_WORDS_TEXT,
  watermarkOverview
} from '../../shared/reading'

export const NOT_PROOF =
  'This is a statistical reading of the writing, not proof of how it was produced. Talk with the student and ' +
  'look at drafts and version history before drawing any conclusion.'

function runningHeader(result: DocumentResult): SafeHtml {
  const sha = result.sha256 ? ` · SHA-256 ${result.sha256.slice(0, 12)}…` : ''
  return markup`Inkprint evidence report · <bdi>${result.fileName}</bdi>${sha}`
}

function signalLines(result: DocumentResult): SafeHtml[] {
  const lines: SafeHtml[] = []
  const found = (result.watermarks ?? []).filter((w) => w.detected)
  for (const w of found) {
    lines.push(
      markup`<p>⚑ Watermark test: a signal for the key “${w.profileName}” (${w.scheme}, Holm-adjusted p = ${formatPValue(w.pValueAdjusted)}).</p>`
    )
  }
  const prints = copyArtefacts(result.fingerprints)
  if (prints.length > 0) {
    lines.push(
      markup`<p>⚑ ${prints.length} copy-and-paste ${prints.length === 1 ? 'trace' : 'traces'} (hidden characters, chatbot links, leftover formatting), each with innocent explanations, below.</p>`
    )
  }
  return lines
}

function summary(result: DocumentResult): SafeHtml {
  const d = result.detector
  if (!d) {
    return markup`<div class="summary"><div class="verdict">Scores not available</div>
<p>The AI-likelihood detector was not run for this document; the sections below show what was checked.</p>
${signalLines(result)}<p class="caveat">${NOT_PROOF}</p></div>`
  }
  const limited = isLimitedEvidence(result)
  const rate = describeHumanRate(d)
  const headline = rate
    ? markup`<p class="headline"><b>${rate.charAt(0).toUpperCase() + rate.slice(1)}.</b></p>
<p class="meaning">What this means: that is how often essays written by people score at least this high (measured on human essays the model never saw in training).</p>
<p class="small">${describeAiProbability(d, formatPercent(d.aiProbability))} (not the share of the text written by AI) · passages that read like AI: ${formatPercent(d.aiShare)} of the text · setting “${d.operatingPoint.name}”.</p>`
    : markup`<p>${describeAiProbability(d, formatPercent(d.aiProbability))} (not the share of the text written by AI) · passages that read like AI: ${formatPercent(d.aiShare)} of the text · setting “${d.operatingPoint.name}”.</p>`
  const verdict = limited ? LIMITED_EVIDENCE_WORDS_TEXT : VERDICT_WORDS[d.verdict]
  const judged = limited
    ? markup`<p>With ${result.words} words (under ${LIMITED_EVIDENCE_WORDS}) there is too little text for a verdict; the score is given for completeness only.</p>`
    : markup`<p>${summarySentence(d, result.passages)}</p>`
  return markup`<div class="summary"><div class="verdict">${verdict}</div>
${headline}${judged}${signalLines(result)}${reviewLine(result)}<p class="caveat">${NOT_PROOF}</p></div>`
}

function reviewLine(result: DocumentResult): SafeHtml {
  const r = result.review
  if (!r || (!r.reviewed && !r.note.trim())) return nothing
  const when = r.updatedAt.slice(0, 10)
  return markup`<p class="small"><b>Teacher’s review</b> (${when}): ${r.reviewed ? 'reviewed' : 'not yet reviewed'}${r.note.trim() ? markup` — <bdi>${r.note}</bdi>` : nothing}</p>`
}

/**
 * The checks besides the detector, in a few lines: watermarks (statistics in the appendix), copy-and-paste
 * traces (each shown in full when there are any) and the file history.
 */
function otherChecks(result: DocumentResult): SafeHtml {
  const tests = result.watermarks
  const overview = tests && tests.length > 0 ? watermarkOverview(tests) : null
  const watermark = overview
    ? markup`<p><b>Watermarks:</b> ${overview.detected.length > 0 ? '⚑ ' : ''}${overview.line}; statistics in the appendix.</p>`
    : markup`<p><b>Watermarks:</b> ${tests ? 'no watermark keys were configured.' : 'not run for this document.'}</p>`
  const prints = result.fingerprints === undefined ? undefined : copyArtefacts(result.fingerprints)
  const traces =
    prints === undefined
      ? markup`<p><b>Copy-and-paste traces:</b> the fingerprint scan was not run for this document.</p>`
      : prints.length === 0
        ? markup`<p><b>Copy-and-paste traces:</b> none found (hidden characters, look-alike letters, chatbot links, leftover Markdown); their absence says nothing either way.</p>`
        : fingerprintsSection(result)
  return markup`<section class="other-checks"><h2>Other checks</h2>${watermark}${fileHistoryLines(result.metadata, result.fingerprints)}${traces}</section>`
}

function statusBox(result: DocumentResult): SafeHtml {
  if (result.status === 'too-short') {
    return markup`<div class="status-box"><div class="verdict"><b>${VERDICT_WORDS['too-short']}</b></div>
<p>With ${result.words} words there is not enough text for a reliable reading, so no AI-likelihood score is given. This says nothing about how the text was written.</p></div>`
  }
  const nonEnglish = result.warnings.find((w) => w.code === 'non-english')
  const title =
    result.status === 'unsupported'
      ? 'This file could not be checked: not supported'
      : 'This file could not be checked'
  const message = result.error?.message ?? nonEnglish?.message ?? 'Inkprint could not read this file.'
  const code = result.error
    ? markup`<p class="small muted">Error code: <span class="mono">${result.error.code}</span></p>`
    : nothing
  return markup`<div class="status-box"><div><b>${title}</b></div><p>${message}</p>${code}
<p class="small">Nothing in this report says anything about how the text was written.</p></div>`
}

function shortReport(result: DocumentResult, ctx: ReportContext): SafeHtml {
  const tooShort = result.status === 'too-short'
  const prints = result.fingerprints && result.fingerprints.length > 0 ? fingerprintsSection(result) : nothing
  const text =
    tooShort && result.text !== undefined && result.passages.length > 0 ? passagesSection(result) : nothing
  return markup`${statusBox(result)}<section><h2>About this check</h2>${documentFacts(result, ctx)}</section>
${text}${prints}${tooShort || Object.keys(result.metadata).length > 0 ? metadataSection(result.metadata, result.warnings) : nothing}
${reproducibilityLine(result)}`
}

/**
 * The student report reads in the order a hearing needs it: page 1 says what was checked, the verdict with its
 * one headline number and the shaded text; then why the passages read so, the other checks and what the report
 * cannot show. Statistics and technical detail (watermark tables, hashes, error-rate table, metadata) follow in
 * appendices on their own pages, so a 300-word essay's report proper stays at about two pages.
 */
function fullReport(result: DocumentResult, ctx: ReportContext): SafeHtml {
  return markup`${keyFacts(result)}
${summary(result)}
${passagesSection(result)}
${explanationsSection(result)}
${styleComparisonSection(result)}
${otherChecks(result)}
${cautionsSection(ctx.modelCard)}
<div class="appendix"><h2 class="appendix-title">Appendix: watermark statistics</h2>${watermarksSection(result.watermarks)}</div>
<div class="appendix"><h2 class="appendix-title">Appendix: technical details</h2>
<section><h3>The file</h3>${documentFacts(result, ctx)}<h3>The method</h3>${methodFacts(result, ctx)}</section>
${measuredRatesAppendix(ctx.modelCard)}
${Object.keys(result.metadata).length > 0 || result.warnings.length > 0 ? metadataSection(result.metadata, result.warnings) : nothing}
${reproducibilityLine(result)}</div>`
}

export function renderDocumentReport(result: DocumentResult, ctx: ReportContext): string {
  const body = markup`<h1>Inkprint evidence report</h1>
<div class="subtitle"><bdi>${result.fileName}</bdi></div>
${result.status === 'ok' ? fullReport(result, ctx) : shortReport(result, ctx)}`
  return reportPage(`Inkprint report: ${result.fileName}`, runningHeader(result), body)
}
