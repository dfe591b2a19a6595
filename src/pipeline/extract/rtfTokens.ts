/**
 * RTF tokenizer. The file is read as Latin-1 so every byte is one character; bytes above 0x7F (raw or
 * as \'hh) are decoded later through the document's code page.
 */
export type RtfToken =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'word'; word: string; param: number | null }
  | { type: 'symbol'; ch: string }
  | { type: 'hex'; byte: number }
  | { type: 'text'; text: string }
  | { type: 'bin'; length: number }

const LETTER = /[a-zA-Z]/
const DIGIT = /[0-9]/
/** The next character that ends a run of plain text. */
const TEXT_END = /[\\{}\r\n]/g

export function* rtfTokens(src: string): Generator<RtfToken> {
  let i = 0
  const n = src.length
  while (i < n) {
    const c = src[i] as string
    if (c === '{') {
      i++
      yield { type: 'open' }
    } else if (c === '}') {
      i++
      yield { type: 'close' }
    } else if (c === '\\') {
      const next = src[i + 1]
      if (next === undefined) return
      if (LETTER.test(next)) {
        let j = i + 1
        while (j < n && j - i <= 32 && LETTER.test(src[j] as string)) j++
        const word = src.slice(i + 1, j)
        let k = j
        if (src[k] === '-' && DIGIT.test(src[k + 1] ?? '')) k++
        while (k < n && k - j < 11 && DIGIT.test(src[k] as string)) k++
        const param = k > j ? parseInt(src.slice(j, k), 10) : null
        if (src[k] === ' ') k++ // the delimiting space belongs to the control word
        i = k
        if (word === 'bin' && param !== null && param > 0) {
          yield { type: 'bin', length: param }
          i += param // raw binary payload: never text
        } else yield { type: 'word', word, param }
      } else if (next === "'") {
        const byte = parseInt(src.slice(i + 2, i + 4), 16)
        i += 4
        if (Number.isFinite(byte)) yield { type: 'hex', byte }
      } else if (next === '\r' || next === '\n') {
        i += 2
        yield { type: 'word', word: 'par', param: null }
      } else {
        i += 2
        yield { type: 'symbol', ch: next }
      }
    } else if (c === '\r' || c === '\n') {
      i++ // line breaks in RTF source are not text
    } else {
      TEXT_END.lastIndex = i + 1
      const j = TEXT_END.test(src) ? TEXT_END.lastIndex - 1 : n
      yield { type: 'text', text: src.slice(i, j) }
      i = j
    }
  }
}
