/** The class report: one table of all documents, sorted by concern, with the same careful header and limits. */
import { copyArtefacts, LIMITED_EVIDENCE_WORDS_TEXT, shownVerdict } from '../../shared/reading'
import type { DocumentResult } from '../../shared/types'
import { parseStudentName } from '../../shared/student-name'
import { NOT_PROOF } from './document'
import { describeCalibration, describeOperatingPoint } from './facts'
import { columns, markup, type SafeHtml } from './html'
import { reportPage } from './layout'
import { limitationsSection } from './limitations'
import type { ReportContext } from './types'
import { styleCell } from './style-comparison'
import { describeFalsePositiveRate, formatDateTime, formatPercent, VERDICT_WORDS } from './wording'

/** The student's name parsed from an LMS export name, above the file name (always shown: the name is a guess). */
function studentCell(r: DocumentResult): SafeHtml {
  const { student } = parseStudentName(r.fileName, r.path)
  return student
    ? markup`<b><bdi>${student}</bdi></b><br><span class="small muted"><bdi>${r.fileName}</bdi></span>`
    : markup`<bdi>${r.fileName}</bdi>`
}

/** Lower tier = more concern. Errors sort last: they say nothing about the writing. */
function concernTier(r: DocumentResult): number {
  if (r.status === 'error' || r.status === 'unsupported') return 4
  if (r.status === 'too-short') return 3
  if (shownVerdict(r) === 'likely-ai' || (r.watermarks ?? []).some((w) => w.detected)) return 0
  if (shownVerdict(r) === 'uncertain' || copyArtefacts(r.fingerprints).length > 0) return 1
  return 2
}

/** Deterministic: ties fall back to file name and path, so the same class always sorts the same way. */
export function sortByConcern(results: DocumentResult[]): DocumentResult[] {
  const prob = (r: DocumentResult): number => r.detector?.aiProbability ?? -1
  return [...results].sort(
    (a, b) =>
      concernTier(a) - concernTier(b) ||
      prob(b) - prob(a) ||
      copyArtefacts(b.fingerprints).length - copyArtefacts(a.fingerprints).length ||
      (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  )
}

function reading(r: DocumentResult): string {
  if (r.status === 'error') return 'Could not be checked'
  if (r.status === 'unsupported') return 'Not supported'
  if (r.status === 'too-short') return VERDICT_WORDS['too-short']
  const verdict = shownVerdict(r)
  if (verdict === 'limited-evidence') return LIMITED_EVIDENCE_WORDS_TEXT
  return verdict ? VERDICT_WORDS[verdict] : 'Detector not run'
}

function row(r: DocumentResult, i: number): SafeHtml {
  const marks = (r.watermarks ?? []).filter((w) => w.detected).map((w) => w.profileName)
  const watermark =
    r.watermarks === undefined ? 'not run' : marks.length > 0 ? `⚑ ${marks.join(', ')}` : 'none'
  const traces = copyArtefacts(r.fingerprints)
  const prints = r.fingerprints === undefined ? 'not run' : traces.length > 0 ? `⚑ ${traces.length}` : 'none'
  const notes = r.error ? `${r.error.message} (${r.error.code})` : r.warnings.map((w) => w.message).join(' ')
  const style = r.styleComparison ? `Style vs known writing: ${styleCell(r.styleComparison)}. ` : ''
  return markup`<tr><td class="num">${i + 1}</td><td>${studentCell(r)}</td><td class="num">${r.words}</td>
<td>${concernTier(r) === 0 ? '▲ ' : ''}${reading(r)}</td><td class="num">${formatPercent(r.detector?.aiProbability)}</td>
<td class="num">${formatPercent(r.detector?.aiShare)}</td><td>${watermark}</td><td>${prints}</td><td class="small">${style}${notes}</td></tr>`
}

function classSummary(results: DocumentResult[], ctx: ReportContext): SafeHtml {
  const scored = results.filter((r) => r.status === 'ok' && r.detector)
  const count = (v: string): number => scored.filter((r) => r.detector?.verdict === v).length
  const points = [...new Set(scored.map((r) => JSON.stringify(r.detector?.operatingPoint)))]
  const point = scored[0]?.detector?.operatingPoint
  let expected: SafeHtml = markup``
  if (point && points.length === 1) {
    const falseFlags = scored.length * point.fpr
    const howMany = falseFlags < 0.05 ? 'almost none' : `about ${falseFlags.toFixed(1)}`
    const docs = scored.length === 1 ? 'document' : 'documents'
    expected = markup`<p>${describeFalsePositiveRate(point)} Among ${scored.length} scored ${docs}, ${howMany} would be expected to be flagged by chance even if none involved AI.</p>`
  } else if (points.length > 1) {
    expected = markup`<p>Documents were scored at different settings; see each document’s report for its error rate.</p>`
  }
  const models = [...new Set(scored.map((r) => `${r.detector?.model.name} ${r.detector?.model.version}`))]
  const unchecked = results.length - scored.length
  return markup`<div class="summary"><div class="verdict">${results.length} documents</div>
<p>${count('likely-ai')} read like AI-generated writing, ${count('uncertain')} give mixed or unclear signals, ${count('likely-human')} read like human writing${unchecked > 0 ? `; ${unchecked} could not be scored (errors, too short or not supported)` : ''}.</p>
${expected}<p class="caveat">${NOT_PROOF}</p></div>
<section><h2>About this check</h2><dl class="facts">
<dt>Report generated</dt><dd>${formatDateTime(ctx.generatedAt)}</dd>
<dt>Inkprint version</dt><dd>${ctx.inkprintVersion}</dd>
<dt>Detector model</dt><dd>${models.length > 0 ? models.join('; ') : 'Not run'}</dd>
<dt>Operating point</dt><dd>${point && points.length === 1 ? describeOperatingPoint(point) : points.length > 1 ? 'Differs between documents' : '—'}</dd>
<dt>Calibration used</dt><dd>${describeCalibration(ctx.calibration)}</dd></dl></section>`
}

export function renderClassReport(results: DocumentResult[], ctx: ReportContext): string {
  const sorted = sortByConcern(results)
  const body = markup`<h1>Inkprint class report</h1>
<div class="subtitle">${results.length} documents, sorted by concern (most first). ▲ and ⚑ mark the rows to look at first.</div>
${classSummary(results, ctx)}
<section><h2>Documents</h2><table class="data">${columns(4, 18, 8, 14, 9, 8, 12, 9, 18)}<thead><tr><th>#</th><th>Student / file</th><th>Words</th><th>Reading</th>
<th>AI prob&shy;ability</th><th>AI share</th><th>Water&shy;mark</th><th>Finger&shy;prints</th><th>Notes / errors</th></tr></thead>
<tbody>${sorted.map(row)}</tbody></table>
<p class="small muted">Each document has its own report with the text passage by passage, its explanations and its file hash.</p></section>
${limitationsSection(ctx.modelCard)}
<p class="small muted"><b>Reproducibility:</b> the same files checked with the same Inkprint version, model and settings give the same numbers.</p>`
  return reportPage(
    'Inkprint class report',
    markup`Inkprint class report · ${results.length} documents`,
    body
  )
}
