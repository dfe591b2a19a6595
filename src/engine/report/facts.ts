/** The report header: what file, which version and model, at which setting, calibrated on what. */
import type { DocumentResult, OperatingPoint } from '../../shared/types'
import { watermarkOverview } from '../../shared/reading'
import { markup, type SafeHtml } from './html'
import type { CalibrationInfo, ReportContext } from './types'
import { formatBytes, formatDateTime, formatRate } from './wording'

type Fact = [label: string, value: SafeHtml | string | number]

function factList(facts: Fact[]): SafeHtml {
  return markup`<dl class="facts">${facts.map(([k, v]) => markup`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`
}

export function describeOperatingPoint(point: OperatingPoint): string {
  return (
    `${point.name} (threshold ${point.threshold.toFixed(3)}): measured false-positive rate ${formatRate(point.fpr)}, ` +
    `95% upper bound ${formatRate(point.fprUpper)}, on ${point.measuredOn || 'the model card’s held-out essays'}`
  )
}

export function describeCalibration(calibration: CalibrationInfo | undefined): string {
  if (!calibration) return 'The model card’s calibration (no school calibration was supplied)'
  const [lo, hi] = calibration.interval
  return (
    `${calibration.name}: false-positive rate ${formatRate(calibration.fpr)} ` +
    `(95% interval ${formatRate(lo)}–${formatRate(hi)}) on ${calibration.n} known-human essays`
  )
}

/** Who and what, in one line under the title: the full facts are in the appendix. */
export function keyFacts(result: DocumentResult): SafeHtml {
  const parts = [
    `${result.words.toLocaleString('en-US')} words`,
    result.format ? result.format.toUpperCase() : null,
    result.pageCount ? `${result.pageCount} ${result.pageCount === 1 ? 'page' : 'pages'}` : null,
    `checked ${formatDateTime(result.checkedAt)}`,
    result.detector ? `setting “${result.detector.operatingPoint.name}”` : null,
    `Inkprint ${result.inkprintVersion}`
  ].filter((p): p is string => p !== null)
  return markup`<p class="key-facts">${parts.join(' · ')}</p>`
}

export function documentFacts(result: DocumentResult, ctx: ReportContext): SafeHtml {
  const version =
    ctx.inkprintVersion === result.inkprintVersion
      ? result.inkprintVersion
      : `${result.inkprintVersion} (report written by ${ctx.inkprintVersion})`
  const facts: Fact[] = [
    ['File', markup`<bdi>${result.fileName}</bdi>`],
    ['Size', formatBytes(result.sizeBytes)],
    ['Format', result.format ?? '—'],
    ['Pages', result.pageCount ?? '—'],
    ['Words scored', result.words],
    [
      'SHA-256 of the file',
      markup`<span class="mono">${result.sha256 ?? 'not available (file not read)'}</span>`
    ],
    ['Checked', formatDateTime(result.checkedAt)],
    ['Report generated', formatDateTime(ctx.generatedAt)],
    ['Inkprint version', version]
  ]
  return factList(facts)
}

export function methodFacts(result: DocumentResult, ctx: ReportContext): SafeHtml {
  const d = result.detector
  const facts: Fact[] = d
    ? [
        ['Detector model', `${d.model.name} ${d.model.version}`],
        ['Model SHA-256', markup`<span class="mono">${d.model.sha256}</span>`],
        ['Operating point', describeOperatingPoint(d.operatingPoint)],
        ['Calibration used', describeCalibration(ctx.calibration)]
      ]
    : [['Detector model', 'The AI-likelihood detector was not run for this document.']]
  facts.push(['Watermark tests', result.watermarks ? watermarkOverview(result.watermarks).line : 'Not run'])
  facts.push([
    'Fingerprint scan',
    result.fingerprints ? `${result.fingerprints.length} finding(s)` : 'Not run'
  ])
  return factList(facts)
}
