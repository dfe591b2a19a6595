/**
 * JSON reports. A document report is the DocumentResult itself (it validates against
 * resources/schema/document-result.schema.json); the class report wraps results like `inkprint check --format json`.
 */
import type { DocumentResult } from '../../shared/types'
import { RESULT_SCHEMA_VERSION } from '../../shared/types'
import type { ReportContext } from './types'

export interface ClassReportJson {
  schemaVersion: typeof RESULT_SCHEMA_VERSION
  inkprintVersion: string
  generatedAt: string
  results: DocumentResult[]
}

/** Two-space indented, trailing newline; key order follows the result object so output is reproducible. */
export function toReportJson(result: DocumentResult): string {
  return JSON.stringify({ ...result, schemaVersion: RESULT_SCHEMA_VERSION }, null, 2) + '\n'
}

export function toClassReportJson(results: DocumentResult[], ctx: ReportContext): string {
  const report: ClassReportJson = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    inkprintVersion: ctx.inkprintVersion,
    generatedAt: ctx.generatedAt,
    results
  }
  return JSON.stringify(report, null, 2) + '\n'
}
