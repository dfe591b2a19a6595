/**
 * Builds the document text every offset refers to. Paragraphs are joined with a blank line ("\n\n"), so
 * `text.slice(p.start, p.end)` is each block exactly as extracted (trimmed), and nothing else is in between.
 */
import type { BlockKind, Paragraph } from '../../shared/types'
import { applyReferenceSections, classifyPlainBlock } from './blocks'
import { expandLigatures, normaliseLineEndings } from './normalise'

export const PARAGRAPH_SEPARATOR = '\n\n'

/** One block as an extractor found it. `kind` is set when the format said so (a style); else it is guessed. */
export interface RawBlock {
  text: string
  page: number | null
  kind?: BlockKind
}

export interface AssembledText {
  text: string
  paragraphs: Paragraph[]
}

/** Characters that would corrupt offsets or display: NUL and other C0 controls except tab and newline. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

export function cleanBlockText(text: string): string {
  return stripTrailingBlanks(expandLigatures(normaliseLineEndings(text)).replace(CONTROL, ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/**
 * Spaces and tabs at the end of each line, removed in one pass. The regular expression /[ \t]+\n/g did the
 * same but backtracked over every long run of spaces not followed by a newline (the indentation of deeply
 * nested lists): cubic time, 15 s for a 9 MB Markdown file.
 */
function stripTrailingBlanks(text: string): string {
  if (!/[ \t]\n/.test(text)) return text
  return text
    .split('\n')
    .map((line) => {
      let end = line.length
      while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--
      return end === line.length ? line : line.slice(0, end)
    })
    .join('\n')
}

export function assembleText(blocks: readonly RawBlock[]): AssembledText {
  const kept = blocks
    .map((b) => ({ ...b, text: cleanBlockText(b.text) }))
    .filter((b) => /[\p{L}\p{N}]/u.test(b.text))
  const texts = kept.map((b) => b.text)
  const kinds = applyReferenceSections(
    texts,
    kept.map((b) => b.kind ?? classifyPlainBlock(b.text))
  )
  const paragraphs: Paragraph[] = []
  let offset = 0
  kept.forEach((block, index) => {
    if (index > 0) offset += PARAGRAPH_SEPARATOR.length
    paragraphs.push({
      index,
      start: offset,
      end: offset + block.text.length,
      page: block.page,
      kind: kinds[index]
    })
    offset += block.text.length
  })
  return { text: texts.join(PARAGRAPH_SEPARATOR), paragraphs }
}
