/**
 * A minimal XML reader for DOCX/ODT parts, safe on hostile input: no DTDs at all (a <!DOCTYPE or <!ENTITY is
 * refused with 'xml-entities', which rules out billion-laughs and external entities), only the five
 * predefined entities and numeric references are decoded, and depth and node counts are capped
 * ('too-complex'). It builds a small tree: office parts of real essays are at most a few MB.
 */
import type { DocFormat } from '../../shared/types'
import { failure } from './errors'

export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
}
export type XmlNode = XmlElement | string

export interface XmlLimits {
  maxDepth: number
  maxNodes: number
}

/** 750k nodes is about 2,000 pages of Word XML and a few hundred MB of tree: far beyond any essay. */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 256, maxNodes: 750_000 }

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? whole
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : ''
  })
}

export function parseXml(xml: string, format: DocFormat, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] }
  const stack: XmlElement[] = [root]
  let nodes = 0
  let i = 0
  const corrupt = () => failure('corrupt', format)
  const add = (node: XmlNode): void => {
    if (++nodes > limits.maxNodes) throw failure('too-complex', format)
    ;(stack[stack.length - 1] as XmlElement).children.push(node)
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    if (lt < 0) {
      if (xml.slice(i).trim() !== '') add(decodeEntities(xml.slice(i)))
      break
    }
    if (lt > i) add(decodeEntities(xml.slice(i, lt)))
    if (xml.startsWith('<?', lt)) {
      i = skipPast(xml, '?>', lt, corrupt)
    } else if (xml.startsWith('<!--', lt)) {
      i = skipPast(xml, '-->', lt, corrupt)
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt)
      if (end < 0) throw corrupt()
      add(xml.slice(lt + 9, end))
      i = end + 3
    } else if (xml.startsWith('<!', lt)) {
      throw failure('xml-entities', format) // DOCTYPE, ENTITY, ELEMENT…: never in a real office part
    } else if (xml.startsWith('</', lt)) {
      const gt = xml.indexOf('>', lt)
      if (gt < 0) throw corrupt()
      const name = xml.slice(lt + 2, gt).trim()
      const open = stack.pop()
      if (!open || open === root || open.name !== name) throw corrupt()
      i = gt + 1
    } else {
      const gt = findTagEnd(xml, lt)
      if (gt < 0) throw corrupt()
      const selfClosing = xml[gt - 1] === '/'
      const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt)
      const nameEnd = body.search(/[\s/>]|$/)
      const element: XmlElement = {
        name: body.slice(0, nameEnd),
        attrs: parseAttributes(body.slice(nameEnd)),
        children: []
      }
      if (element.name === '') throw corrupt()
      add(element)
      if (!selfClosing) {
        if (stack.length > limits.maxDepth) throw failure('too-complex', format)
        stack.push(element)
      }
      i = gt + 1
    }
  }
  if (stack.length !== 1) throw corrupt()
  return root
}

function skipPast(xml: string, terminator: string, from: number, corrupt: () => Error): number {
  const end = xml.indexOf(terminator, from)
  if (end < 0) throw corrupt()
  return end + terminator.length
}

/** The closing '>' of a start tag, skipping any '>' inside quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote = ''
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return i
    else if (c === '<') return -1
  }
  return -1
}

/**
 * name="value" pairs, scanned by hand in one pass. A regular expression here backtracked quadratically on a
 * start tag holding a long run of quotes or name characters without '=' (a hostile 1 MB attribute hung the
 * reader for minutes); this loop advances at least one character per step.
 */
function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  const n = text.length
  let i = 0
  while (i < n) {
    while (i < n && isAttrSeparator(text.charCodeAt(i))) i++
    const nameStart = i
    while (i < n && !isNameEnd(text.charCodeAt(i))) i++
    const name = text.slice(nameStart, i)
    while (i < n && isSpace(text.charCodeAt(i))) i++
    if (text[i] !== '=') {
      if (i === nameStart) i++ // a stray quote or '>': step over it
      continue
    }
    i++
    while (i < n && isSpace(text.charCodeAt(i))) i++
    const quote = text[i]
    if (quote !== '"' && quote !== "'") continue
    const close = text.indexOf(quote, i + 1)
    if (close < 0) break
    if (name !== '') attrs[name] = decodeEntities(text.slice(i + 1, close))
    i = close + 1
  }
  return attrs
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
const isAttrSeparator = (c: number): boolean => isSpace(c) || c === 0x2f // '/'
/** Whitespace, '=', '/', '>' and quotes end a name. */
const isNameEnd = (c: number): boolean =>
  isSpace(c) || c === 0x3d || c === 0x2f || c === 0x3e || c === 0x22 || c === 0x27

/** Tree helpers shared by the DOCX and ODT readers. */
export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object'
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name))
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => isElement(c) && c.name === name)
}

/** First descendant with this name, depth-first. */
export function findDescendant(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (!isElement(c)) continue
    if (c.name === name) return c
    const found = findDescendant(c, name)
    if (found) return found
  }
  return undefined
}

/** Concatenated text of all descendants (for simple metadata elements). */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (isElement(c) ? textContent(c) : c)).join('')
}
