/**
 * Invisible PDF text (issue 17.11): text drawn with text rendering mode 3 (neither filled nor stroked) or 7
 * (only added to the clipping path) is in the file's text layer but never on the page. pdfjs's text content
 * does not say how text was drawn, so the page's operator list is read alongside it: the operator list's
 * showText glyphs carry the rendering mode in force (setTextRenderingMode, saved and restored with the
 * graphics state), and the text content items are matched to those glyphs in content-stream order, character
 * by character. The operator list is only built when the file uses an invisible mode at all.
 *
 * An OCR text layer (a scanned page with invisible text over its image, as scanners and ocrmypdf write it) is
 * what the page shows, so it is kept as ordinary text.
 */
import type { PositionedItem } from './pdfLayout'

/** `3 Tr` or `7 Tr` anywhere in a content stream (raw or inflated). */
const INVISIBLE_MODE = /(?:^|[^0-9.])[37]\s+Tr(?![A-Za-z0-9])/

/** Watches raw and inflated stream bytes for an invisible text rendering mode. */
export class InvisibleModeScan {
  found = false
  private tail = ''

  push(chunk: Uint8Array): void {
    if (this.found) return
    const text = this.tail + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1')
    if (INVISIBLE_MODE.test(text)) this.found = true
    this.tail = text.slice(-16)
  }

  /** Starts a new stream: no match across two streams. */
  reset(): void {
    this.tail = ''
  }
}

interface OperatorList {
  fnArray: number[]
  argsArray: unknown[]
}

export interface PdfOps {
  showText: number
  setTextRenderingMode: number
  save: number
  restore: number
  paintFormXObjectBegin: number
  paintFormXObjectEnd: number
  paintImageXObject: number
  paintInlineImageXObject: number
  paintImageMaskXObject: number
}

export interface TextItemLike {
  str: string
  dir?: string
  x: number
  y: number
  width: number
  height: number
}

/** Every character of the page's shown glyphs (whitespace left out), with whether it was drawn invisibly. */
function glyphStream(
  ops: OperatorList,
  OPS: PdfOps
): { chars: string[]; invisible: boolean[]; image: boolean } {
  const chars: string[] = []
  const invisible: boolean[] = []
  let mode = 0
  const saved: number[] = []
  let image = false
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]
    const args = ops.argsArray[i] as unknown[] | null
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) saved.push(mode)
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) mode = saved.pop() ?? mode
    else if (fn === OPS.setTextRenderingMode) mode = Number(args?.[0]) || 0
    else if (
      fn === OPS.paintImageXObject ||
      fn === OPS.paintInlineImageXObject ||
      fn === OPS.paintImageMaskXObject
    )
      image = true
    else if (fn === OPS.showText && Array.isArray(args?.[0])) {
      const hidden = mode === 3 || mode === 7
      for (const glyph of args[0] as unknown[]) {
        const unicode = (glyph as { unicode?: unknown } | null)?.unicode
        if (typeof unicode !== 'string') continue
        for (const ch of unicode.normalize('NFKC')) {
          if (/\s/.test(ch)) continue
          chars.push(ch)
          invisible.push(hidden)
        }
      }
    }
  }
  return { chars, invisible, image }
}

/** Characters of an item are matched to glyphs at most this far ahead (glyphs pdfjs dropped are skipped). */
const LOOKAHEAD = 64

/**
 * Splits a page's text items into what is drawn visibly and what is not. Items mixing both are cut into
 * pieces, each given its share of the item's width.
 */
export function splitInvisibleText(
  items: readonly TextItemLike[],
  ops: OperatorList,
  OPS: PdfOps
): { visible: PositionedItem[]; invisible: PositionedItem[] } {
  const stream = glyphStream(ops, OPS)
  const plain = (item: TextItemLike): PositionedItem => ({
    str: item.str,
    x: item.x,
    y: item.y,
    width: item.width,
    height: item.height
  })
  if (!stream.invisible.some(Boolean)) return { visible: items.map(plain), invisible: [] }
  let cursor = 0
  const flags: boolean[][] = items.map((item) => {
    const chars = [...item.str]
    const order = item.dir === 'rtl' ? [...chars.keys()].reverse() : [...chars.keys()]
    const itemFlags: boolean[] = Array.from({ length: chars.length }, () => false)
    let previous = false
    for (const index of order) {
      const ch = (chars[index] as string).normalize('NFKC')
      if (/^\s*$/.test(ch)) {
        itemFlags[index] = previous
        continue
      }
      const first = [...ch][0] as string
      let found = -1
      for (let j = cursor; j < Math.min(stream.chars.length, cursor + LOOKAHEAD); j++) {
        if (stream.chars[j] === first) {
          found = j
          break
        }
      }
      if (found >= 0) {
        cursor = found + [...ch].length
        previous = stream.invisible[found] as boolean
      }
      itemFlags[index] = found >= 0 ? previous : false
    }
    return itemFlags
  })
  const visible: PositionedItem[] = []
  const invisible: PositionedItem[] = []
  items.forEach((item, i) => {
    const itemFlags = flags[i] as boolean[]
    const chars = [...item.str]
    let start = 0
    for (let k = 1; k <= chars.length; k++) {
      if (k < chars.length && itemFlags[k] === itemFlags[start]) continue
      const str = chars.slice(start, k).join('')
      const piece: PositionedItem = {
        str,
        x: item.x + (item.width * start) / Math.max(1, chars.length),
        y: item.y,
        width: (item.width * (k - start)) / Math.max(1, chars.length),
        height: item.height
      }
      ;(itemFlags[start] ? invisible : visible).push(piece)
      start = k
    }
    if (chars.length === 0) visible.push(plain(item))
  })
  // A scanned page's OCR layer: (nearly) all its text invisible over an image. That text is what the page shows.
  const letters = (list: PositionedItem[]): number =>
    list.reduce((n, it) => n + (it.str.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0)
  if (stream.image && letters(visible) < 0.1 * (letters(visible) + letters(invisible)))
    return { visible: items.map(plain), invisible: [] }
  return { visible, invisible }
}
