/**
 * Shared checks for the hardening tests: what "an ok result with exact offsets, or a coded error" means.
 * Each check returns a list of problems (empty when fine) so a fuzz loop can report the case that broke it.
 */
import type { ErrorCode, ExtractedDocument, Passage } from '../../../src/shared/types'
import type { ExtractOutcome } from '../../../src/pipeline/extract'

/** Every member of the ErrorCode union; the Record type makes the compiler flag a missing or extra code. */
const ERROR_CODES: Record<ErrorCode, true> = {
  'not-found': true,
  unreadable: true,
  'is-directory': true,
  'too-large': true,
  empty: true,
  corrupt: true,
  encrypted: true,
  scanned: true,
  undecodable: true,
  'unsupported-type': true,
  'zip-bomb': true,
  'unsafe-archive': true,
  'xml-entities': true,
  'too-complex': true,
  timeout: true,
  cancelled: true,
  internal: true
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code)
}

/** Paragraph offsets: in bounds, ordered, trimmed, and joined by blank lines they are the whole text. */
export function paragraphProblems(doc: ExtractedDocument): string[] {
  const problems: string[] = []
  const { text, paragraphs } = doc
  if (paragraphs.length === 0) problems.push('ok result without paragraphs')
  let prevEnd = 0
  for (const [i, p] of paragraphs.entries()) {
    if (p.index !== i) problems.push(`paragraph ${i} has index ${p.index}`)
    if (!(Number.isInteger(p.start) && Number.isInteger(p.end)))
      problems.push(`paragraph ${i} offsets not integers`)
    if (p.start < prevEnd || p.end < p.start || p.end > text.length)
      problems.push(`paragraph ${i} [${p.start},${p.end}) out of order or bounds (len ${text.length})`)
    const slice = text.slice(p.start, p.end)
    if (slice !== slice.trim() || slice === '') problems.push(`paragraph ${i} slice not trimmed or empty`)
    prevEnd = p.end
  }
  const joined = paragraphs.map((p) => text.slice(p.start, p.end)).join('\n\n')
  if (joined !== text) problems.push('paragraph slices joined by blank lines differ from the text')
  return problems
}

/** Passage offsets: in bounds, ordered, inside the paragraphs they name, each with words. */
export function passageProblems(doc: ExtractedDocument, passages: readonly Passage[]): string[] {
  const problems: string[] = []
  const { text, paragraphs } = doc
  let prevEnd = 0
  let prevLast = 0
  for (const [i, p] of passages.entries()) {
    const [first, last] = p.paragraphs
    const firstPara = paragraphs[first]
    const lastPara = paragraphs[last]
    if (p.index !== i) problems.push(`passage ${i} has index ${p.index}`)
    if (p.start < prevEnd || p.end <= p.start || p.end > text.length)
      problems.push(`passage ${i} [${p.start},${p.end}) out of order or bounds (len ${text.length})`)
    if (!firstPara || !lastPara || first > last || first < prevLast)
      problems.push(`passage ${i} names paragraphs ${first}..${last} out of order`)
    else if (p.start < firstPara.start || p.end > lastPara.end)
      problems.push(`passage ${i} lies outside its paragraphs`)
    if (!(p.words >= 0) || text.slice(p.start, p.end).trim() === '') problems.push(`passage ${i} is empty`)
    prevEnd = p.end
    prevLast = last
  }
  return problems
}

/** Problems with an extraction outcome, or with the passages segmented from it. */
export function outcomeProblems(outcome: ExtractOutcome, passages: readonly Passage[] | null): string[] {
  if (!outcome.ok) {
    const problems: string[] = []
    if (!isErrorCode(outcome.error.code)) problems.push(`unknown error code ${String(outcome.error.code)}`)
    if (typeof outcome.error.message !== 'string' || outcome.error.message.length === 0)
      problems.push('error without a message')
    if (outcome.error.code === 'internal') problems.push(`internal error: ${outcome.error.message}`)
    return problems
  }
  return [...paragraphProblems(outcome.doc), ...passageProblems(outcome.doc, passages ?? [])]
}
