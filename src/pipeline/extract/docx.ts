/**
 * DOCX text from word/document.xml, read with our safe XML reader: paragraph styles (headings through basedOn
 * and outline levels, quotes, lists), tables as units, nothing inflated outside our zip caps. mammoth, the
 * brief's DOCX library, was compared on every fixture (test/unit/pipeline/extract/docx-mammoth-reader.ts and docx-mammoth.test.ts):
 * it matches on plain paragraphs, lists and tables but scores hidden runs, drops text boxes, w:altChunk and
 * basedOn/outline headings, and its model has no run identity to combine with ours, so it reads nothing here.
 * Metadata (core/app properties, rsid sessions) is ours too (docxMeta.ts).
 * Deleted revisions, field codes and mc:Fallback copies are skipped; text boxes become their own blocks.
 * Runs a reader cannot see (hidden formatting, white or 1-point text) are left out and noted (issue 17.11);
 * w:altChunk content is read with the reader for its format (docxAltChunk.ts).
 */
import type { BlockKind, DocWarning, HiddenHow } from '../../shared/types'
import type { RawBlock } from '../../engine/text'
import { AltChunks } from './docxAltChunk'
import { readDocxMetadata } from './docxMeta'
import { hiddenHow, readRunLook, readRunStyles, styleLook, type RunLook, type RunStyles } from './docxRuns'
import { RunText } from './runText'
import { kindFromStyleName } from './styleNames'
import type { FormatExtraction } from './types'
import { childElements, firstChild, isElement, parseXml, textContent, type XmlElement } from './xml'
import type { SafeZip } from './zip'
import { failure } from './errors'

interface StyleInfo {
  name: string
  basedOn?: string
  outlineLevel?: number
  numbered: boolean
}

const SKIPPED = new Set([
  'w:pPr',
  'w:rPr',
  'w:delText',
  'w:instrText',
  'w:del',
  'w:moveFrom',
  'w:fldChar',
  'mc:Fallback',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
  'w:annotationRef',
  'w:sectPr'
])

export function extractDocx(zip: SafeZip, depth = 0): FormatExtraction {
  const xml = zip.readText('word/document.xml')
  if (xml === null) throw failure('corrupt', 'docx')
  const document = parseXml(xml, 'docx')
  const stylesXml = zip.readText('word/styles.xml')
  const stylesRoot = stylesXml === null ? undefined : stylesRootOf(parseXml(stylesXml, 'docx'))
  const root = childElements(document).find((e) => e.name === 'w:document')
  const body = root ? firstChild(root, 'w:body') : undefined
  const ctx: DocxContext = {
    styles: stylesRoot ? readStyles(stylesRoot) : new Map<string, StyleInfo>(),
    runStyles: readRunStyles(stylesRoot),
    page: root ? firstChild(root, 'w:background')?.attrs['w:color'] : undefined,
    blocks: [],
    warnings: [],
    altChunks: new AltChunks(zip, depth, extractDocx)
  }
  if (body) walkBlocks(body, ctx, undefined)
  return {
    blocks: ctx.blocks,
    pageCount: null,
    metadata: readDocxMetadata(zip, document),
    warnings: ctx.warnings
  }
}

interface DocxContext {
  styles: Map<string, StyleInfo>
  runStyles: RunStyles
  /** The page background colour (w:background), when the document sets one. */
  page: string | undefined
  blocks: RawBlock[]
  warnings: DocWarning[]
  altChunks: AltChunks
}

function stylesRootOf(parsed: XmlElement): XmlElement | undefined {
  return childElements(parsed).find((e) => e.name === 'w:styles')
}

/** What lies behind a paragraph's runs: its style and the shading under it. */
interface ParagraphLook {
  style: RunLook
  behind: string | undefined
}

function walkBlocks(container: XmlElement, ctx: DocxContext, cellFill: string | undefined): void {
  for (const child of childElements(container)) {
    if (child.name === 'w:p') paragraphBlocks(child, ctx, cellFill)
    else if (child.name === 'w:tbl') {
      const table = tableText(child, ctx)
      ctx.blocks.push(table.block('table'))
    } else if (child.name === 'w:altChunk') ctx.blocks.push(...readAltChunk(child, ctx))
    else if (!SKIPPED.has(child.name)) walkBlocks(child, ctx, cellFill) // w:sdt, w:customXml, w:ins…
  }
}

function paragraphLook(p: XmlElement, ctx: DocxContext, cellFill: string | undefined): ParagraphLook {
  const pPr = firstChild(p, 'w:pPr')
  const styleId =
    (pPr ? firstChild(pPr, 'w:pStyle')?.attrs['w:val'] : undefined) ?? ctx.runStyles.defaultParagraphStyle
  const shading = pPr ? firstChild(pPr, 'w:shd')?.attrs['w:fill'] : undefined
  const fills = [shading, cellFill, ctx.page].filter((f) => f !== undefined && f !== 'auto')
  return { style: { ...ctx.runStyles.defaults, ...styleLook(styleId, ctx.runStyles) }, behind: fills[0] }
}

function paragraphBlocks(p: XmlElement, ctx: DocxContext, cellFill: string | undefined): void {
  const runs = new RunText()
  const nested: XmlElement[] = []
  collectRunText(p, runs, nested, ctx, paragraphLook(p, ctx, cellFill))
  ctx.blocks.push(runs.block(paragraphKind(p, ctx.styles)))
  for (const box of nested) walkBlocks(box, ctx, undefined)
}

function collectRunText(
  el: XmlElement,
  out: RunText,
  nested: XmlElement[],
  ctx: DocxContext,
  paragraph: ParagraphLook
): void {
  for (const child of el.children) {
    if (!isElement(child) || SKIPPED.has(child.name)) continue
    if (child.name === 'w:r') {
      const how = runHiddenHow(child, ctx, paragraph)
      if (how) {
        const hiddenRun = new RunText()
        collectRunText(child, hiddenRun, nested, ctx, paragraph)
        if (hiddenRun.text() !== '') out.hide(hiddenRun.text(), how)
        continue
      }
    }
    switch (child.name) {
      case 'w:t':
        out.add(textContent(child))
        break
      case 'w:tab':
      case 'w:ptab':
        out.add('\t')
        break
      case 'w:br':
      case 'w:cr':
        out.add('\n')
        break
      case 'w:noBreakHyphen':
        out.add('-')
        break
      case 'w:txbxContent':
        nested.push(child)
        break
      default:
        collectRunText(child, out, nested, ctx, paragraph)
    }
  }
}

function runHiddenHow(run: XmlElement, ctx: DocxContext, paragraph: ParagraphLook): HiddenHow | null {
  const rPr = firstChild(run, 'w:rPr')
  const characterStyle = rPr ? firstChild(rPr, 'w:rStyle')?.attrs['w:val'] : undefined
  const look = { ...paragraph.style, ...styleLook(characterStyle, ctx.runStyles), ...readRunLook(rPr) }
  return hiddenHow(look, paragraph.behind)
}

/** Rows on lines, cells separated by tabs; a cell's paragraphs joined by spaces. */
function tableText(tbl: XmlElement, ctx: DocxContext): RunText {
  const out = new RunText()
  childElements(tbl, 'w:tr').forEach((tr, row) => {
    if (row > 0) out.add('\n')
    childElements(tr, 'w:tc').forEach((tc, column) => {
      if (column > 0) out.add('\t')
      out.append(cellText(tc, ctx))
    })
  })
  return out
}

function cellText(tc: XmlElement, ctx: DocxContext): RunText {
  const out = new RunText()
  const tcPr = firstChild(tc, 'w:tcPr')
  const fill = tcPr ? firstChild(tcPr, 'w:shd')?.attrs['w:fill'] : undefined
  const cellFill = fill === 'auto' ? undefined : fill
  const visit = (el: XmlElement): void => {
    for (const child of childElements(el)) {
      if (child.name === 'w:p') {
        const runs = new RunText()
        collectRunText(child, runs, [], ctx, paragraphLook(child, ctx, cellFill))
        if (runs.text().trim() === '' && runs.hidden.length === 0) continue
        if (!out.empty) out.add(' ')
        out.append(flattened(runs))
      } else if (child.name === 'w:tbl') {
        if (!out.empty) out.add(' ')
        out.append(flattened(tableText(child, ctx)))
      } else if (!SKIPPED.has(child.name)) visit(child)
    }
  }
  visit(tc)
  return out
}

/** A cell's paragraph on one line: whitespace runs become single spaces, trimmed (hidden points follow). */
function flattened(runs: RunText): RunText {
  const out = new RunText()
  const text = runs.text()
  let space = false // a space is due before the next visible text
  const addSegment = (segment: string): void => {
    const collapsed = segment.replace(/\s+/g, ' ')
    const core = collapsed.trim()
    if (core === '') {
      space ||= collapsed !== ''
      return
    }
    if ((space || collapsed.startsWith(' ')) && !out.empty) out.add(' ')
    out.add(core)
    space = collapsed.endsWith(' ')
  }
  let from = 0
  for (const h of runs.hidden) {
    addSegment(text.slice(from, h.at))
    from = h.at
    out.hide(h.text, h.how)
  }
  addSegment(text.slice(from))
  return out
}

/**
 * w:altChunk: content embedded in another format (HTML pasted by a converter, RTF, plain text, another
 * Word document) through a relationship. Word shows it as part of the document, so it is read with the
 * reader for its format; a kind Inkprint cannot read is named in a warning.
 */
function readAltChunk(chunk: XmlElement, ctx: DocxContext): RawBlock[] {
  return ctx.altChunks.read(chunk.attrs['r:id'], ctx.warnings)
}

function paragraphKind(p: XmlElement, styles: Map<string, StyleInfo>): BlockKind | undefined {
  const pPr = firstChild(p, 'w:pPr')
  const styleId = pPr ? firstChild(pPr, 'w:pStyle')?.attrs['w:val'] : undefined
  const outline = pPr ? firstChild(pPr, 'w:outlineLvl')?.attrs['w:val'] : undefined
  if (outline !== undefined && Number(outline) < 9) return 'heading'
  const fromStyle = styleId ? styleKind(styleId, styles) : undefined
  if (fromStyle) return fromStyle
  if (pPr && firstChild(pPr, 'w:numPr')) return 'list'
  return undefined
}

/** Follows basedOn (a custom "Essay Heading" based on Heading 1 is a heading), at most a few levels. */
function styleKind(styleId: string, styles: Map<string, StyleInfo>): BlockKind | undefined {
  let id: string | undefined = styleId
  for (let depth = 0; id !== undefined && depth < 8; depth++) {
    const style = styles.get(id)
    const kind = kindFromStyleName(style?.name ?? id)
    if (kind) return kind
    if (style?.outlineLevel !== undefined && style.outlineLevel < 9) return 'heading'
    if (style?.numbered) return 'list'
    id = style?.basedOn
  }
  return undefined
}

function readStyles(stylesEl: XmlElement): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>()
  for (const s of childElements(stylesEl, 'w:style')) {
    const id = s.attrs['w:styleId']
    if (!id) continue
    const pPr = firstChild(s, 'w:pPr')
    const outline = pPr ? firstChild(pPr, 'w:outlineLvl')?.attrs['w:val'] : undefined
    styles.set(id, {
      name: firstChild(s, 'w:name')?.attrs['w:val'] ?? id,
      basedOn: firstChild(s, 'w:basedOn')?.attrs['w:val'],
      outlineLevel: outline === undefined ? undefined : Number(outline),
      numbered: pPr ? firstChild(pPr, 'w:numPr') !== undefined : false
    })
  }
  return styles
}
