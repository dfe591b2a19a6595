/**
 * A minimal XML reader for DOCX/ODT parts, safe on hostile input: no DTDs at all (a <!DOCTYPE or <!ENTITY is
 * refused with 'xml-entities', which rules out billion-laughs and external entities), only the five
 * predefined entities and numeric references are decoded, and depth and node counts are capped
 * ('too-complex'). It builds a small tree: office parts of real essays are at most a few MB.
 *
 * Names are resolved by namespace URI, not by the prefix a file happens to use (issue 17.12): a DOCX written
 * with `ns0:` or a default namespace instead of `w:` is valid, so elements and attributes of the OOXML and
 * ODF namespaces get their usual prefixes ("w:p", "text:p") whatever the file wrote. Names in other
 * namespaces, and undeclared prefixes, are kept as written.
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

const AMP = 0x26
const SEMICOLON = 0x3b
const HASH = 0x23

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)

/** The code point of the predefined entity named text[start, end), or -1. */
function predefined(text: string, start: number, end: number): number {
  switch (text.slice(start, end)) {
    case 'lt':
      return 0x3c
    case 'gt':
      return 0x3e
    case 'amp':
      return 0x26
    case 'quot':
      return 0x22
    case 'apos':
      return 0x27
  }
  return -1
}

/**
 * Decodes the five predefined entities and numeric references (`&#60;`, `&#x3C;`) in one linear pass into a
 * UTF-16 buffer: every character is looked at a bounded number of times (a reference is scanned once, from
 * its '&'), and the string is made once at the end. A megabyte of "&amp;" took seconds with a regular
 * expression and a replace callback. Invalid code points are dropped; anything else stays as written.
 */
export function decodeEntities(text: string): string {
  const amp = text.indexOf('&')
  if (amp < 0) return text
  const n = text.length
  const out = new Uint16Array(n)
  let length = 0
  for (let i = 0; i < amp; i++) out[length++] = text.charCodeAt(i)
  let i = amp
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c !== AMP) {
      out[length++] = c
      i++
      continue
    }
    // a reference: &name; | &#digits; | &#xhex;
    let j = i + 1
    let code = -1
    if (text.charCodeAt(j) === HASH) {
      const hex = text.charCodeAt(j + 1) === 0x78 // 'x'
      const start = hex ? j + 2 : j + 1
      j = start
      while (j < n && (hex ? isHex(text.charCodeAt(j)) : isDigit(text.charCodeAt(j)))) j++
      if (j > start && text.charCodeAt(j) === SEMICOLON) {
        const value = parseInt(text.slice(start, j), hex ? 16 : 10)
        // invalid code points (0, surrogates, beyond U+10FFFF, absurdly long numbers) decode to nothing
        code = value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff) ? value : 0
      }
    } else {
      while (j < n && j - i <= 5 && isLetter(text.charCodeAt(j))) j++
      if (text.charCodeAt(j) === SEMICOLON) code = predefined(text, i + 1, j)
    }
    if (code < 0) {
      out[length++] = AMP // not a reference: the '&' stays, scanning goes on after it
      i++
      continue
    }
    if (code >= 0x10000) {
      out[length++] = 0xd800 + ((code - 0x10000) >> 10)
      out[length++] = 0xdc00 + ((code - 0x10000) & 0x3ff)
    } else if (code > 0) out[length++] = code
    i = j + 1
  }
  return fromCodeUnits(out, length)
}

/** The string of buf[0, length), made in chunks (fromCharCode takes its units as arguments). */
function fromCodeUnits(buf: Uint16Array, length: number): string {
  const CHUNK = 8192
  const parts: string[] = []
  for (let at = 0; at < length; at += CHUNK)
    parts.push(String.fromCharCode(...buf.subarray(at, Math.min(length, at + CHUNK))))
  return parts.join('')
}

/** Namespace URI → the prefix the readers use. Strict OOXML URIs map to the same prefixes as transitional. */
const CANONICAL_PREFIX: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': '',
  'http://schemas.openxmlformats.org/package/2006/content-types': '',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties': '',
  'http://purl.oclc.org/ooxml/officeDocument/extendedProperties': '',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'urn:oasis:names:tc:opendocument:xmlns:office:1.0': 'office',
  'urn:oasis:names:tc:opendocument:xmlns:text:1.0': 'text',
  'urn:oasis:names:tc:opendocument:xmlns:style:1.0': 'style',
  'urn:oasis:names:tc:opendocument:xmlns:table:1.0': 'table',
  'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0': 'draw',
  'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0': 'fo',
  'urn:oasis:names:tc:opendocument:xmlns:meta:1.0': 'meta',
  'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0': 'svg',
  'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0': 'manifest'
}

/** In-scope namespace declarations: prefix ("" for the default namespace) → URI. */
type Scope = Map<string, string>

/** The scope of an element: its parent's, plus its own xmlns declarations (a copy only when it has some). */
function scopeOf(attrs: Record<string, string>, parent: Scope): Scope {
  let scope = parent
  for (const name in attrs) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue
    if (scope === parent) scope = new Map(parent)
    scope.set(name === 'xmlns' ? '' : name.slice(6), attrs[name] as string)
  }
  return scope
}

/**
 * A name with the reader's prefix for its namespace. Unprefixed attributes have no namespace; unprefixed
 * elements take the default namespace.
 */
function canonicalName(name: string, scope: Scope, element: boolean): string {
  if (scope.size === 0 || name.startsWith('xmlns')) return name
  const colon = name.indexOf(':')
  if (colon < 0 && !element) return name
  const prefix = colon < 0 ? '' : name.slice(0, colon)
  const uri = scope.get(prefix)
  if (uri === undefined) return name
  const canonical = CANONICAL_PREFIX[uri]
  if (canonical === undefined || canonical === prefix) return name
  const local = name.slice(colon + 1)
  return canonical === '' ? local : `${canonical}:${local}`
}

function canonicalAttributes(attrs: Record<string, string>, scope: Scope): Record<string, string> {
  if (scope.size === 0) return attrs
  const out: Record<string, string> = {}
  for (const name in attrs) out[canonicalName(name, scope, false)] = attrs[name] as string
  return out
}

export function parseXml(xml: string, format: DocFormat, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] }
  const stack: XmlElement[] = [root]
  // Parallel to `stack`: each open element's name as written (end tags match it) and its namespace scope.
  const written: string[] = ['#document']
  const scopes: Scope[] = [new Map()]
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
      if (!open || open === root || written.pop() !== name) throw corrupt()
      scopes.pop()
      i = gt + 1
    } else {
      const gt = findTagEnd(xml, lt)
      if (gt < 0) throw corrupt()
      const selfClosing = xml[gt - 1] === '/'
      const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt)
      const nameEnd = body.search(/[\s/>]|$/)
      const name = body.slice(0, nameEnd)
      if (name === '') throw corrupt()
      const attrs = parseAttributes(body.slice(nameEnd))
      const scope = scopeOf(attrs, scopes[scopes.length - 1] as Scope)
      const element: XmlElement = {
        name: canonicalName(name, scope, true),
        attrs: canonicalAttributes(attrs, scope),
        children: []
      }
      add(element)
      if (!selfClosing) {
        if (stack.length > limits.maxDepth) throw failure('too-complex', format)
        stack.push(element)
        written.push(name)
        scopes.push(scope)
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
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i)
    if (c === 0x22 || c === 0x27) {
      // a quoted value: jump to its closing quote
      const close = xml.indexOf(c === 0x22 ? '"' : "'", i + 1)
      if (close < 0) return -1
      i = close
    } else if (c === 0x3e) return i
    else if (c === 0x3c) return -1
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
