/** Evidence reports as strings: HTML (document and class), JSON, CSV. Pure; writing files is src/pipeline/report. */
export { renderDocumentReport } from './document'
export { renderClassReport, sortByConcern } from './class'
export { toReportJson, toClassReportJson, type ClassReportJson } from './json'
export { CSV_COLUMNS, CSV_HEADER, csvCell, csvRow, csvTable } from './csv'
export { escapeHtml, escapeEvidenceText } from './escape'
export { checkJsonSchema, type JsonSchema, type SchemaCheckOptions } from './json-schema-check'
export { REPORT_CSP } from './layout'
export type { CalibrationInfo, MeasuredRate, ModelCardSummary, ReportContext } from './types'
export {
  VERDICT_WORDS,
  PASSAGE_LABEL_WORDS,
  formatPercent,
  describeFalsePositiveRate,
  summarySentence
} from './wording'
