/** The evidence report for one document: one self-contained HTML string, same input → same bytes. */
import type { DocumentResult } from '../../shared/types'
import { documentFacts, methodFacts } from './facts'
import { fingerprintsSection } from './fingerprints'
import { markup, nothing, type SafeHtml } from './html'
import { reportPage } from './layout'
import { limitationsSection, reproducibilityLine } from './limitations'
import { metadataSection } from './metadata'
import { passagesSection } from './passages'
import { styleComparisonSection } from './style-comparison'
import type { ReportContext } from './types'
import { watermarksSection } from './watermarks'
import { describeHumanRate, formatPercent, formatPValue, summarySentence, VERDICT_WORDS } from './wording'

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
  const prints = result.fingerprints ?? []
  if (prints.length > 0) {
    lines.push(
      markup`<p>⚑ ${prints.length} fingerprint ${prints.length === 1 ? 'finding' : 'findings'} (hidden characters, copy artefacts or metadata), each with innocent explanations, below.</p>`
    )
  }
  return lines
}

/** The headline: how unusual the score is for human writing; the probability only with its assumption. */
function headlineSentence(d: NonNullable<DocumentResult['detector']>): string {
  const share = formatPercent(d.assumedAiShare ?? 0.5)
  const prob = `AI probability ${formatPercent(d.aiProbability)} if ${share} of texts were AI-written`
  if (!d.humanRate) return prob
  const rate = describeHumanRate(d.humanRate)
  return `${rate.charAt(0).toUpperCase()}${rate.slice(1)} (${prob})`
}

function summary(result: DocumentResult): SafeHtml {
  const d = result.detector
  if (!d) {
    return markup`<div class="summary"><div class="verdict">Scores not available</div>
<p>The AI-likelihood detector was not run for this document; the sections below show what was checked.</p>
${signalLines(result)}<p class="caveat">${NOT_PROOF}</p></div>`
  }
  return markup`<div class="summary"><div class="verdict">${VERDICT_WORDS[d.verdict]}</div>
<p>${headlineSentence(d)} · share of the text that reads like AI ${formatPercent(d.aiShare)} · setting “${d.operatingPoint.name}”.</p>
<p>${summarySentence(d)}</p>${signalLines(result)}<p class="caveat">${NOT_PROOF}</p></div>`
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

function fullReport(result: DocumentResult, ctx: ReportContext): SafeHtml {
  return markup`${summary(result)}
<section><h2>About this check</h2><h3>The file</h3>${documentFacts(result, ctx)}<h3>The method</h3>${methodFacts(result, ctx)}</section>
${passagesSection(result)}
${styleComparisonSection(result)}
${watermarksSection(result.watermarks)}
${fingerprintsSection(result)}
${metadataSection(result.metadata, result.warnings)}
${limitationsSection(ctx.modelCard)}
${reproducibilityLine(result)}`
}

export function renderDocumentReport(result: DocumentResult, ctx: ReportContext): string {
  const body = markup`<h1>Inkprint evidence report</h1>
<div class="subtitle"><bdi>${result.fileName}</bdi></div>
${result.status === 'ok' ? fullReport(result, ctx) : shortReport(result, ctx)}`
  return reportPage(`Inkprint report: ${result.fileName}`, runningHeader(result), body)
}
