/**
 * RTF to paragraphs. Tracks group state (skipped destination, \uc count, style, table and list flags),
 * decodes \'hh bytes through \ansicpg, \uN with its \ucN fallback skip, and ignores destinations that hold
 * no body text (\fonttbl, \colortbl, \pict, headers/footers, every \*\ destination). \info is read for
 * metadata and \stylesheet for style names, so "heading 1" and "Quote" paragraphs keep their kind.
 */
import type { BlockKind } from '../../shared/types'
import type { RawBlock, RawHidden } from '../../engine/text'
import { kindFromStyleName } from './styleNames'
import { failure } from './errors'
import { decodeCodePage, rtfMetadata, storeCapture } from './rtfMeta'
import { rtfTokens } from './rtfTokens'
import { docWarnings } from './warnings'
import type { FormatExtraction } from './types'

const SKIP_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'pict',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'annotation',
  'listtable',
  'listoverridetable',
  'object',
  'objdata',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'xmlnstbl',
  'rsidtbl',
  'revtbl',
  'filetbl',
  'listtext',
  'pntext',
  'pntxta',
  'pntxtb',
  'txe',
  'xe',
  'tc',
  'fldinst',
  'shppict',
  'nonshppict',
  'userprops',
  'private'
])
const INFO_TEXT_FIELDS = new Set(['title', 'author', 'operator', 'company', 'subject'])
const INFO_DATE_FIELDS = new Set(['creatim', 'revtim'])
const CHARACTERS: Record<string, string> = {
  emdash: '—',
  endash: '–',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
  tab: '\t',
  line: '\n'
}
const SYMBOLS: Record<string, string> = { '~': '\u00a0', _: '-', '\\': '\\', '{': '{', '}': '}', '-': '' }
const MAX_DEPTH = 512

interface GroupState {
  skip: boolean
  uc: number
  /** Destination whose text is captured for metadata or the stylesheet, else null. */
  capture: string | null
  hidden: boolean
}

interface ParagraphState {
  style: number
  outline: number | null
  list: boolean
  inTable: boolean
}

export function extractRtf(buf: Uint8Array): FormatExtraction {
  const src = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1')
  let group: GroupState = { skip: false, uc: 1, capture: null, hidden: false }
  const stack: GroupState[] = []
  let para: ParagraphState = { style: 0, outline: null, list: false, inTable: false }
  let codePage = 1252
  let pendingBytes: number[] = []
  let text = ''
  let skipChars = 0
  let starred = false
  let captured = ''
  let styleNumber = 0
  const styles = new Map<number, string>()
  const info: Record<string, string> = {}
  const dateParts: Record<string, number> = {}
  const blocks: RawBlock[] = []
  let row: string[] = []
  let tableRows: string[] = []

  const flushBytes = (): void => {
    if (pendingBytes.length === 0) return
    const decoded = decodeCodePage(Uint8Array.from(pendingBytes), codePage)
    pendingBytes = []
    emit(decoded)
  }
  // Hidden text (\v) of the paragraph being read, noted where it sits (issue 17.11).
  let hidden: RawHidden[] = []
  const emit = (s: string): void => {
    if (group.skip) return
    if (group.hidden) {
      if (group.capture !== null) return
      const last = hidden[hidden.length - 1]
      if (last && last.at === text.length) last.text += s
      else hidden.push({ at: text.length, text: s, how: 'hidden-formatting' })
      return
    }
    if (group.capture !== null) captured += s
    else text += s
  }
  const startCapture = (field: string): void => {
    group.capture = field
    captured = ''
  }
  const flushTable = (): void => {
    if (tableRows.length > 0) blocks.push({ text: tableRows.join('\n'), page: null, kind: 'table' })
    tableRows = []
  }
  const endParagraph = (): void => {
    if (para.inTable) {
      text += ' ' // a paragraph break inside a table cell
      return
    }
    flushTable()
    blocks.push({
      text,
      page: null,
      kind: paragraphKind(para, styles),
      ...(hidden.length > 0 ? { hidden } : {})
    })
    hidden = []
    text = ''
  }

  for (const token of rtfTokens(src)) {
    if (token.type !== 'hex' && !(token.type === 'text' && skipChars > 0)) flushBytes()
    switch (token.type) {
      case 'open':
        stack.push(group)
        if (stack.length > MAX_DEPTH) throw failure('too-complex', 'rtf')
        group = { ...group }
        starred = false
        break
      case 'close': {
        flushBytes()
        const closing = group
        group = stack.pop() ?? group
        if (closing.capture !== null && closing.capture !== group.capture) {
          storeCapture(closing.capture, captured.trim(), info, styles, styleNumber)
          captured = ''
        }
        skipChars = 0
        break
      }
      case 'bin':
        skipChars = 0
        break
      case 'hex':
        if (skipChars > 0) skipChars--
        else pendingBytes.push(token.byte)
        break
      case 'text': {
        if (group.skip) break // picture hex and other skipped data can be megabytes: don't walk it
        let t = token.text
        if (skipChars > 0) {
          const drop = Math.min(skipChars, t.length)
          t = t.slice(drop)
          skipChars -= drop
        }
        // Raw 8-bit characters go through the code page like \'hh does.
        for (const ch of t) {
          const code = ch.charCodeAt(0)
          if (code < 0x80) {
            flushBytes()
            emit(ch)
          } else pendingBytes.push(code)
        }
        break
      }
      case 'symbol':
        if (token.ch === '*') starred = true
        else if (token.ch === '|' || token.ch === ':') break
        else emit(SYMBOLS[token.ch] ?? '')
        break
      case 'word': {
        const { word, param } = token
        if (starred) {
          starred = false
          if (word === 'generator') startCapture('generator')
          else group.skip = true
          break
        }
        if (SKIP_DESTINATIONS.has(word)) group.skip = true
        else if (word === 'info') startCapture('info')
        else if (word === 'stylesheet') startCapture('stylesheet')
        else if (
          group.capture === 'stylesheet' &&
          (word === 's' || word === 'cs' || word === 'ds' || word === 'ts')
        ) {
          startCapture('style')
          styleNumber = word === 's' ? (param ?? 0) : -1
        } else if (group.capture === 'info' && (INFO_TEXT_FIELDS.has(word) || INFO_DATE_FIELDS.has(word))) {
          startCapture(word)
        } else if (group.capture !== null && ['yr', 'mo', 'dy', 'hr', 'min'].includes(word)) {
          dateParts[`${group.capture}.${word}`] = param ?? 0
        } else if (group.capture === 'info' && ['edmins', 'nofpages', 'version'].includes(word)) {
          info[word] = String(param ?? '')
        } else if (word === 'ansicpg' && param !== null) codePage = param
        else if (word === 'uc') group.uc = Math.max(0, param ?? 1)
        else if (word === 'u' && param !== null) {
          emit(String.fromCharCode(param < 0 ? param + 65536 : param))
          skipChars = group.uc
        } else if (word === 'par' || word === 'sect' || word === 'page') endParagraph()
        else if (word === 'pard') para = { style: 0, outline: null, list: false, inTable: false }
        else if (word === 's' && group.capture === null) para.style = param ?? 0
        else if (word === 'outlinelevel') para.outline = param
        else if (word === 'ls' || word === 'ilvl' || word === 'pnlvlblt' || word === 'pnlvlbody')
          para.list = true
        else if (word === 'intbl') para.inTable = true
        else if (word === 'cell' || word === 'nestcell') {
          row.push(text.trim())
          text = ''
          hidden = hidden.map((h) => ({ ...h, at: 0 }))
        } else if (word === 'row' || word === 'nestrow') {
          tableRows.push(row.join('\t'))
          row = []
          text = ''
        } else if (word === 'v') group.hidden = param !== 0
        else if (CHARACTERS[word] !== undefined) emit(CHARACTERS[word] as string)
        break
      }
    }
  }
  flushBytes()
  para.inTable = false
  endParagraph()
  flushTable()
  // Unclosed groups mean the file was cut off: keep what was there, or call it damaged if nothing was.
  const truncated = stack.length > 0
  if (truncated && !blocks.some((b) => b.text.trim() !== '')) throw failure('corrupt', 'rtf')
  const warnings = truncated ? [docWarnings.truncated('RTF document')] : []
  return { blocks, pageCount: null, metadata: rtfMetadata(info, dateParts), warnings }
}

function paragraphKind(para: ParagraphState, styles: Map<number, string>): BlockKind | undefined {
  if (para.outline !== null && para.outline < 9) return 'heading'
  const name = styles.get(para.style)
  const fromStyle = name ? kindFromStyleName(name) : undefined
  if (fromStyle) return fromStyle
  return para.list ? 'list' : undefined
}
