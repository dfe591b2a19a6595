/**
 * Builds the document text every offset refers to. Paragraphs are joined with a blank line ("\n\n"), so
 * `text.slice(p.start, p.end)` is each block exactly as extracted (trimmed), and nothing else is in between.
 */
import type { BlockKind, HiddenHow, HiddenText, Paragraph } from '../../shared/types'
import { applyReferenceSections, classifyPlainBlock } from './blocks'
import { expandLigatures, normaliseLineEndings } from './normalise'
import { countWords } from './words'

export const PARAGRAPH_SEPARATOR = '\n\n'

/** One block as an extractor found it. `kind` is set when the format said so (a style); else it is guessed. */
export interface RawBlock {
  text: string
  page: number | null
  kind?: BlockKind
  /** Text a reader cannot see that the extractor left out of `text`, each at its offset in `text`. */
  hidden?: RawHidden[]
}

/** Hidden text as an extractor found it: `at` indexes the block's raw `text` (before cleaning). */
export interface RawHidden {
  at: number
  text: string
  how: HiddenHow
}

export interface AssembledText {
  text: string
  paragraphs: Paragraph[]
  /** Hidden text located in `text`, in document order; stretches at one point are merged. */
  hidden: HiddenText[]
}

/** Characters that would corrupt offsets or display: NUL and other C0 controls except tab and newline. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

export function cleanBlockText(text: string): string {
  return cleanUntrimmed(text).trim()
}

function cleanUntrimmed(text: string): string {
  return stripTrailingBlanks(expandLigatures(normaliseLineEndings(text)).replace(CONTROL, '')).replace(
    /\n{3,}/g,
    '\n\n'
  )
}

/** Hidden stretches in one block located exactly; past this many, segment by segment (linear, ±a space). */
const EXACT_HIDDEN_PER_BLOCK = 32

/**
 * Where each raw offset lands in cleanBlockText(raw): the cleaned length of what precedes it. Exact for the
 * usual few stretches; a hostile block with thousands is measured segment by segment so the cost stays linear
 * (cleaning across a segment boundary may then shift a point by a character or two).
 */
function hiddenOffsets(raw: string, hidden: readonly RawHidden[], cleaned: string): number[] {
  if (hidden.length <= EXACT_HIDDEN_PER_BLOCK)
    return hidden.map((h) => Math.min(cleaned.length, cleanUntrimmed(raw.slice(0, h.at)).trimStart().length))
  const out: number[] = []
  let from = 0
  let length = 0
  for (const h of hidden) {
    const at = Math.max(from, h.at)
    const segment = cleanUntrimmed(raw.slice(from, at))
    length += (length === 0 ? segment.trimStart() : segment).length
    from = at
    out.push(Math.min(cleaned.length, length))
  }
  return out
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
  const cleaned = blocks.map((b) => ({ ...b, raw: b.text, text: cleanBlockText(b.text) }))
  const kept = cleaned.filter((b) => /[\p{L}\p{N}]/u.test(b.text))
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
  return { text: texts.join(PARAGRAPH_SEPARATOR), paragraphs, hidden: locateHidden(cleaned, paragraphs) }
}

/**
 * Each hidden stretch located in the document text. Hidden text in a block that was dropped (a paragraph that
 * was all hidden) sits at the start of the next kept paragraph, or at the end of the text when none follows.
 */
function locateHidden(
  blocks: readonly (RawBlock & { raw: string })[],
  paragraphs: readonly Paragraph[]
): HiddenText[] {
  const out: HiddenText[] = []
  let kept = 0
  let pending: { text: string; how: HiddenHow; page: number | null }[] = []
  const end = paragraphs.length > 0 ? (paragraphs[paragraphs.length - 1] as Paragraph).end : 0
  const add = (
    offset: number,
    text: string,
    how: HiddenHow,
    page: number | null,
    sameBlock: boolean
  ): void => {
    const last = out[out.length - 1]
    if (last && last.offset === offset && last.how === how) {
      last.text += (sameBlock ? ' ' : PARAGRAPH_SEPARATOR) + text
      last.words += countWords(text)
    } else out.push({ offset, text, words: countWords(text), how, page })
  }
  for (const block of blocks) {
    const paragraph = /[\p{L}\p{N}]/u.test(block.text) ? paragraphs[kept++] : undefined
    if (paragraph) {
      for (const p of pending) add(paragraph.start, p.text, p.how, p.page, false)
      pending = []
    }
    const offsets = paragraph ? hiddenOffsets(block.raw, block.hidden ?? [], block.text) : []
    for (const [i, h] of (block.hidden ?? []).entries()) {
      const text = cleanBlockText(h.text)
      if (!/[\p{L}\p{N}]/u.test(text)) continue
      if (!paragraph) pending.push({ text, how: h.how, page: block.page })
      else add(paragraph.start + (offsets[i] ?? 0), text, h.how, block.page, true)
    }
  }
  for (const p of pending) add(end, p.text, p.how, p.page, false)
  return out
}
