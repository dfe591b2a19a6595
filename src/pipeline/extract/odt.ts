/**
 * ODT text from content.xml and process evidence from meta.xml. Paragraph kinds come from the paragraph
 * style, following automatic styles ("P3") to their named parent ("Heading_20_1", "Quotations").
 * Footnotes, annotations and tracked deletions are skipped; frames' text boxes become their own blocks.
 * Text a reader cannot see (hidden sections, paragraphs and spans, hidden-text fields, white or 1-point text)
 * is left out and noted (issue 17.11).
 */
import type { BlockKind, DocumentMetadata } from '../../shared/types'
import type { RawBlock } from '../../engine/text'
import type { HiddenHow } from '../../shared/types'
import {
  namedStyle,
  odtHiddenHow,
  paragraphLook,
  readOdtStyles,
  styleLook,
  type OdtLook,
  type OdtStyles
} from './odtStyles'
import { RunText } from './runText'
import { kindFromStyleName } from './styleNames'
import { dropEmpty } from './docxMeta'
import { isoDurationToMinutes, normaliseIsoDate, parseCount } from './dates'
import { ExtractFailure, failure } from './errors'
import { MAX_DOCUMENT_CHARACTERS } from '../limits'
import type { FormatExtraction } from './types'
import {
  childElements,
  findDescendant,
  firstChild,
  isElement,
  parseXml,
  textContent,
  type XmlElement
} from './xml'
import type { SafeZip } from './zip'

const SKIPPED = new Set([
  'text:note',
  'office:annotation',
  'office:annotation-end',
  'text:tracked-changes',
  'text:sequence-decls',
  'text:table-of-content',
  'office:forms',
  'text:variable-decls',
  'text:user-field-decls',
  'table:table-columns',
  'table:table-column',
  'draw:image',
  'svg:desc',
  'svg:title'
])

export function extractOdt(zip: SafeZip): FormatExtraction {
  const xml = zip.readText('content.xml')
  if (xml === null) throw failure('corrupt', 'odt')
  const content = childElements(parseXml(xml, 'odt')).find((e) => e.name === 'office:document-content')
  if (!content) throw failure('corrupt', 'odt')
  const stylesXml = zip.readText('styles.xml')
  const stylesRoot =
    stylesXml === null ? undefined : findDescendant(parseXml(stylesXml, 'odt'), 'office:document-styles')
  const ctx: OdtContext = { styles: readOdtStyles(content, stylesRoot), out: [], budget: { characters: 0 } }
  const body = findDescendant(content, 'office:text')
  if (body) walkBlocks(body, ctx, undefined, null)
  const meta = readOdtMetadata(zip)
  return { blocks: ctx.out, pageCount: null, metadata: meta, warnings: [] }
}

interface OdtContext {
  styles: OdtStyles
  out: RawBlock[]
  /** Characters of text read so far, against MAX_ODT_CHARACTERS. */
  budget: { characters: number }
}

/**
 * A text:s element stands for up to 1,000 spaces, so a small content.xml can describe hundreds of millions of
 * characters (issue 17.15). Far past what any document can check, reading stops with "too large".
 */
const MAX_ODT_CHARACTERS = 4 * MAX_DOCUMENT_CHARACTERS

function spend(ctx: OdtContext, characters: number): void {
  ctx.budget.characters += characters
  if (ctx.budget.characters > MAX_ODT_CHARACTERS)
    throw new ExtractFailure(
      'too-large',
      `This OpenDocument text file expands to more than ${MAX_ODT_CHARACTERS.toLocaleString('en-US')} characters of text (mostly repeated spaces), far more than any essay, so Inkprint does not read it. Save it again from a word processor and check that copy.`
    )
}

function walkBlocks(
  container: XmlElement,
  ctx: OdtContext,
  forced: BlockKind | undefined,
  hiddenBy: HiddenHow | null
): void {
  for (const el of childElements(container)) {
    if (SKIPPED.has(el.name)) continue
    if (el.name === 'text:h') pushParagraph(el, 'heading', ctx, hiddenBy)
    else if (el.name === 'text:p') pushParagraph(el, forced ?? styleKind(el, ctx.styles), ctx, hiddenBy)
    else if (el.name === 'text:list') walkBlocks(el, ctx, forced ?? 'list', hiddenBy)
    else if (el.name === 'table:table') {
      const table = tableText(el, ctx)
      if (hiddenBy && table.text().trim() !== '') ctx.out.push(hiddenBlock(table.text(), hiddenBy))
      else ctx.out.push(table.block('table'))
    } else if (el.name === 'text:bibliography') walkBlocks(el, ctx, 'references', hiddenBy)
    else if (el.name === 'text:section')
      walkBlocks(
        el,
        ctx,
        forced,
        hiddenBy ?? (el.attrs['text:display'] === 'none' ? 'hidden-formatting' : null)
      )
    else walkBlocks(el, ctx, forced, hiddenBy) // text:list-item, text:index-body…
  }
}

/** A block that is all hidden: no visible text, the whole paragraph noted as hidden. */
function hiddenBlock(text: string, how: HiddenHow): RawBlock {
  return { text: '', page: null, hidden: [{ at: 0, text, how }] }
}

function pushParagraph(
  p: XmlElement,
  kind: BlockKind | undefined,
  ctx: OdtContext,
  hiddenBy: HiddenHow | null
): void {
  const runs = new RunText()
  const frames: XmlElement[] = []
  const look = paragraphLook(p, ctx.styles)
  collectInline(p, runs, frames, ctx, look)
  const how = hiddenBy ?? hiddenParagraph(p) ?? odtHiddenHow(look)
  if (how) {
    const all = [runs.text(), ...runs.hidden.map((h) => h.text)].join(' ')
    if (all.trim() !== '') ctx.out.push(hiddenBlock(all, how))
  } else ctx.out.push(runs.block(kind))
  for (const frame of frames) walkBlocks(frame, ctx, undefined, how)
}

/** A text:hidden-paragraph field whose condition is currently true hides its whole paragraph. */
function hiddenParagraph(p: XmlElement): HiddenHow | null {
  const field = findDescendant(p, 'text:hidden-paragraph')
  return field && field.attrs['text:is-hidden'] === 'true' ? 'hidden-formatting' : null
}

function collectInline(
  el: XmlElement,
  out: RunText,
  frames: XmlElement[],
  ctx: OdtContext,
  look: OdtLook
): void {
  for (const child of el.children) {
    if (!isElement(child)) {
      spend(ctx, child.length)
      out.add(child.replace(/[\n\r\t ]+/g, ' ')) // ODF collapses XML whitespace; text:s carries real spaces
      continue
    }
    if (SKIPPED.has(child.name)) continue
    if (child.name === 'text:span') {
      const spanLook = { ...look, ...styleLook(ctx.styles, 'text', child.attrs['text:style-name']) }
      const how = odtHiddenHow(spanLook)
      if (how && !odtHiddenHow(look)) {
        const hidden = new RunText()
        collectInline(child, hidden, frames, ctx, spanLook)
        if (hidden.text() !== '') out.hide(hidden.text(), how)
      } else collectInline(child, out, frames, ctx, spanLook)
    } else if (child.name === 'text:hidden-text') {
      const text = child.attrs['text:string-value'] ?? textContent(child)
      if (child.attrs['text:is-hidden'] === 'true') {
        if (text !== '') out.hide(text, 'hidden-formatting')
      } else out.add(text)
    } else if (child.name === 'text:hidden-paragraph') continue
    else if (child.name === 'text:s') {
      const spaces = Math.min(1000, Number(child.attrs['text:c'] ?? '1') || 1)
      spend(ctx, spaces)
      out.add(' '.repeat(spaces))
    } else if (child.name === 'text:tab') out.add('\t')
    else if (child.name === 'text:line-break') out.add('\n')
    else if (child.name === 'draw:text-box') frames.push(child)
    else collectInline(child, out, frames, ctx, look)
  }
}

function tableText(table: XmlElement, ctx: OdtContext): RunText {
  const out = new RunText()
  const visitRows = (el: XmlElement): void => {
    for (const child of childElements(el)) {
      if (child.name === 'table:table-row') {
        if (!out.empty) out.add('\n')
        childElements(child, 'table:table-cell').forEach((cell, i) => {
          if (i > 0) out.add('\t')
          cellText(cell, ctx, out)
        })
      } else if (!SKIPPED.has(child.name)) visitRows(child) // table:table-header-rows, table:table-rows
    }
  }
  visitRows(table)
  return out
}

/** A cell's paragraphs (possibly inside lists) joined by spaces; hidden text noted at the cell. */
function cellText(cell: XmlElement, ctx: OdtContext, out: RunText): void {
  const inner: OdtContext = { styles: ctx.styles, out: [], budget: ctx.budget }
  walkBlocks(cell, inner, undefined, null)
  let first = true
  for (const b of inner.out) {
    for (const h of b.hidden ?? []) out.hide(h.text, h.how)
    const text = b.text.replace(/\s+/g, ' ').trim()
    if (!text) continue
    if (!first) out.add(' ')
    out.add(text)
    first = false
  }
}

function styleKind(p: XmlElement, styles: OdtStyles): BlockKind | undefined {
  const name = p.attrs['text:style-name']
  if (!name) return undefined
  return kindFromStyleName(namedStyle(styles, name).replace(/_20_/g, ' '))
}

function readOdtMetadata(zip: SafeZip): DocumentMetadata {
  const xml = zip.readText('meta.xml', 1024 * 1024)
  if (xml === null) return {}
  const meta = findDescendant(parseXml(xml, 'odt'), 'office:meta')
  if (!meta) return {}
  const text = (name: string): string | undefined => {
    const el = firstChild(meta, name)
    const value = el ? textContent(el).trim() : ''
    return value || undefined
  }
  const generator = /^([^/]+)\/(\S+)/.exec(text('meta:generator') ?? '')
  const stats = firstChild(meta, 'meta:document-statistic')
  return dropEmpty({
    application: generator ? generator[1] : text('meta:generator'),
    appVersion: generator?.[2]?.replace(/\$.*$/, ''),
    title: text('dc:title'),
    creator: text('meta:initial-creator'),
    lastModifiedBy: text('dc:creator'),
    created: normaliseIsoDate(text('meta:creation-date')),
    modified: normaliseIsoDate(text('dc:date')),
    totalEditingMinutes: isoDurationToMinutes(text('meta:editing-duration')),
    editingCycles: parseCount(text('meta:editing-cycles')),
    pages: parseCount(stats?.attrs['meta:page-count'])
  })
}
