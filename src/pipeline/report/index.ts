/** Writing evidence reports to disk (HTML, PDF via a local Chromium, JSON, CSV). */
export {
  writeReports,
  ReportStream,
  slimResult,
  type PrintPdf,
  type ReportFormat,
  type WriteReportsOptions,
  type WriteReportsOutcome
} from './write-reports'
export { findChromium, printHtmlToPdf, NO_CHROMIUM_MESSAGE, type PrintOutcome } from './chromium'
export { reportFileName, safeStem } from './file-names'
export { reportContextFor } from './context'
export { writeReportSet } from './export'
