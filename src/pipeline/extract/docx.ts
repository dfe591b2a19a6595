/**
 * DOCX text from word/document.xml, read with our safe XML reader rather than mammoth: we need the
 * paragraph styles (headings, quotes, lists), tables as units, and nothing inflated outside our zip caps.
 * Deleted revisions, field codes and mc:Fallback copies are skipped; text boxes become their own blocks.
 */
import type { BlockKind } from '../../shared/types'
import type { RawBlock } from '../../engine/text'
import { readDocxMetadata } from './docxMeta'
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

export function extractDocx(zip: SafeZip): FormatExtraction {
  const xml = zip.readText('word/document.xml')
  if (xml === null) throw failure('corrupt', 'docx')
  const document = parseXml(xml, 'docx')
  const stylesXml = zip.readText('word/styles.xml')
  const styles = stylesXml === null ? new Map<string, StyleInfo>() : readStyles(parseXml(stylesXml, 'docx'))
  const body = findBody(document)
  const blocks: RawBlock[] = []
  if (body) walkBlocks(body, styles, blocks)
  return { blocks, pageCount: null, metadata: readDocxMetadata(zip, document), warnings: [] }
}

function findBody(document: XmlElement): XmlElement | undefined {
  const root = childElements(document).find((e) => e.name === 'w:document')
  return root ? firstChild(root, 'w:body') : undefined
}

function walkBlocks(container: XmlElement, styles: Map<string, StyleInfo>, out: RawBlock[]): void {
  for (const child of childElements(container)) {
    if (child.name === 'w:p') paragraphBlocks(child, styles, out)
    else if (child.name === 'w:tbl') out.push({ text: tableText(child), page: null, kind: 'table' })
    else if (!SKIPPED.has(child.name)) walkBlocks(child, styles, out) // w:sdt, w:customXml, w:ins…
  }
}

function paragraphBlocks(p: XmlElement, styles: Map<string, StyleInfo>, out: RawBlock[]): void {
  const parts: string[] = []
  const nested: XmlElement[] = []
  collectRunText(p, parts, nested)
  out.push({ text: parts.join(''), page: null, kind: paragraphKind(p, styles) })
  for (const box of nested) walkBlocks(box, styles, out)
}

function collectRunText(el: XmlElement, parts: string[], nested: XmlElement[]): void {
  for (const child of el.children) {
    if (!isElement(child) || SKIPPED.has(child.name)) continue
    switch (child.name) {
      case 'w:t':
        parts.push(textContent(child))
        break
      case 'w:tab':
      case 'w:ptab':
        parts.push('\t')
        break
      case 'w:br':
      case 'w:cr':
        parts.push('\n')
        break
      case 'w:noBreakHyphen':
        parts.push('-')
        break
      case 'w:txbxContent':
        nested.push(child)
        break
      default:
        collectRunText(child, parts, nested)
    }
  }
}

/** Rows on lines, cells separated by tabs; a cell's paragraphs joined by spaces. */
function tableText(tbl: XmlElement): string {
  return childElements(tbl, 'w:tr')
    .map((tr) => childElements(tr, 'w:tc').map(cellText).join('\t'))
    .join('\n')
}

function cellText(tc: XmlElement): string {
  const parts: string[] = []
  const visit = (el: XmlElement): void => {
    for (const child of childElements(el)) {
      if (child.name === 'w:p') {
        const runs: string[] = []
        collectRunText(child, runs, [])
        parts.push(runs.join('').replace(/\s+/g, ' ').trim())
      } else if (child.name === 'w:tbl') parts.push(tableText(child).replace(/\s+/g, ' '))
      else if (!SKIPPED.has(child.name)) visit(child)
    }
  }
  visit(tc)
  return parts.filter(Boolean).join(' ')
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

export function kindFromStyleName(name: string): BlockKind | undefined {
  const n = name
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim()
  if (/^(?:heading ?\d|title|subtitle)$/.test(n)) return 'heading'
  if (/^(?:überschrift|titre|titolo|t[ií]tulo|kop) ?\d$/.test(n)) return 'heading' // localised style ids
  if (/quot|block ?text|zitat|citation/.test(n)) return 'quote'
  if (/bibliograph|reference|works cited/.test(n)) return 'references'
  if (/code|preformatted|source text|macro|html ?pre/.test(n)) return 'code'
  if (/^list|bullet|number/.test(n)) return 'list'
  return undefined
}

function readStyles(root: XmlElement): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>()
  const stylesEl = childElements(root).find((e) => e.name === 'w:styles')
  for (const s of stylesEl ? childElements(stylesEl, 'w:style') : []) {
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
