/**
 * The class table's row model: one flat, sortable record per document, plus sorting and filtering. Pure, so the
 * ordering a teacher sees ("most concerning first") is unit-tested rather than buried in a component.
 */
import type { DocumentResult, DocumentStatus, DocumentVerdict } from '../../../../shared/types'
import { archiveOrigin } from '../../../../shared/archive-path'
import { parseStudentName } from './student-name'
import { describeStatus } from './wording'

export type WatermarkFlag = 'detected' | 'none' | 'not-tested'

export interface TableRow {
  path: string
  fileName: string
  student: string | null
  /** For a document inside a ZIP archive: the archive and folders it came from. */
  origin: string | null
  words: number
  verdict: string
  verdictCode: DocumentVerdict | null
  aiProbability: number | null
  aiShare: number | null
  watermark: WatermarkFlag
  fingerprints: number
  status: DocumentStatus
  failed: boolean
  errorMessage: string | null
}

export type SortKey = 'student' | 'words' | 'aiProbability' | 'aiShare' | 'fingerprints' | 'verdict'
export type SortDirection = 'asc' | 'desc'
export type RowFilter = 'all' | 'flagged' | 'errors'

export function toRow(result: DocumentResult): TableRow {
  const failed = result.status === 'error' || result.status === 'unsupported'
  const tests = result.watermarks ?? []
  const watermark: WatermarkFlag =
    tests.length === 0 ? 'not-tested' : tests.some((t) => t.detected) ? 'detected' : 'none'
  return {
    path: result.path,
    fileName: result.fileName,
    student: parseStudentName(result.fileName, result.path).student,
    origin: archiveOrigin(result.path),
    words: result.words,
    verdict: describeStatus(result),
    verdictCode: result.detector?.verdict ?? null,
    aiProbability: result.detector?.aiProbability ?? null,
    aiShare: result.detector?.aiShare ?? null,
    watermark,
    fingerprints: (result.fingerprints ?? []).reduce((sum, f) => sum + f.count, 0),
    status: result.status,
    failed,
    errorMessage: failed ? (result.error?.message ?? 'The file could not be read') : null
  }
}

function compareValues(a: string | number | null, b: string | number | null): number {
  // Missing values sort last whatever the direction, so unscored files never crowd the top.
  if (a === null && b === null) return 0
  if (a === null) return 1
  if (b === null) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b), undefined, { sensitivity: 'base', numeric: true })
}

const VERDICT_RANK: Record<DocumentVerdict, number> = {
  'likely-ai': 4,
  uncertain: 3,
  'likely-human': 2,
  'limited-evidence': 1,
  'not-prose': 1,
  'too-short': 1,
  'unsupported-language': 1
}

function sortValue(row: TableRow, key: SortKey): string | number | null {
  if (key === 'student') return row.student ?? row.fileName
  // Verdicts sort by concern, not alphabetically; failed files rank below every verdict.
  if (key === 'verdict') return row.verdictCode ? VERDICT_RANK[row.verdictCode] : row.failed ? 0 : null
  return row[key]
}

export function sortRows(rows: TableRow[], key: SortKey, direction: SortDirection): TableRow[] {
  const sign = direction === 'asc' ? 1 : -1
  return [...rows].sort((x, y) => {
    const a = sortValue(x, key)
    const b = sortValue(y, key)
    if (a === null || b === null) return compareValues(a, b)
    return sign * compareValues(a, b) || x.fileName.localeCompare(y.fileName)
  })
}

export function isFlagged(row: TableRow): boolean {
  return row.verdictCode === 'likely-ai' || row.watermark === 'detected' || row.fingerprints > 0
}

export function filterRows(rows: TableRow[], query: string, filter: RowFilter): TableRow[] {
  const needle = query.trim().toLowerCase()
  return rows.filter((row) => {
    if (filter === 'errors' && !row.failed) return false
    if (filter === 'flagged' && !isFlagged(row)) return false
    if (!needle) return true
    return row.fileName.toLowerCase().includes(needle) || (row.student ?? '').toLowerCase().includes(needle)
  })
}
