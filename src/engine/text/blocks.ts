/**
 * Heuristics that tell prose from everything else when a format carries no styles (TXT, PDF, RTF without a
 * stylesheet). They err towards "prose": scoring a heading by mistake costs little, skipping a real
 * paragraph hides evidence.
 */
import type { BlockKind } from '../../shared/types'
import { countWords } from './words'

const REFERENCES_HEADING =
  /^(?:\d+\.?\s*)?(?:references?|works cited|works consulted|bibliography|sources(?: cited)?|reference list|literature cited|citations)\s*:?$/i

/** "References", "Works Cited", "Bibliography" and friends, optionally numbered ("7. References"). */
export function isReferencesHeading(text: string): boolean {
  return REFERENCES_HEADING.test(text.trim().replace(/^#+\s*/, ''))
}

/** A short single line without closing punctuation, starting with a capital or a section number. */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim()
  if (t.length === 0 || t.length > 100 || t.includes('\n')) return false
  if (/[.,;:!]$/.test(t) && !/^\d+(?:\.\d+)*\.$/.test(t)) return false
  if (looksLikeListItem(t)) return false
  const words = countWords(t)
  if (words === 0 || words > 12) return false
  return /^(?:[\p{Lu}\p{N}]|(?:[IVX]+|\d+(?:\.\d+)*)[.)]?\s)/u.test(t)
}

const LIST_MARKER = /^\s*(?:[-*+•◦▪‣●○■–]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+\S/

export function looksLikeListItem(line: string): boolean {
  return LIST_MARKER.test(line)
}

const YEAR = /\b(?:1[6-9]|20)\d\d[a-z]?\b|\bn\.d\./
/** "Surname, A. B." or "Surname, Firstname." at the start, as APA/MLA/Chicago entries begin. */
const AUTHOR_START =
  /^[\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+)?, (?:(?:[\p{Lu}]\.\s?)+|[\p{Lu}][\p{L}'’-]+[.,])/u
const NUMBERED_CITATION = /^\[\d{1,3}\]\s+\S/
const SOURCE_MARKERS =
  /\b(?:doi:|https?:\/\/|Retrieved from|Accessed|Vol\.|pp?\.\s?\d|Press|Journal|et al\.)/i

/** A bibliography entry: an author-first or numbered line with a year and a source marker, not too long. */
export function looksLikeCitation(text: string): boolean {
  const t = text.trim()
  const words = countWords(t)
  if (words < 3 || words > 80) return false
  if (NUMBERED_CITATION.test(t)) return YEAR.test(t)
  return AUTHOR_START.test(t) && YEAR.test(t) && (SOURCE_MARKERS.test(t) || /\(\d{4}[a-z]?\)/.test(t))
}

/** Rows of cells: every line has a tab or a pipe separator, and there are at least two lines. */
export function looksLikeTable(text: string): boolean {
  const lines = text.trim().split('\n')
  if (lines.length < 2) return false
  return lines.every((l) => /\t/.test(l.trim()) || /\S\s*\|\s*\S/.test(l))
}

/** Kind of a block whose format gave no structural hint. */
export function classifyPlainBlock(text: string): BlockKind {
  const t = text.trim()
  const lines = t.split('\n')
  if (lines.every((l) => looksLikeListItem(l)) && (lines.length > 1 || countWords(t) < 40)) return 'list'
  if (looksLikeTable(t)) return 'table'
  if (isReferencesHeading(t) || looksLikeHeading(t)) return 'heading'
  if (looksLikeCitation(t)) return 'references'
  return 'prose'
}

/**
 * Everything after a references heading is bibliography until the next heading; a format's own kinds for
 * tables, code and quotes are kept.
 */
export function applyReferenceSections(texts: readonly string[], kinds: BlockKind[]): BlockKind[] {
  let inReferences = false
  return kinds.map((kind, i) => {
    if (kind === 'heading') {
      inReferences = isReferencesHeading(texts[i] ?? '')
      return kind
    }
    if (inReferences && (kind === 'prose' || kind === 'list')) return 'references'
    return kind
  })
}
