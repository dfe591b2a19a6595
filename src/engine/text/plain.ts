/**
 * Plain text to blocks. Blank lines separate paragraphs. Two common shapes of student TXT files need care:
 * one paragraph per long line with no blank lines (pasted from a web form), and hard-wrapped lines that
 * belong together. Text is kept as written; only the block boundaries are decided here.
 */
import type { RawBlock } from './assemble'
import { looksLikeHeading } from './blocks'

/** Lines longer than this are unlikely to be hard-wrapped, so each is a paragraph of its own. */
const LONG_LINE = 120

export function splitPlainTextBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = []
  for (const chunk of text.split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '')
    if (lines.length === 0) continue
    if (lines.length > 1 && median(lines.map((l) => l.trim().length)) > LONG_LINE) {
      for (const line of lines) blocks.push({ text: line, page: null })
      continue
    }
    const [first, second] = lines
    if (
      first !== undefined &&
      second !== undefined &&
      second.trim().length > 40 &&
      first.trim().length < 0.6 * second.trim().length &&
      looksLikeHeading(first)
    ) {
      blocks.push({ text: first, page: null, kind: 'heading' })
      blocks.push({ text: lines.slice(1).join('\n'), page: null })
      continue
    }
    blocks.push({ text: lines.join('\n'), page: null })
  }
  return blocks
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}
