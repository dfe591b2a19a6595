/**
 * ODT text from content.xml and process evidence from meta.xml. Paragraph kinds come from the paragraph
 * style, following automatic styles ("P3") to their named parent ("Heading_20_1", "Quotations").
 * Footnotes, annotations and tracked deletions are skipped; frames' text boxes become their own blocks.
 */
import type { BlockKind, DocumentMetadata } from '../../shared/types'
import type { RawBlock } from '../../engine/text'
import { kindFromStyleName } from './docx'
import { dropEmpty } from './docxMeta'
import { isoDurationToMinutes, normaliseIsoDate, parseCount } from './dates'
import { failure } from './errors'
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
  const parents = automaticStyleParents(content)
  const body = findDescendant(content, 'office:text')
  const blocks: RawBlock[] = []
  if (body) walkBlocks(body, parents, blocks, undefined)
  const meta = readOdtMetadata(zip)
  return { blocks, pageCount: null, metadata: meta, warnings: [] }
}

function walkBlocks(
  container: XmlElement,
  parents: Map<string, string>,
  out: RawBlock[],
  forced: BlockKind | undefined
): void {
  for (const el of childElements(container)) {
    if (SKIPPED.has(el.name)) continue
    if (el.name === 'text:h') pushParagraph(el, 'heading', parents, out)
    else if (el.name === 'text:p') pushParagraph(el, forced ?? styleKind(el, parents), parents, out)
    else if (el.name === 'text:list') walkBlocks(el, parents, out, forced ?? 'list')
    else if (el.name === 'table:table') out.push({ text: tableText(el), page: null, kind: 'table' })
    else if (el.name === 'text:bibliography') walkBlocks(el, parents, out, 'references')
    else walkBlocks(el, parents, out, forced) // text:section, text:list-item, text:index-body…
  }
}

function pushParagraph(
  p: XmlElement,
  kind: BlockKind | undefined,
  parents: Map<string, string>,
  out: RawBlock[]
): void {
  const parts: string[] = []
  const frames: XmlElement[] = []
  collectInline(p, parts, frames)
  out.push({ text: parts.join(''), page: null, kind })
  for (const frame of frames) walkBlocks(frame, parents, out, undefined)
}

function collectInline(el: XmlElement, parts: string[], frames: XmlElement[]): void {
  for (const child of el.children) {
    if (!isElement(child)) {
      parts.push(child.replace(/[\n\r\t ]+/g, ' ')) // ODF collapses XML whitespace; text:s carries real spaces
      continue
    }
    if (SKIPPED.has(child.name)) continue
    if (child.name === 'text:s')
      parts.push(' '.repeat(Math.min(1000, Number(child.attrs['text:c'] ?? '1') || 1)))
    else if (child.name === 'text:tab') parts.push('\t')
    else if (child.name === 'text:line-break') parts.push('\n')
    else if (child.name === 'draw:text-box') frames.push(child)
    else collectInline(child, parts, frames)
  }
}

function tableText(table: XmlElement): string {
  const rows: string[] = []
  const visitRows = (el: XmlElement): void => {
    for (const child of childElements(el)) {
      if (child.name === 'table:table-row') {
        rows.push(childElements(child, 'table:table-cell').map(cellText).join('\t'))
      } else if (!SKIPPED.has(child.name)) visitRows(child) // table:table-header-rows, table:table-rows
    }
  }
  visitRows(table)
  return rows.join('\n')
}

/** A cell's paragraphs (possibly inside lists) joined by spaces. */
function cellText(cell: XmlElement): string {
  const blocks: RawBlock[] = []
  walkBlocks(cell, new Map(), blocks, undefined)
  return blocks
    .map((b) => b.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ')
}

/** Automatic style name → its named parent style, e.g. "P1" → "Heading_20_1". */
function automaticStyleParents(content: XmlElement): Map<string, string> {
  const map = new Map<string, string>()
  const styles = firstChild(content, 'office:automatic-styles')
  for (const s of styles ? childElements(styles, 'style:style') : []) {
    const name = s.attrs['style:name']
    const parent = s.attrs['style:parent-style-name']
    if (name && parent) map.set(name, parent)
  }
  return map
}

function styleKind(p: XmlElement, parents: Map<string, string>): BlockKind | undefined {
  const name = p.attrs['text:style-name']
  if (!name) return undefined
  const named = parents.get(name) ?? name
  return kindFromStyleName(named.replace(/_20_/g, ' '))
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
