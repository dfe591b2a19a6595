/** Block kinds from word-processor style names (Word, LibreOffice, RTF), in several languages. */
import type { BlockKind } from '../../shared/types'

export function kindFromStyleName(name: string): BlockKind | undefined {
  const n = name
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim()
  if (/^(?:heading ?\d|title|subtitle)$/.test(n)) return 'heading'
  if (/^(?:überschrift|titre|titolo|t[ií]tulo|kop) ?\d$/.test(n)) return 'heading' // localised style ids
  if (/quot|block ?text|zitat|citation/.test(n)) return 'quote'
  if (/bibliograph|reference|works cited/.test(n)) return 'references'
  if (/code|preformatted|source text|macro|html ?pre/.test(n)) return 'code'
  if (/^list|bullet|number/.test(n)) return 'list'
  return undefined
}
