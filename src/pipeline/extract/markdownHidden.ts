/**
 * Markdown a reader never sees once it is rendered (issue 17.11): HTML comments, inline HTML hidden with
 * `hidden` or a hiding style (display:none, visibility:hidden, font-size:0, opacity:0), and the comment idiom
 * `[//]: # (text)`. Fenced code and inline code are left alone (there a comment is shown as written).
 *
 * Each hidden stretch is cut out of the text and a marker (a Unicode noncharacter absent from the file) is
 * left in its place, so that after the text is split into blocks each stretch is located exactly.
 */
import type { RawBlock } from '../../engine/text'
import type { HiddenHow } from '../../shared/types'
import { hidesContent } from './cssHiding'

interface Stretch {
  start: number
  end: number
  text: string
  how: HiddenHow
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const COMMENT_IDIOM =
  /^ {0,3}\[[^\]\n]*\]:[ \t]*(?:#|<>)(?:[ \t]+(?:"([^"\n]*)"|'([^'\n]*)'|\(([^)\n]*)\)))?[ \t]*$/gm
// Attributes are bounded so a "<" with no ">" after it costs at most this much scanning, not the rest of the file.
const OPEN_TAG = /<([a-zA-Z][a-zA-Z0-9-]{0,31})\b((?:[^>"'\n]|"[^"\n]{0,1000}"|'[^'\n]{0,1000}'){0,2000})>/g

/** Character ranges of fenced code blocks. */
function fencedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = []
  let at = 0
  let open: { marker: string; start: number } | null = null
  for (const line of text.split('\n')) {
    const fence = FENCE.exec(line)
    if (open === null && fence) open = { marker: (fence[1] as string)[0] as string, start: at }
    else if (open !== null && line.trim().startsWith(open.marker.repeat(3))) {
      ranges.push([open.start, at + line.length])
      open = null
    }
    at += line.length + 1
  }
  if (open) ranges.push([open.start, text.length])
  return ranges
}

/** Backticks looked at before a position: inline code longer than this on one line is not real. */
const INLINE_CODE_REACH = 1024

/** Inside inline code: an odd number of backticks before `at` on its line (within reach, so it stays linear). */
function inInlineCode(text: string, at: number): boolean {
  let ticks = 0
  for (let i = at - 1; i >= Math.max(0, at - INLINE_CODE_REACH); i--) {
    const c = text.charCodeAt(i)
    if (c === 0x0a) break
    if (c === 0x60) ticks++
  }
  return ticks % 2 === 1
}

/** Whether `at` falls in one of the sorted, disjoint ranges (binary search). */
function inRanges(ranges: readonly [number, number][], at: number): boolean {
  let lo = 0
  let hi = ranges.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [a, b] = ranges[mid] as [number, number]
    if (at < a) hi = mid - 1
    else if (at >= b) lo = mid + 1
    else return true
  }
  return false
}

function hiddenAttributes(attrs: string): boolean {
  if (/(?:^|\s)hidden(?:\s|=|$)/i.test(attrs)) return true
  const style = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs)
  return style !== null && hidesContent(style[1] ?? style[2] ?? '')
}

/** The end of the element opened at `from` (after its matching end tag), counting nested same-name tags. */
function elementEnd(text: string, name: string, from: number): number {
  const tags = new RegExp(`<(/?)${name}\\b[^>\\n]{0,2000}>`, 'gi')
  tags.lastIndex = from
  let depth = 1
  for (let m = tags.exec(text); m !== null; m = tags.exec(text)) {
    depth += m[1] === '/' ? -1 : 1
    if (depth === 0) return m.index + m[0].length
  }
  // Never closed: a browser hides the rest of the block.
  const blank = text.indexOf('\n\n', from)
  return blank < 0 ? text.length : blank
}

function findStretches(text: string): Stretch[] {
  const fenced = fencedRanges(text)
  const skip = (at: number): boolean => inRanges(fenced, at) || inInlineCode(text, at)
  const found: Stretch[] = []
  for (let at = text.indexOf('<!--'); at >= 0; at = text.indexOf('<!--', at + 4)) {
    if (skip(at)) continue
    const close = text.indexOf('-->', at + 4)
    const end = close < 0 ? text.length : close + 3
    found.push({ start: at, end, text: text.slice(at + 4, close < 0 ? end : close), how: 'comment' })
    at = end - 4
  }
  for (const m of text.matchAll(COMMENT_IDIOM)) {
    if (skip(m.index)) continue
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[1] ?? m[2] ?? m[3] ?? '',
      how: 'comment'
    })
  }
  OPEN_TAG.lastIndex = 0
  for (let m = OPEN_TAG.exec(text); m !== null; m = OPEN_TAG.exec(text)) {
    if (!hiddenAttributes(m[2] ?? '') || skip(m.index)) continue
    const end = elementEnd(text, m[1] as string, m.index + m[0].length)
    const inner = text.slice(m.index, end).replace(/<[^>]*>/g, ' ')
    found.push({ start: m.index, end, text: inner, how: 'hidden-formatting' })
    OPEN_TAG.lastIndex = end
  }
  // Outermost first; a stretch inside another (a comment inside a hidden span) is part of it.
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Stretch[] = []
  for (const s of found) {
    const last = out[out.length - 1]
    if (!last || s.start >= last.end) out.push(s)
  }
  return out
}

/** A noncharacter the text does not contain, to mark where each hidden stretch was. */
function markerFor(text: string): string | null {
  for (let cp = 0xfdd0; cp <= 0xfdef; cp++) {
    const ch = String.fromCharCode(cp)
    if (!text.includes(ch)) return ch
  }
  return null
}

/**
 * Splits Markdown into blocks with the hidden stretches taken out, each noted in its block's `hidden` at
 * the exact place it was. `split` is the ordinary Markdown block splitter.
 */
export function markdownBlocksWithoutHidden(text: string, split: (text: string) => RawBlock[]): RawBlock[] {
  const stretches = findStretches(text)
  const marker = stretches.length > 0 ? markerFor(text) : null
  if (marker === null) return split(text)
  let visible = ''
  let at = 0
  for (const s of stretches) {
    visible += text.slice(at, s.start) + marker
    at = s.end
  }
  visible += text.slice(at)
  let next = 0
  return split(visible).map((block) => {
    if (!block.text.includes(marker)) return block
    const kept: string[] = []
    let length = 0 // of kept.join('\n')
    const hidden: NonNullable<RawBlock['hidden']> = []
    for (const line of block.text.split('\n')) {
      const pieces = line.split(marker)
      const bare = pieces.join('')
      // A line that held only hidden text goes with it, so it leaves no blank line in the block.
      const onlyHidden = bare.trim() === ''
      const lineStart = onlyHidden ? length : length + (kept.length > 0 ? 1 : 0)
      let column = 0
      for (const piece of pieces.slice(0, -1)) {
        column += piece.length
        const s = stretches[next++]
        if (s) hidden.push({ at: onlyHidden ? length : lineStart + column, text: s.text, how: s.how })
      }
      if (onlyHidden) continue
      kept.push(bare)
      length = lineStart + bare.length
    }
    const out = kept.join('\n')
    return { ...block, text: out, hidden }
  })
}
