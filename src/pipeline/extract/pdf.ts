/**
 * PDF text through pdfjs-dist (legacy build, loaded once per process: the first import costs ~300 ms).
 * pdfjs stays an external dependency: bundling it breaks its fake-worker import of pdf.worker.mjs.
 * Geometry → paragraphs is in pdfLayout.ts; this file handles loading, errors, metadata and scans.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { DocWarning } from '../../shared/types'
import { dropEmpty } from './docxMeta'
import { pdfDateToIso } from './dates'
import { ExtractFailure, failure, throwIfAborted } from './errors'
import {
  buildLines,
  buildParagraphs,
  removeRunningLines,
  type PdfLine,
  type PositionedItem
} from './pdfLayout'
import type { FormatExtraction } from './types'
import { docWarnings } from './warnings'
import { pdfDecodedBytesWithin } from './pdfBudget'
import { InvisibleModeScan, splitInvisibleText, type TextItemLike } from './pdfHidden'
import type { RawBlock } from '../../engine/text'
import { MAX_DOCUMENT_CHARACTERS, MAX_DOCUMENT_WORDS, MAX_PDF_DECODED_BYTES } from '../limits'

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

// Memoised on purpose: the import is slow and the module itself is stateless for our use.
let pdfjsModule: Promise<PdfjsModule> | null = null

export function loadPdfjs(): Promise<PdfjsModule> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs').catch((error: unknown) => {
    pdfjsModule = null // let a later call retry rather than cache the failure
    throw error
  })
  return pdfjsModule
}

function pdfjsAssetDirs(): { standardFontDataUrl: string; cMapUrl: string } {
  const root = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'))
  // Plain filesystem paths with a trailing slash: pdfjs in Node cannot fetch file:// URLs.
  return { standardFontDataUrl: join(root, 'standard_fonts') + '/', cMapUrl: join(root, 'cmaps') + '/' }
}

/** Fewer letters than this on a page counts as "no text layer" (stray OCR specks, a lone page number). */
const MIN_PAGE_CHARACTERS = 3

export async function extractPdf(buf: Uint8Array, signal?: AbortSignal): Promise<FormatExtraction> {
  // Memory stays bounded whatever the streams claim (issue 17.9): count what they inflate to first, and
  // notice on the way whether any content draws text invisibly (issue 17.11).
  const invisibleMode = new InvisibleModeScan()
  invisibleMode.push(buf)
  invisibleMode.reset()
  const watch = { onStream: () => invisibleMode.reset(), onChunk: (c: Uint8Array) => invisibleMode.push(c) }
  if (pdfDecodedBytesWithin(buf, MAX_PDF_DECODED_BYTES, watch) === null)
    throw new ExtractFailure(
      'too-large',
      `This PDF expands to more than ${MAX_PDF_DECODED_BYTES / (1024 * 1024)} MB when decompressed, far more than any essay needs, so Inkprint does not open it. Export the document to PDF again from a word processor.`
    )
  const pdfjs = await loadPdfjs()
  throwIfAborted(signal, 'pdf')
  const task = pdfjs.getDocument({
    data: new Uint8Array(buf), // a copy: pdfjs may transfer (detach) the buffer it is given
    ...pdfjsAssetDirs(),
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0
  })
  const onAbort = (): void => void task.destroy()
  signal?.addEventListener('abort', onAbort)
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (error) {
    signal?.removeEventListener('abort', onAbort)
    throwIfAborted(signal, 'pdf')
    const name = error instanceof Error ? error.name : ''
    throw failure(name === 'PasswordException' ? 'encrypted' : 'corrupt', 'pdf')
  }
  try {
    const pages: PdfLine[][] = []
    const hiddenPages: { page: number; text: string }[] = []
    const emptyPages: number[] = []
    let characters = 0
    for (let n = 1; n <= doc.numPages; n++) {
      throwIfAborted(signal, 'pdf')
      // Far past the length limit: stop reading pages (the check would refuse the text anyway).
      if (characters > 2 * MAX_DOCUMENT_CHARACTERS)
        throw new ExtractFailure(
          'too-large',
          `This PDF is too long to check as one document: its first ${n - 1} of ${doc.numPages} pages already hold more than ${(2 * MAX_DOCUMENT_CHARACTERS).toLocaleString('en-US')} characters, and Inkprint checks up to ${MAX_DOCUMENT_WORDS.toLocaleString('en-US')} words at a time. Check its chapters or parts as separate files.`
        )
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      const all: TextItemLike[] = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[]
        all.push({
          str: item.str,
          dir: item.dir,
          x,
          y,
          width: item.width,
          height: item.height || Math.hypot(c, d)
        })
      }
      let items: PositionedItem[] = all
      if (invisibleMode.found) {
        const split = splitInvisibleText(all, await page.getOperatorList(), pdfjs.OPS)
        items = split.visible
        const hiddenText = buildLines(split.invisible, n)
          .map((l) => l.text)
          .join('\n')
        if (/[\p{L}\p{N}]/u.test(hiddenText)) hiddenPages.push({ page: n, text: hiddenText })
      }
      const lines = buildLines(items, n)
      for (const l of lines) characters += l.text.length
      if (
        lines.reduce((sum, l) => sum + (l.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0) < MIN_PAGE_CHARACTERS
      ) {
        emptyPages.push(n)
      }
      pages.push(lines)
      page.cleanup()
    }
    // Only pages that paint an image count as scanned; a blank page (say, a trailing one) is just blank.
    const imagePages = await pagesWithImages(doc, pdfjs, emptyPages)
    if (doc.numPages > 0 && emptyPages.length === doc.numPages) {
      throw failure(imagePages.length > 0 ? 'scanned' : 'empty', 'pdf')
    }
    const running = removeRunningLines(pages)
    const layout = buildParagraphs(running.pages)
    attachHiddenText(layout.blocks, hiddenPages)
    if (looksUndecodable(layout.blocks.map((b) => b.text).join('\n'))) throw failure('undecodable', 'pdf')
    const warnings: DocWarning[] = []
    if (running.removed > 0) warnings.push(docWarnings.headersRemoved(running.removed))
    if (layout.hyphenationsJoined > 0) warnings.push(docWarnings.hyphenationJoined(layout.hyphenationsJoined))
    if (imagePages.length > 0) warnings.push(docWarnings.pagesWithoutText(imagePages))
    if (!hasEofMarker(buf)) warnings.push(docWarnings.truncated('PDF'))
    const { info } = await doc.getMetadata()
    return {
      blocks: layout.blocks,
      pageCount: doc.numPages,
      metadata: pdfMetadata(info, doc.numPages),
      warnings
    }
  } catch (error) {
    // A damaged page or xref can surface only when the page is read (pdfjs UnknownErrorException,
    // FormatError…): that is a damaged file, not an internal problem.
    if (error instanceof ExtractFailure) throw error
    throwIfAborted(signal, 'pdf')
    throw failure('corrupt', 'pdf')
  } finally {
    signal?.removeEventListener('abort', onAbort)
    await doc.destroy()
  }
}

/**
 * Text from fonts without a ToUnicode map (issue 17.15): pdfjs can then only pass on the raw character codes,
 * which come out as punctuation ("!\"#$%&'"), private-use characters, or runs of Latin Extended letters
 * (codes 0x100 and up). Real text in any language is mostly letters, and Latin-script text mostly ASCII
 * letters; these thresholds leave formula-heavy and accented text alone.
 */
export function looksUndecodable(text: string): boolean {
  const chars = text.replace(/\s+/g, '')
  if (chars.length < 100) return false
  const count = (re: RegExp): number => chars.match(re)?.length ?? 0
  const letters = count(/\p{L}/gu)
  if (count(/\p{Co}/gu) > 0.3 * chars.length) return true
  if (letters < 0.25 * chars.length) return true
  return count(/[\u0100-\u024f]/g) > 0.5 * letters && count(/[A-Za-z]/g) < 0.2 * letters
}

/**
 * Invisible text of each page sits at the start of the page's first paragraph (or of the next page's, or at
 * the end of the text when no visible text follows it).
 */
function attachHiddenText(blocks: RawBlock[], hidden: { page: number; text: string }[]): void {
  for (const h of hidden) {
    const stretch = { at: 0, text: h.text, how: 'invisible-pdf-text' as const }
    const block = blocks.find((b) => (b.page ?? 0) >= h.page)
    if (block) (block.hidden ??= []).push(stretch)
    else blocks.push({ text: '', page: h.page, hidden: [stretch] })
  }
}

/** Which of these text-less pages paint an image (scanned), checking at most the first 10. */
async function pagesWithImages(
  doc: { getPage(n: number): Promise<{ getOperatorList(): Promise<{ fnArray: number[] }> }> },
  pdfjs: PdfjsModule,
  pages: number[]
): Promise<number[]> {
  const imageOps = new Set([
    pdfjs.OPS.paintImageXObject,
    pdfjs.OPS.paintInlineImageXObject,
    pdfjs.OPS.paintImageMaskXObject
  ])
  const found: number[] = []
  for (const n of pages.slice(0, 10)) {
    const ops = await (await doc.getPage(n)).getOperatorList()
    if (ops.fnArray.some((op) => imageOps.has(op))) found.push(n)
  }
  return found
}

/** A complete PDF ends with "%%EOF" (plus maybe a newline or some junk) in its last bytes. */
function hasEofMarker(buf: Uint8Array): boolean {
  const tail = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).subarray(
    Math.max(0, buf.length - 2048)
  )
  return tail.includes('%%EOF')
}

function pdfMetadata(info: unknown, pages: number): FormatExtraction['metadata'] {
  const dict = (typeof info === 'object' && info !== null ? info : {}) as Record<string, unknown>
  const str = (key: string): string | undefined => {
    const v = dict[key]
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
  }
  return dropEmpty({
    title: str('Title'),
    creator: str('Author'),
    application: str('Creator'),
    producer: str('Producer'),
    created: pdfDateToIso(str('CreationDate')),
    modified: pdfDateToIso(str('ModDate')),
    pages,
    encrypted: dict.EncryptFilterName ? true : undefined
  })
}
