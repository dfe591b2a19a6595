/**
 * Text normalisation for the AI-text detector. The SAME function runs at training time
 * (src/training/featurize-dataset.ts) and in the app, so the model never sees a difference.
 *
 * Why each step exists:
 * - invisible characters (zero-width, soft hyphen, bidi controls, tag characters, variation selectors)
 *   are a known evasion trick and carry no meaning;
 * - NFKC + homoglyph folding defeats Cyrillic/Greek look-alike substitution;
 * - curly quotes, long dashes, NBSP and line breaks depend on the editor or the dataset source, not on
 *   who wrote the text, so they are folded to one ASCII form (otherwise "pasted from a chat window" and
 *   "this corpus stripped newlines" become features);
 * - a leading "Title:" line and markdown emphasis are formatting giveaways of some AI datasets.
 *
 * Every output UTF-16 unit keeps the [start, end) span of the original text it came from, so explanations
 * can point at the exact characters the teacher sees.
 */

export const NORMALISER_VERSION = 2

export interface NormalisedText {
  text: string
  /** origStart[i], origEnd[i]: the original span that produced normalised code unit i. */
  origStart: Int32Array
  origEnd: Int32Array
}

/** Invisible/format code point ranges (inclusive): zero-width, soft hyphen, bidi controls, fillers, tags. */
const INVISIBLE_RANGES: [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xe0000, 0xe007f],
  [0xe0100, 0xe01ef]
]

function isInvisible(ch: string): boolean {
  if (ch.length === 0 || ch.length > 2) return false
  const cp = ch.codePointAt(0) ?? 0
  if (cp > 0xffff ? ch.length !== 2 : ch.length !== 1) return false
  return INVISIBLE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi)
}

/** Cyrillic, Greek and a few IPA/Latin-extended look-alikes of Latin letters. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  ɑ: 'a',
  ı: 'i',
  ℓ: 'l',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Ԁ: 'D',
  Ԛ: 'Q',
  Ԝ: 'W',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  ρ: 'p',
  α: 'a',
  κ: 'k',
  τ: 't',
  υ: 'u'
}

/**
 * Version 2: look-alikes beyond Cyrillic and Greek that evasion tools use (Armenian, Cherokee, Coptic, Lisu,
 * Latin small capitals, IPA). None of them occurs in ordinary English prose, so they are folded everywhere.
 */
const MORE_HOMOGLYPHS: Record<string, string> = Object.fromEntries(
  (
    'օo սu ոn հh ցg զq աw ոn ռn ևe ժd ɩi ɪi ɾr ʀr ʏy ᴀa ʙb ᴄc ᴅd ᴇe ғf ɢg ʜh ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ꞯq ꜱs ᴛt ᴜu ᴠv ᴡw ᴢz ' +
    'ⲟo ⲁa ⲅr ⲏh ⲓi ⲕk ⲙm ⲛn ⲣp ⲥc ⲧt ⲩy ⲭx ' +
    'ꓮA ꓐB ꓚC ꓓD ꓰE ꓝF ꓖG ꓧH ꓲI ꓙJ ꓗK ꓡL ꓟM ꓠN ꓳO ꓑP ꓣR ꓢS ꓔT ꓴU ꓦV ꓪW ꓫX ꓬY ꓜZ ' +
    'ᎪA ᏴB ᏟC ᎠD ᎬE ᏀG ᎻH ᏆI ᎫJ ᏦK ᏞL ᎷM ᏢP ᏒR ᏚS ᎢT ᏙV ᏔW ᏃZ ' +
    'ɑa ɒa ɓb ɔc ɗd ɛe ɡg ɦh ɨi ɯw ɵo ʋv ʌv ʐz ᵫue'
  )
    .split(' ')
    .map((pair) => [pair.slice(0, 1), pair.slice(1)])
)

const TYPOGRAPHIC: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u02BC': "'",
  '`': "'",
  '\u00B4': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': ' ',
  '\u00B7': ' '
}

/** Leading title/subject line ("Title: ...", "# Heading") that some AI datasets always include. */
const LEADING_TITLE = /^\s*(?:(?:title|subject|topic)\s*:[^\n]*|#{1,6}\s[^\n]*)(?:\r?\n|$)/i

/** Characters removed anywhere: markdown emphasis and heading marks. */
function isMarkdownMark(ch: string): boolean {
  return ch === '*' || ch === '#' || ch === '_'
}

function isSpace(ch: string): boolean {
  return /^\s$/u.test(ch)
}

/** Splits into clusters: one code point plus any following combining marks (so NFKC can compose). */
function* clusters(text: string): Generator<[string, number, number]> {
  let i = 0
  while (i < text.length) {
    const start = i
    const cp = text.codePointAt(i) ?? 0
    i += cp > 0xffff ? 2 : 1
    while (i < text.length) {
      const next = text.codePointAt(i) ?? 0
      const ch = String.fromCodePoint(next)
      if (!/^\p{M}$/u.test(ch) || isInvisible(ch)) break
      i += next > 0xffff ? 2 : 1
    }
    yield [text.slice(start, i), start, i]
  }
}

/**
 * An ASCII letter followed by combining marks ("o" + U+0307): evasion tools decorate letters this way, so the
 * detector reads the letter alone. Precomposed accented letters ("é" as one code point) are kept as they are.
 */
const ASCII_LETTER_WITH_MARKS = /^[A-Za-z]\p{M}+$/u

function foldCluster(cluster: string): string {
  if (isInvisible(cluster)) return ''
  if (ASCII_LETTER_WITH_MARKS.test(cluster)) return cluster.charAt(0)
  let out = ''
  for (const ch of cluster.normalize('NFKC')) {
    if (isInvisible(ch)) continue
    const mapped = TYPOGRAPHIC[ch] ?? HOMOGLYPHS[ch] ?? MORE_HOMOGLYPHS[ch]
    if (mapped !== undefined) out += mapped
    else if (isMarkdownMark(ch)) out += ''
    else if (isSpace(ch)) out += ' '
    else out += ch
  }
  return out
}

/** Normalises text and keeps an offset map back to the original string. Pure and deterministic. */
export function normalise(original: string): NormalisedText {
  const titleMatch = LEADING_TITLE.exec(original)
  const skipUntil = titleMatch ? titleMatch[0].length : 0
  const chars: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  let lastWasSpace = true // also trims leading whitespace
  for (const [cluster, start, end] of clusters(original)) {
    if (start < skipUntil) continue
    const folded = foldCluster(cluster)
    for (const ch of folded) {
      if (ch === ' ') {
        if (lastWasSpace) continue
        lastWasSpace = true
      } else lastWasSpace = false
      // Folded characters are BMP except rare astral symbols; push per UTF-16 unit to keep the map aligned.
      for (let k = 0; k < ch.length; k++) {
        chars.push(ch[k] ?? '')
        starts.push(start)
        ends.push(end)
      }
    }
  }
  while (chars.length > 0 && chars[chars.length - 1] === ' ') {
    chars.pop()
    starts.pop()
    ends.pop()
  }
  return { text: chars.join(''), origStart: Int32Array.from(starts), origEnd: Int32Array.from(ends) }
}

/** Maps a normalised [start, end) span to the original text span. */
export function toOriginalSpan(norm: NormalisedText, start: number, end: number): [number, number] {
  if (end <= start || start >= norm.text.length) return [0, 0]
  const last = Math.min(end, norm.text.length) - 1
  return [norm.origStart[start] ?? 0, norm.origEnd[last] ?? 0]
}
