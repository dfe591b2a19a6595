/**
 * The class table's row model: one flat, sortable record per document, plus sorting and filtering. Pure, so the
 * ordering a teacher sees ("most concerning first") is unit-tested rather than buried in a component.
 */
import type { DocumentResult, DocumentStatus } from '../../../../shared/types'
import { archiveOrigin } from '../../../../shared/archive-path'
import { copyArtefacts, describeHumanRate, shownVerdict, type ShownVerdict } from '../../../../shared/reading'
import { parseStudentName } from './student-name'
import { describeStatus } from './wording'

/** The class a file belongs to: the folder it is in. Two folders opened one after the other stay two classes. */
export function classKeyOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return cut > 0 ? path.slice(0, cut) : path
}

export type WatermarkFlag = 'detected' | 'none' | 'not-tested'

export interface TableRow {
  path: string
  fileName: string
  student: string | null
  /** For a document inside a ZIP archive: the archive and folders it came from. */
  origin: string | null
  words: number
  verdict: string
  verdictCode: ShownVerdict | null
  /** "1 in 2,000" (human texts that score this high), or null when the detector gives no such rate. */
  humanRate: string | null
  aiProbability: number | null
  aiShare: number | null
  watermark: WatermarkFlag
  /** Copy-and-paste traces in the text (file-history notes are not counted). */
  fingerprints: number
  status: DocumentStatus
  classKey: string
  reviewed: boolean
  hasNote: boolean
  failed: boolean
  errorMessage: string | null
}

export type SortKey =
  'student' | 'words' | 'aiProbability' | 'aiShare' | 'fingerprints' | 'verdict' | 'concern' | 'reviewed'
export type SortDirection = 'asc' | 'desc'
export type RowFilter = 'all' | 'flagged' | 'uncertain' | 'errors' | 'unreviewed'

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
    verdictCode: result.status === 'ok' ? shownVerdict(result) : (result.detector?.verdict ?? null),
    humanRate: shortHumanRate(describeHumanRate(result.detector)),
    aiProbability: result.detector?.aiProbability ?? null,
    aiShare: result.detector?.aiShare ?? null,
    watermark,
    fingerprints: copyArtefacts(result.fingerprints).reduce((sum, f) => sum + f.count, 0),
    status: result.status,
    classKey: classKeyOf(result.path),
    reviewed: result.review?.reviewed ?? false,
    hasNote: (result.review?.note ?? '').trim().length > 0,
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

/** "about 1 in 2,000 human texts score this high" → "1 in 2,000" for a table cell. */
function shortHumanRate(sentence: string | null): string | null {
  if (!sentence) return null
  const m = /(fewer than 1 in [\d,]+|1 in [\d,]+|about half)/.exec(sentence)
  return m ? m[1].replace(/^about half$/, '½ or more') : null
}

const VERDICT_RANK: Record<ShownVerdict, number> = {
  'likely-ai': 4,
  uncertain: 3,
  'likely-human': 2,
  'limited-evidence': 1,
  'not-prose': 1,
  'too-short': 1,
  'unsupported-language': 1
}

/**
 * "Look at first": a watermark found, then the verdict, then copy-and-paste traces, then the score. File
 * history (a single save, a short editing time) never moves a student up: it is normal for work written elsewhere.
 */
export function concernOf(row: TableRow): number | null {
  if (row.failed) return 0
  if (row.verdictCode === null) return null
  const watermark = row.watermark === 'detected' ? 100 : 0
  const verdict = VERDICT_RANK[row.verdictCode] * 10
  const traces = Math.min(row.fingerprints, 9)
  return watermark + verdict + traces + (row.aiProbability ?? 0) * 0.99
}

function sortValue(row: TableRow, key: SortKey): string | number | null {
  if (key === 'student') return row.student ?? row.fileName
  if (key === 'concern') return concernOf(row)
  if (key === 'reviewed') return row.failed ? null : (row.reviewed ? 2 : 0) + (row.hasNote ? 1 : 0)
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

/** The class summary: how many files read like AI, are uncertain, read like human, are too short, failed. */
export interface ClassCounts {
  total: number
  likelyAi: number
  uncertain: number
  likelyHuman: number
  limited: number
  errors: number
  flagged: number
  reviewed: number
}

export function countRows(rows: readonly TableRow[]): ClassCounts {
  const c: ClassCounts = {
    total: rows.length,
    likelyAi: 0,
    uncertain: 0,
    likelyHuman: 0,
    limited: 0,
    errors: 0,
    flagged: 0,
    reviewed: 0
  }
  for (const r of rows) {
    if (r.failed) c.errors++
    else if (r.verdictCode === 'likely-ai') c.likelyAi++
    else if (r.verdictCode === 'uncertain') c.uncertain++
    else if (r.verdictCode === 'likely-human') c.likelyHuman++
    else c.limited++
    if (isFlagged(r)) c.flagged++
    if (r.reviewed) c.reviewed++
  }
  return c
}

export function filterRows(rows: TableRow[], query: string, filter: RowFilter): TableRow[] {
  const needle = query.trim().toLowerCase()
  return rows.filter((row) => {
    if (filter === 'errors' && !row.failed) return false
    if (filter === 'flagged' && !isFlagged(row)) return false
    if (filter === 'uncertain' && row.verdictCode !== 'uncertain') return false
    if (filter === 'unreviewed' && (row.reviewed || row.failed)) return false
    if (!needle) return true
    return row.fileName.toLowerCase().includes(needle) || (row.student ?? '').toLowerCase().includes(needle)
  })
}
