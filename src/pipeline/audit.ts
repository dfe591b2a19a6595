/**
 * Fairness audit, Node side: score labelled texts from a JSONL file with the detector (text scored directly,
 * no file extraction) and summarise error rates per group (writer group, grade, domain, length band…).
 */
import { readFile } from 'node:fs/promises'
import type { OperatingPointName } from '../shared/api'
import type { DetectorSummary, OperatingPoint, Paragraph, Passage, PassageScore } from '../shared/types'
import { assembleText, segmentPassages, splitPlainTextBlocks } from '../engine/text'
import { summariseByGroup, type GroupRow, type ScoredRecord } from '../engine/calibration'

export interface AuditRecord {
  id: string
  text: string
  label: 'human' | 'ai' | 'mixed'
  group?: string
  domain?: string
  generator?: string
  meta?: Record<string, unknown>
  [field: string]: unknown
}

/** What the audit needs from the detector; the real `Detector` satisfies it structurally. */
export interface DocumentScorer {
  scoreDocument(
    text: string,
    passages: Passage[],
    options: { operatingPoint: OperatingPointName }
  ):
    | Promise<{ passages: PassageScore[]; summary: DetectorSummary }>
    | { passages: PassageScore[]; summary: DetectorSummary }
}

const LABELS = new Set(['human', 'ai', 'mixed'])

function isAuditRecord(v: unknown): v is AuditRecord {
  if (typeof v !== 'object' || v === null) return false
  const r = v as Record<string, unknown>
  return (
    typeof r.id === 'string' &&
    typeof r.text === 'string' &&
    typeof r.label === 'string' &&
    LABELS.has(r.label)
  )
}

/** Parses JSON Lines; lines that are not valid records are counted, not fatal. */
export function parseAuditRecords(jsonl: string): { records: AuditRecord[]; invalidLines: number } {
  const records: AuditRecord[] = []
  let invalidLines = 0
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') continue
    try {
      const parsed: unknown = JSON.parse(line)
      if (isAuditRecord(parsed)) records.push(parsed)
      else invalidLines++
    } catch {
      invalidLines++
    }
  }
  return { records, invalidLines }
}

export async function readAuditRecords(
  file: string
): Promise<{ records: AuditRecord[]; invalidLines: number }> {
  return parseAuditRecords(await readFile(file, 'utf8'))
}

/** A field's value as a group name: top-level first, then `meta.<field>`; dotted paths reach into objects. */
export function groupValue(record: AuditRecord, field: string): string | null {
  const path = field.split('.')
  const lookup = (root: unknown): unknown =>
    path.reduce<unknown>(
      (v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined),
      root
    )
  const v = lookup(record) ?? lookup(record.meta)
  return v === undefined || v === null || v === '' ? null : String(v)
}

/**
 * A plain text as the TXT extractor would see it: blocks split on blank lines, cleaned and re-joined, with
 * paragraph offsets into the returned text (which is what must be scored, since offsets refer to it).
 */
export function paragraphsOf(raw: string): { text: string; paragraphs: Paragraph[] } {
  return assembleText(splitPlainTextBlocks(raw))
}

export interface AuditScoreOptions {
  groupField: string
  operatingPoint: OperatingPointName
  /** Assigns groups itself (e.g. length bands); overrides groupField. */
  groupOf?: (record: AuditRecord, words: number) => string | null
  onProgress?: (done: number, total: number) => void
}

export interface AuditOutcome {
  scored: ScoredRecord[]
  rows: GroupRow[]
  /** The operating point the detector reported (threshold and where its FPR was measured). */
  operatingPoint: OperatingPoint | null
  model: DetectorSummary['model'] | null
}

/** Scores one text exactly as a TXT document would be scored. */
export async function scoreText(
  scorer: DocumentScorer,
  raw: string,
  operatingPoint: OperatingPointName
): Promise<{ summary: DetectorSummary; words: number }> {
  const { text, paragraphs } = paragraphsOf(raw)
  const passages = segmentPassages(text, paragraphs)
  const { summary } = await scorer.scoreDocument(text, passages, { operatingPoint })
  return { summary, words: passages.reduce((n, p) => n + p.words, 0) }
}

export async function scoreAuditRecords(
  records: readonly AuditRecord[],
  scorer: DocumentScorer,
  options: AuditScoreOptions
): Promise<AuditOutcome> {
  const scored: ScoredRecord[] = []
  let operatingPoint: OperatingPoint | null = null
  let model: DetectorSummary['model'] | null = null
  for (const [i, record] of records.entries()) {
    const { summary, words } = await scoreText(scorer, record.text, options.operatingPoint)
    operatingPoint ??= summary.operatingPoint
    model ??= summary.model
    const p = summary.aiProbability
    const usable = p !== null && summary.verdict !== 'too-short' && summary.verdict !== 'unsupported-language'
    scored.push({
      id: record.id,
      label: record.label,
      group: options.groupOf ? options.groupOf(record, words) : groupValue(record, options.groupField),
      score: usable ? p : null,
      flagged: usable && summary.verdict === 'likely-ai',
      words
    })
    options.onProgress?.(i + 1, records.length)
  }
  return { scored, rows: summariseByGroup(scored), operatingPoint, model }
}
