/**
 * Markdown to blocks, line by line. Inline markup (*emphasis*, [links](…)) is kept exactly as written so
 * offsets point at what the student typed; only whole blocks are classified: ATX and setext headings,
 * fenced and indented code, > quotes, lists, pipe tables. Thematic breaks (---) carry no text and are dropped.
 */
import type { BlockKind } from '../../shared/types'
import type { RawBlock } from './assemble'
import { looksLikeListItem } from './blocks'

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)\s*$/
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/
const QUOTE = /^ {0,3}>/
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)+\|?\s*$/

export function splitMarkdownBlocks(text: string): RawBlock[] {
  const lines = text.split('\n')
  const blocks: RawBlock[] = []
  let current: { lines: string[]; kind: BlockKind } | null = null
  const flush = (): void => {
    if (current) blocks.push({ text: current.lines.join('\n'), page: null, kind: finalKind(current) })
    current = null
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const fence = FENCE.exec(line)
    if (fence) {
      flush()
      const marker = fence[1] as string
      const body = [line]
      let j = i + 1
      for (; j < lines.length; j++) {
        body.push(lines[j] as string)
        if ((lines[j] as string).trim().startsWith(marker)) break
      }
      blocks.push({ text: body.join('\n'), page: null, kind: 'code' })
      i = j
      continue
    }
    if (line.trim() === '') {
      flush()
      continue
    }
    if (ATX_HEADING.test(line)) {
      flush()
      blocks.push({ text: line, page: null, kind: 'heading' })
      continue
    }
    const cur = current as { lines: string[]; kind: BlockKind } | null
    if (cur && cur.kind === 'prose' && cur.lines.length === 1 && SETEXT_UNDERLINE.test(line)) {
      blocks.push({ text: `${cur.lines[0]}\n${line}`, page: null, kind: 'heading' })
      current = null
      continue
    }
    if (THEMATIC_BREAK.test(line)) {
      flush()
      continue
    }
    const kind = lineKind(line)
    if (cur && startsNewBlock(cur.kind, kind, line)) flush()
    if (!current) current = { lines: [], kind }
    ;(current as { lines: string[] }).lines.push(line)
  }
  flush()
  return blocks
}

function lineKind(line: string): BlockKind {
  if (QUOTE.test(line)) return 'quote'
  if (looksLikeListItem(line)) return 'list'
  if (/^(?: {4}|\t)/.test(line)) return 'code'
  return 'prose'
}

/** A quote or list may interrupt a paragraph; indented continuation lines stay with their list. */
function startsNewBlock(current: BlockKind, next: BlockKind, line: string): boolean {
  if (current === next) return false
  if (current === 'list' && (next === 'code' || next === 'prose')) return false
  if (current === 'quote' && next === 'prose') return false // lazy continuation
  if (current === 'prose' && next === 'code') return false
  return !(current === 'code' && /^\s/.test(line))
}

function finalKind(block: { lines: string[]; kind: BlockKind }): BlockKind | undefined {
  const [first, second] = block.lines
  if (first?.includes('|') && second !== undefined && TABLE_SEPARATOR.test(second)) return 'table'
  // Unmarked prose may still be a bibliography entry or a bare heading line: assembleText guesses.
  return block.kind === 'prose' ? undefined : block.kind
}
