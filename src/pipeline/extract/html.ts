/**
 * HTML as a document: online-text submissions (Moodle "onlinetext", Canvas text entries), saved web pages and
 * Google Docs "Web page" downloads. What a reader sees in a browser becomes blocks; what they do not see is
 * left out: <head>, scripts, styles, templates, <noscript>, form controls, comments, and elements hidden with
 * the `hidden` attribute, inline styles (display:none, visibility:hidden, font-size:0, opacity:0) or simple
 * class/id rules of the page's own <style> sheets. A hidden element is counted in a warning, never scored.
 *
 * A small tolerant tokenizer, not a full HTML5 parser: unclosed <p>/<li>/<td> end at the next block, stray end
 * tags are ignored, and nesting is capped so a hostile page cannot exhaust the stack or the clock.
 */
import type { BlockKind, DocWarning, DocumentMetadata } from '../../shared/types'
import type { RawBlock } from '../../engine/text'
import { failure } from './errors'
import { hidesContent } from './cssHiding'
import { decodeText } from './text'
import type { FormatExtraction } from './types'

/** Deeper than any real page; past it the document is refused as too complex. */
const MAX_DEPTH = 512

/** Content never shown as text. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'object',
  'svg',
  'canvas',
  'select',
  'datalist',
  'button',
  'textarea'
])
/** Elements whose content is raw text up to their end tag (no markup inside). */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title'])
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr'
])
const BLOCK_KIND: Record<string, BlockKind> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  li: 'list',
  dt: 'list',
  dd: 'list',
  td: 'table',
  th: 'table',
  caption: 'table',
  blockquote: 'quote',
  pre: 'code'
}
const BLOCKS = new Set([
  ...Object.keys(BLOCK_KIND),
  'address',
  'article',
  'aside',
  'body',
  'center',
  'details',
  'dialog',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hr',
  'html',
  'legend',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul'
])

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  hellip: '…',
  bull: '•',
  middot: '·',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  lrm: '\u200e',
  rlm: '\u200f',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  laquo: '«',
  raquo: '»',
  iexcl: '¡',
  iquest: '¿',
  prime: '′',
  Prime: '″',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  le: '≤',
  ge: '≥',
  ne: '≠',
  minus: '−',
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oelig: 'œ',
  OElig: 'Œ',
  oslash: 'ø',
  Oslash: 'Ø',
  ccedil: 'ç',
  Ccedil: 'Ç',
  ntilde: 'ñ',
  Ntilde: 'Ñ',
  eth: 'ð',
  thorn: 'þ'
}
// Accented Latin-1 letters: &eacute; &Uuml; …
const ACCENTS: Record<string, string> = {
  grave: '\u0300',
  acute: '\u0301',
  circ: '\u0302',
  tilde: '\u0303',
  uml: '\u0308',
  ring: '\u030a'
}

function decodeEntity(name: string): string | null {
  if (name[0] === '#') {
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return '\ufffd'
    return String.fromCodePoint(code)
  }
  const named = NAMED_ENTITIES[name]
  if (named !== undefined) return named
  const accent = /^([aeiouyAEIOUYnNcC])(grave|acute|circ|tilde|uml|ring)$/.exec(name)
  if (accent) return (accent[1] + ACCENTS[accent[2]]).normalize('NFC')
  return null
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, name) => {
    return decodeEntity(name) ?? whole
  })
}

interface Tag {
  name: string
  attrs: Map<string, string>
  end: boolean
  selfClosing: boolean
}

const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>()
  for (const m of source.matchAll(ATTR)) {
    const key = m[1].toLowerCase()
    if (!attrs.has(key)) attrs.set(key, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''))
  }
  return attrs
}

/** Style rules of the page: which classes and ids it hides. */
interface HidingRules {
  classes: Set<string>
  ids: Set<string>
}

function hidingRules(css: string): HidingRules {
  const rules: HidingRules = { classes: new Set(), ids: new Set() }
  const cleaned = css.replace(/\/\*[\s\S]*?\*\//g, '')
  for (const m of cleaned.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!hidesContent(m[2])) continue
    for (const selector of m[1].split(',')) {
      // Only selectors that name one element by itself: ".note", "p.note", "#x". Descendant and pseudo
      // selectors ("div .x", ".x:hover") are not guessed at.
      const simple = /^\s*[a-z0-9]*([.#])([\w-]+)\s*$/i.exec(selector)
      if (!simple) continue
      ;(simple[1] === '.' ? rules.classes : rules.ids).add(simple[2])
    }
  }
  return rules
}

function isHidden(tag: Tag, rules: HidingRules): boolean {
  if (tag.attrs.has('hidden')) return true
  if (tag.name === 'input' && (tag.attrs.get('type') ?? '').toLowerCase() === 'hidden') return true
  const style = tag.attrs.get('style')
  if (style && hidesContent(style)) return true
  const id = tag.attrs.get('id')
  if (id && rules.ids.has(id)) return true
  const classes = tag.attrs.get('class')
  if (classes && classes.split(/\s+/).some((c) => rules.classes.has(c))) return true
  return false
}

interface Frame {
  name: string
  /** Inside something not shown (skipped element or hidden); its text is dropped. */
  dropped: boolean
  /** Dropped because the page hides it from readers (not a script or style): reported as hidden text. */
  hidden: boolean
  pre: boolean
}

export function extractHtml(buf: Uint8Array): FormatExtraction {
  const decoded = decodeText(buf, 'html')
  const source = decoded.text
  const warnings: DocWarning[] = [...decoded.warnings]
  const metadata: DocumentMetadata = {}

  // The page's own style sheets first, so a rule declared after the element still hides it.
  let rules: HidingRules = { classes: new Set(), ids: new Set() }
  const styles = [...source.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1]).join('\n')
  if (styles) rules = hidingRules(styles)

  const blocks: RawBlock[] = []
  const stack: Frame[] = [{ name: '#root', dropped: false, hidden: false, pre: false }]
  // Hidden text met since the last block was written; `inside` when visible text of the block came first.
  let pendingHidden: { text: string; inside: boolean }[] = []
  let current = ''
  let currentKind: BlockKind | undefined
  let hiddenElements = 0
  let droppedHiddenText = false

  const top = (): Frame => stack[stack.length - 1]
  const flush = (): void => {
    const top = stack[stack.length - 1]
    const text = top.pre ? current : current.replace(/[ \t\r\f]+/g, ' ').replace(/ ?\n ?/g, '\n')
    // "<br><br>" inside one element is how many editors separate paragraphs.
    const first = blocks.length
    for (const part of text.split(/\n[ \t]*\n/)) {
      const trimmed = top.pre ? part.replace(/^\n+|\s+$/g, '') : part.trim()
      if (trimmed) blocks.push({ text: trimmed, page: null, kind: currentKind })
    }
    if (blocks.length > first && pendingHidden.length > 0) {
      // Hidden before any visible text of this block sits at its start; hidden within it, at its end.
      const firstBlock = blocks[first] as RawBlock
      const lastBlock = blocks[blocks.length - 1] as RawBlock
      for (const h of pendingHidden) {
        const block = h.inside ? lastBlock : firstBlock
        ;(block.hidden ??= []).push({
          at: h.inside ? block.text.length : 0,
          text: h.text,
          how: 'hidden-formatting'
        })
      }
      pendingHidden = []
    }
    current = ''
    currentKind = undefined
  }
  const kindOf = (): BlockKind => {
    for (let i = stack.length - 1; i > 0; i--) {
      const kind = BLOCK_KIND[stack[i].name]
      if (kind) return kind
    }
    // The page's own markup says what is a heading or a list; anything else is running text.
    return 'prose'
  }
  const appendText = (raw: string): void => {
    if (top().dropped) {
      if (/\S/.test(raw)) droppedHiddenText = true
      if (top().hidden && /\S/.test(raw)) hideText(decodeEntities(raw))
      return
    }
    const text = decodeEntities(raw)
    if (current === '' && !/\S/.test(text)) return
    if (current === '') currentKind = kindOf()
    current += top().pre ? text : text.replace(/\n/g, ' ')
  }

  const hideText = (text: string): void => {
    const inside = current.trim() !== ''
    const last = pendingHidden[pendingHidden.length - 1]
    if (last && last.inside === inside) last.text += ` ${text}`
    else pendingHidden.push({ text, inside })
  }

  let at = 0
  const length = source.length
  while (at < length) {
    const lt = source.indexOf('<', at)
    if (lt < 0) {
      appendText(source.slice(at))
      break
    }
    if (lt > at) appendText(source.slice(at, lt))
    // Comments, doctype, CDATA, processing instructions.
    if (source.startsWith('<!--', lt)) {
      const close = source.indexOf('-->', lt + 4)
      at = close < 0 ? length : close + 3
      continue
    }
    if (source[lt + 1] === '!' || source[lt + 1] === '?') {
      const close = source.indexOf('>', lt)
      at = close < 0 ? length : close + 1
      continue
    }
    const m = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(
      source.slice(lt, lt + 65536)
    )
    if (!m) {
      // A lone "<" (as in "a < b" written without escaping) is text.
      appendText('<')
      at = lt + 1
      continue
    }
    at = lt + m[0].length
    const tag: Tag = {
      name: m[2].toLowerCase(),
      end: m[1] === '/',
      attrs: m[1] === '/' ? new Map() : parseAttributes(m[3]),
      selfClosing: /\/\s*$/.test(m[3])
    }
    if (tag.end) {
      const index = findOpen(stack, tag.name)
      if (index < 0) continue // a stray end tag
      if (BLOCKS.has(tag.name) || stack.slice(index).some((f) => BLOCKS.has(f.name))) flush()
      stack.length = index
      continue
    }
    if (tag.name === 'title' || tag.name === 'meta') readMetadata(tag, source, at, metadata)
    if (tag.name === 'br') {
      if (!top().dropped) current += '\n'
      continue
    }
    if (BLOCKS.has(tag.name) || tag.name === 'hr') {
      // A new block closes an open paragraph (HTML's implied end tags for <p>, <li>, <td>…).
      flush()
      const open = findOpen(stack, 'p')
      if (open > 0 && tag.name !== 'span') stack.length = open
      if ((tag.name === 'li' || tag.name === 'dt' || tag.name === 'dd') && findOpen(stack, tag.name) > 0)
        stack.length = findOpen(stack, tag.name)
      if ((tag.name === 'td' || tag.name === 'th') && findOpen(stack, 'td') > findOpen(stack, 'tr'))
        stack.length = findOpen(stack, 'td')
    }
    if (VOID.has(tag.name) || tag.selfClosing) continue
    const parent = top()
    const hidden = !parent.dropped && isHidden(tag, rules)
    if (hidden) hiddenElements++
    const dropped = parent.dropped || hidden || SKIPPED.has(tag.name)
    if (RAW_TEXT.has(tag.name)) {
      const close = new RegExp(`</${tag.name}\\s*>`, 'i').exec(source.slice(at))
      const end = close ? at + close.index : length
      if (tag.name === 'textarea' || tag.name === 'xmp') {
        if (!dropped) appendText(source.slice(at, end))
      } else if (dropped && hidden && /\S/.test(source.slice(at, end))) droppedHiddenText = true
      at = close ? end + close[0].length : length
      continue
    }
    if (stack.length >= MAX_DEPTH) throw failure('too-complex', 'html')
    stack.push({
      name: tag.name,
      dropped,
      hidden: (parent.hidden || hidden) && !SKIPPED.has(tag.name),
      pre: parent.pre || tag.name === 'pre'
    })
  }
  flush()
  if (pendingHidden.length > 0) {
    // Hidden text after the last visible block: an empty block carries it (it then sits at the end).
    blocks.push({
      text: '',
      page: null,
      hidden: pendingHidden.map((h) => ({ at: 0, text: h.text, how: 'hidden-formatting' as const }))
    })
  }

  if (hiddenElements > 0 && droppedHiddenText) {
    warnings.push({
      code: 'extraction-note',
      message: `This web page hides text from its readers (${hiddenElements} hidden element${hiddenElements === 1 ? '' : 's'}). Hidden text was left out: only what a reader sees is checked.`
    })
  }
  return { blocks, pageCount: null, metadata, warnings }
}

function findOpen(stack: Frame[], name: string): number {
  for (let i = stack.length - 1; i > 0; i--) if (stack[i].name === name) return i
  return -1
}

function readMetadata(tag: Tag, source: string, at: number, metadata: DocumentMetadata): void {
  if (tag.name === 'title') {
    const close = /<\/title\s*>/i.exec(source.slice(at, at + 4096))
    const title = close
      ? decodeEntities(source.slice(at, at + close.index))
          .replace(/\s+/g, ' ')
          .trim()
      : ''
    if (title && metadata.title === undefined) metadata.title = title
    return
  }
  const name = (tag.attrs.get('name') ?? '').toLowerCase()
  const content = tag.attrs.get('content')?.trim()
  if (!content) return
  if (name === 'author') metadata.creator = content
  else if (name === 'generator') metadata.application = content
}
