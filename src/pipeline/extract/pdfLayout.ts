/**
 * Rebuilds lines and paragraphs from positioned PDF text items (pure: plain data in, blocks out).
 * Lines: items on one baseline (|Δy| < half the glyph height), joined with a space only where there is a
 * visible gap, so ligature items ("e" "ffi" "cient") stay one word. Running headers and footers (same text,
 * digits aside, at the same height on most pages) and bare page numbers are dropped. Paragraphs break on a
 * vertical gap well above the usual line pitch, a change of font size, a first-line indent, or a short
 * line ending a sentence. Words hyphenated at a line end are joined ("exam-" + "ple" → "example").
 */
import { looksLikeListItem, type RawBlock } from '../../engine/text'

export interface PositionedItem {
  str: string
  x: number
  /** Baseline; grows upwards, as in PDF user space. */
  y: number
  width: number
  height: number
}

export interface PdfLine {
  page: number
  x: number
  endX: number
  y: number
  height: number
  text: string
  /** Runs separated by a wide gap (table cells); 1 for ordinary text. */
  columns: number
}

export interface PdfLayoutResult {
  blocks: RawBlock[]
  hyphenationsJoined: number
}

/** A horizontal gap this many glyph heights wide separates table cells, not words. */
const TABLE_GAP = 2

/** A bullet or number on its own, typeset at a tab stop before the item text. */
const LIST_MARKER_ONLY = /^\s*(?:[-*+•◦▪‣●○■–]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s*$/

const PAGE_NUMBER = /^(?:page\s+)?[-–—(]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i

export function buildLines(items: readonly PositionedItem[], page: number): PdfLine[] {
  type Group = { y: number; height: number; items: PositionedItem[]; order: number }
  const groups: Group[] = []
  // Groups by whole y, so finding an item's line looks at a few neighbouring buckets, not every line so far
  // (a page with 60,000 lines stays linear).
  const byY = new Map<number, Group[]>()
  let tallest = 0
  const lookup = (y: number, h: number): Group | undefined => {
    const reach = Math.ceil(0.5 * Math.max(h, tallest)) + 1
    // Giant or broken glyph heights (a damaged PDF): scan the lines instead of billions of empty buckets.
    if (!Number.isFinite(reach) || !Number.isFinite(y) || reach > 256)
      return groups.find((g) => Math.abs(g.y - y) < 0.5 * Math.max(h, g.height))
    let best: Group | undefined
    for (let b = Math.floor(y) - reach; b <= Math.floor(y) + reach; b++) {
      for (const g of byY.get(b) ?? []) {
        if (Math.abs(g.y - y) < 0.5 * Math.max(h, g.height) && (!best || g.order < best.order)) best = g
      }
    }
    return best
  }
  for (const item of items) {
    if (item.str === '') continue
    const h = item.height > 0 ? item.height : 10
    const line =
      findRecent(groups, (g) => Math.abs(g.y - item.y) < 0.5 * Math.max(h, g.height)) ?? lookup(item.y, h)
    if (line) {
      line.items.push(item)
      line.height = Math.max(line.height, h)
    } else {
      const g: Group = { y: item.y, height: h, items: [item], order: groups.length }
      groups.push(g)
      const bucket = Math.floor(item.y)
      const list = byY.get(bucket)
      if (list) list.push(g)
      else byY.set(bucket, [g])
    }
    tallest = Math.max(tallest, h, line?.height ?? 0)
  }
  return groups
    .sort((a, b) => b.y - a.y)
    .map((g) => {
      // Whitespace items only fill gaps (some writers emit one as wide as a table column): the gap rule decides.
      const visible = g.items.filter((i) => i.str.trim() !== '')
      const chosen = visible.length > 0 ? visible : g.items
      // A right-to-left line (Hebrew, Arabic) is read from its right edge: its items are ordered on mirrored
      // x, so the first word read is the rightmost (issue 17.15). pdfjs already gives each item in logical order.
      const rtl = isRightToLeft(chosen)
      const sorted = (rtl ? chosen.map((i) => ({ ...i, x: -(i.x + i.width) })) : chosen).sort(
        (a, b) => a.x - b.x
      )
      let text = ''
      let columns = 1
      let prevEnd = Number.NEGATIVE_INFINITY
      for (const item of sorted) {
        const gap = item.x - prevEnd
        if (text !== '' && gap > TABLE_GAP * g.height && !LIST_MARKER_ONLY.test(text)) {
          text = text.trimEnd() + '\t'
          columns++
        } else if (text !== '' && gap > 0.15 * g.height && !/\s$/.test(text) && !/^\s/.test(item.str))
          text += ' '
        text += item.str
        prevEnd = Math.max(prevEnd, item.x + item.width)
      }
      const first = sorted[0] as PositionedItem
      const left = rtl ? chosen.reduce((m, i) => Math.min(m, i.x), Infinity) : first.x
      const right = rtl ? chosen.reduce((m, i) => Math.max(m, i.x + i.width), -Infinity) : prevEnd
      const clean = text
        .replace(/[^\S\t]+/g, ' ')
        .replace(/ ?\t ?/g, '\t')
        .trim()
      return { page, x: left, endX: right, y: g.y, height: g.height, text: clean, columns }
    })
    .filter((l) => l.text !== '')
}

const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/gu
const LETTER = /\p{L}/gu

/** Most of the line's letters are in a right-to-left script. */
function isRightToLeft(items: readonly PositionedItem[]): boolean {
  let rtl = 0
  let all = 0
  for (const item of items) {
    rtl += item.str.match(RTL_LETTER)?.length ?? 0
    all += item.str.match(LETTER)?.length ?? 0
  }
  return rtl > 0 && rtl * 2 > all
}

/** The most recent of the last 8 groups that matches (the usual case: text flows line by line). */
function findRecent<T>(list: T[], predicate: (t: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= Math.max(0, list.length - 8); i--) {
    if (predicate(list[i] as T)) return list[i]
  }
  return undefined
}

/** Lines at the top or bottom of a page that repeat on most pages, and bare page numbers there. */
export function removeRunningLines(pages: PdfLine[][]): { pages: PdfLine[][]; removed: number } {
  const key = (l: PdfLine): string =>
    `${l.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ')}@${Math.round(l.y / 4)}`
  const edgeLines = (lines: PdfLine[]): PdfLine[] => {
    const n = lines.length
    return n <= 4 ? lines : [...lines.slice(0, 2), ...lines.slice(n - 2)]
  }
  const pagesWithKey = new Map<string, number>()
  for (const lines of pages) {
    for (const k of new Set(edgeLines(lines).map(key))) pagesWithKey.set(k, (pagesWithKey.get(k) ?? 0) + 1)
  }
  const pageCount = pages.filter((p) => p.length > 0).length
  const threshold = Math.max(2, Math.ceil(pageCount * 0.5))
  let removed = 0
  const kept = pages.map((lines) => {
    const edges = new Set(edgeLines(lines))
    const first = lines[0]
    const last = lines[lines.length - 1]
    return lines.filter((l) => {
      const running = edges.has(l) && pageCount >= 2 && (pagesWithKey.get(key(l)) ?? 0) >= threshold
      const pageNumber = (l === first || l === last) && lines.length > 1 && PAGE_NUMBER.test(l.text)
      if (running || pageNumber) removed++
      return !(running || pageNumber)
    })
  })
  return { pages: kept, removed }
}

function median(values: number[], fallback: number): number {
  if (values.length === 0) return fallback
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

export function buildParagraphs(pages: PdfLine[][]): PdfLayoutResult {
  const all = pages.flat()
  const bodyHeight = median(
    all.map((l) => l.height),
    10
  )
  const pitches: number[] = []
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const dy = (lines[i - 1] as PdfLine).y - (lines[i] as PdfLine).y
      if (dy > 0 && dy < 3 * bodyHeight) pitches.push(dy)
    }
  }
  const pitch = median(pitches, bodyHeight * 1.2)
  // Loops, not Math.min(...spread): a page may hold tens of thousands of lines.
  const margins = pages.map((lines) => {
    let left = Infinity
    let right = -Infinity
    for (const l of lines) {
      left = Math.min(left, l.x)
      right = Math.max(right, l.endX)
    }
    return { left, right }
  })
  const blocks: RawBlock[] = []
  let hyphenationsJoined = 0
  // A paragraph's text is kept as parts joined once at the end: appending line by line stays linear.
  let current: { lines: PdfLine[]; parts: string[] } | null = null
  const flush = (): void => {
    if (!current) return
    const { lines: ls } = current
    const text = current.parts.join('')
    const heading = ls.length <= 2 && ls.every((l) => l.height > 1.15 * bodyHeight)
    // A block quote is indented on every line; a first-line indent alone is an ordinary paragraph.
    const quote =
      ls.length >= 2 &&
      !looksLikeListItem(text) &&
      ls.every((l) => l.x - (margins[l.page - 1]?.left ?? l.x) > 1.5 * bodyHeight)
    const first = ls[0] as PdfLine
    const table = ls.every((l) => l.columns > 1)
    const kind = table ? 'table' : heading ? 'heading' : quote ? 'quote' : undefined
    blocks.push({ text, page: first.page, kind })
    current = null
  }
  for (const [p, lines] of pages.entries()) {
    const margin = margins[p] as { left: number; right: number }
    for (const line of lines) {
      const cur = current as { lines: PdfLine[]; parts: string[] } | null
      const prev = cur?.lines[cur.lines.length - 1]
      if (
        !cur ||
        !prev ||
        startsParagraph(cur.lines[0] as PdfLine, prev, line, { bodyHeight, pitch, margin })
      ) {
        flush()
        current = { lines: [line], parts: [line.text] }
        continue
      }
      const last = cur.parts[cur.parts.length - 1] ?? ''
      if (line.columns > 1)
        cur.parts.push('\n', line.text) // next table row
      else if (/\p{L}-$/u.test(cur.parts.slice(-2).join('').slice(-3)) && /^\p{Ll}/u.test(line.text)) {
        cur.parts[cur.parts.length - 1] = last.slice(0, -1)
        cur.parts.push(line.text)
        hyphenationsJoined++
      } else cur.parts.push(' ', line.text)
      cur.lines.push(line)
    }
  }
  flush()
  return { blocks, hyphenationsJoined }
}

interface Geometry {
  bodyHeight: number
  pitch: number
  margin: { left: number; right: number }
}

function startsParagraph(first: PdfLine, prev: PdfLine, line: PdfLine, g: Geometry): boolean {
  const sizeChanged = Math.abs(line.height - prev.height) > 0.15 * g.bodyHeight
  if (sizeChanged || looksLikeListItem(line.text) || line.columns > 1 !== prev.columns > 1) return true
  // After a list item, a line starting left of its bullet is the next paragraph.
  if (looksLikeListItem(first.text) && line.x < first.x - 0.5 * line.height) return true
  const endsSentence = /[.!?:"”’)]$/.test(prev.text)
  if (line.page !== prev.page) {
    // A paragraph running on to the next page continues mid-sentence, in lower case.
    return endsSentence || !/^\p{Ll}/u.test(line.text)
  }
  // Larger type (a two-line title) has proportionally larger line spacing.
  if (prev.y - line.y > 1.4 * g.pitch * Math.max(1, line.height / g.bodyHeight)) return true
  const indent = line.x - g.margin.left
  const prevIndent = prev.x - g.margin.left
  if (indent > 1.0 * line.height && prevIndent < 0.5 * line.height) return true
  const columnWidth = g.margin.right - g.margin.left
  const prevShort = prev.endX < g.margin.left + 0.75 * columnWidth
  return prevShort && endsSentence
}
