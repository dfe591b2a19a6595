/** Turns CRLF and lone CR into LF so every offset counts one character per line break. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/** Ligature code points (U+FB00–FB06) some PDFs and fonts emit; scoring wants the plain letters. */
const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st'
}

export function expandLigatures(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/g, (ch) => LIGATURES[ch] ?? ch)
}
