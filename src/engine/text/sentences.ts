/**
 * Sentence boundaries inside one paragraph, as offsets. Used only to split very long paragraphs, so it
 * prefers missing a boundary over inventing one: "e.g. Smith", "Dr. Jones", "J. K. Rowling", "3.5" and
 * "U.S. law" do not end sentences.
 */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'cf',
  'vs',
  'viz',
  'al',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'jr',
  'sr',
  'no',
  'fig',
  'figs',
  'vol',
  'pp',
  'p',
  'ch',
  'sec',
  'approx',
  'ca',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'ed',
  'eds',
  'rev',
  'gen',
  'gov',
  'sgt',
  'capt',
  'col',
  'lt',
  'mt',
  'ft',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'ph.d',
  'a.m',
  'p.m',
  'op',
  'ibid'
])

/** End punctuation, optional closing quotes/brackets, whitespace, then something that can start a sentence. */
const BOUNDARY = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘([]?[\p{Lu}\p{N}])/gu

/** Offsets (relative to `text`) where a new sentence starts, after the whitespace. */
export function sentenceStarts(text: string): number[] {
  const starts = [0]
  BOUNDARY.lastIndex = 0
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const punct = m[1] ?? ''
    if (punct === '.' && isAbbreviation(text, m.index)) continue
    starts.push(m.index + m[0].length)
  }
  return starts
}

function isAbbreviation(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 12), dotIndex)
  const token = /([\p{L}.]+)$/u.exec(before)?.[1]
  if (!token) return false
  if (token.length === 1 && /\p{Lu}/u.test(token)) return true // an initial: "J. Smith"
  return ABBREVIATIONS.has(token.toLowerCase())
}

/** [start, end) of each sentence, trimmed of trailing whitespace. */
export function splitSentences(text: string): [number, number][] {
  const starts = sentenceStarts(text)
  return starts.map((start, i): [number, number] => {
    let end = i + 1 < starts.length ? (starts[i + 1] as number) : text.length
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--
    return [start, end]
  })
}
