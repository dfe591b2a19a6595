/** The class table as CSV: one row per document. Pure, so the CLI and the report writer share it. */
import { copyArtefacts, describeHumanRate } from '../../shared/reading'
import type { DocumentResult } from '../../shared/types'
import { parseStudentName } from '../../shared/student-name'

export const CSV_COLUMNS = [
  'student',
  'file',
  'path',
  'status',
  'error_code',
  'error',
  'words',
  'pages',
  'ai_probability',
  'verdict',
  'ai_share',
  'operating_point',
  'watermarks_detected',
  'fingerprints',
  'sha256',
  'style_comparison',
  'style_distance',
  'style_same_student_one_in',
  'style_different_writer_one_in',
  'style_known_texts',
  'human_rate',
  'copy_traces',
  'reviewed',
  'teacher_note'
] as const

/**
 * RFC 4180 quoting, and more: every cell holding a comma, semicolon, tab, quote or line break is quoted, so no
 * separator a spreadsheet might use (a semicolon in many European locales) splits it and lets a later part start
 * a formula; cells starting with = + - @ are also prefixed so spreadsheets never run them as formulas.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`
  return /[",;\t\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvRow(r: DocumentResult): string {
  const detected = (r.watermarks ?? []).filter((w) => w.detected).map((w) => w.profileName)
  const cells = [
    parseStudentName(r.fileName, r.path).student,
    r.fileName,
    r.path,
    r.status,
    r.error?.code,
    r.error?.message,
    r.words,
    r.pageCount,
    r.detector?.aiProbability?.toFixed(4),
    r.detector?.verdict,
    r.detector?.aiShare?.toFixed(4),
    r.detector?.operatingPoint.name,
    detected.join('; '),
    r.fingerprints?.length ?? 0,
    r.sha256,
    r.styleComparison?.status === 'compared'
      ? r.styleComparison.standsOut
        ? 'stands-out'
        : 'within-range'
      : r.styleComparison?.status,
    r.styleComparison?.distance?.toFixed(3),
    r.styleComparison?.sameWriterOneIn,
    r.styleComparison?.differentWriterOneIn,
    r.styleComparison?.knownTexts,
    describeHumanRate(r.detector),
    copyArtefacts(r.fingerprints).length,
    r.review ? (r.review.reviewed ? 'yes' : 'no') : '',
    r.review?.note
  ]
  return cells.map(csvCell).join(',')
}

/** UTF-8 BOM so spreadsheet apps read accents and names correctly. */
export const CSV_HEADER = '\uFEFF' + CSV_COLUMNS.join(',')

/** The whole table, CRLF line ends as RFC 4180 asks, in the order given. */
export function csvTable(results: DocumentResult[]): string {
  return [CSV_HEADER, ...results.map(csvRow)].join('\r\n') + '\r\n'
}
