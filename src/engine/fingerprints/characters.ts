/**
 * Invisible and special characters (research §9.1), scanned by code point. Consecutive characters of the same
 * rule form one finding. Characters in their well-known legitimate contexts are skipped rather than reported:
 * ZWJ inside emoji sequences, ZWJ/ZWNJ between letters of scripts that need them, a BOM at the very start,
 * U+202F in French punctuation, digit grouping and "10:30 AM" times, tag characters in flag emoji.
 */
import type { Fingerprint } from '../../shared/types'
import { codePointLabel } from './format'

interface CharRule {
  rule: string
  kind: Fingerprint['kind']
  name: string
  innocent: string[]
}

const COPY_PATH = 'Copying from web pages, PDFs or apps can carry invisible characters along with the text.'

const RULES: Record<number, CharRule> = {
  0x200b: {
    rule: 'zero-width-space',
    kind: 'invisible-character',
    name: 'zero-width space',
    innocent: [COPY_PATH, 'Some websites and editors insert it to allow line breaks in long words or URLs.']
  },
  0x200c: {
    rule: 'zero-width-non-joiner',
    kind: 'invisible-character',
    name: 'zero-width non-joiner',
    innocent: [COPY_PATH, 'It is a normal part of Persian, Arabic and Indic writing.']
  },
  0x200d: {
    rule: 'zero-width-joiner',
    kind: 'invisible-character',
    name: 'zero-width joiner',
    innocent: [COPY_PATH, 'It is a normal part of emoji sequences and of several scripts.']
  },
  0x2060: {
    rule: 'word-joiner',
    kind: 'invisible-character',
    name: 'word joiner',
    innocent: [COPY_PATH, 'Typesetting software uses it to prevent line breaks.']
  },
  0xfeff: {
    rule: 'byte-order-mark',
    kind: 'invisible-character',
    name: 'byte-order mark (zero-width no-break space)',
    innocent: [
      COPY_PATH,
      'Windows editors write it at the start of files; joining files can move it into the text.'
    ]
  },
  0x00ad: {
    rule: 'soft-hyphen',
    kind: 'invisible-character',
    name: 'soft hyphen',
    innocent: ["Word's optional hyphens and text copied from PDFs or e-books contain soft hyphens."]
  },
  0x202f: {
    rule: 'narrow-no-break-space',
    kind: 'invisible-character',
    name: 'narrow no-break space (U+202F)',
    innocent: [
      'French typography puts it before ; : ! ? and inside « ».',
      'Operating systems and browsers insert it in times such as "10:30 AM" and in number formatting.',
      'Some AI model versions produced it in 2025 (OpenAI called this a quirk, not a watermark).'
    ]
  },
  0x180e: {
    rule: 'invisible-filler',
    kind: 'invisible-character',
    name: 'Mongolian vowel separator',
    innocent: [COPY_PATH, 'It is a normal part of Mongolian script.']
  },
  0x3164: {
    rule: 'invisible-filler',
    kind: 'invisible-character',
    name: 'Hangul filler',
    innocent: [COPY_PATH, 'It is part of Korean text encoding.']
  },
  0xffa0: {
    rule: 'invisible-filler',
    kind: 'invisible-character',
    name: 'half-width Hangul filler',
    innocent: [COPY_PATH, 'It is part of Korean text encoding.']
  }
}

const BIDI: CharRule = {
  rule: 'bidi-control',
  kind: 'bidi-control',
  name: 'text-direction control',
  innocent: ['Text in right-to-left languages (Arabic, Hebrew, Persian) uses direction controls.', COPY_PATH]
}

const PRIVATE_USE: CharRule = {
  rule: 'private-use-character',
  kind: 'private-use',
  name: 'private-use character',
  innocent: [
    'Icon and symbol fonts use private-use characters; they can survive copy and paste or PDF extraction.'
  ]
}

function ruleFor(cp: number): CharRule | null {
  const direct = RULES[cp]
  if (direct) return direct
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return BIDI
  // U+E200–E202 are handled as OpenAI citation markers (artefacts.ts); U+F000–F0FF is the Symbol-font range
  // Word bullets extract to, far too common in ordinary documents to report.
  if (cp >= 0xe000 && cp <= 0xf8ff && !(cp >= 0xe200 && cp <= 0xe202) && !(cp >= 0xf000 && cp <= 0xf0ff))
    return PRIVATE_USE
  return null
}

const SCRIPT_LETTER =
  /[\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Syriac}\p{Script=Hebrew}\p{Script=Mongolian}]/u
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F/u

function charBefore(text: string, i: number): string {
  if (i <= 0) return ''
  const c = text.charCodeAt(i - 1)
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1]
}

function charAfter(text: string, end: number): string {
  if (end >= text.length) return ''
  return String.fromCodePoint(text.codePointAt(end) ?? 0)
}

/** True when the character at [i, end) is in a context where it is expected. */
function isLegitimate(text: string, cp: number, i: number, end: number): boolean {
  const before = charBefore(text, i)
  const after = charAfter(text, end)
  if (cp === 0x200d && (PICTOGRAPH.test(before) || PICTOGRAPH.test(after))) return true
  if ((cp === 0x200c || cp === 0x200d) && (SCRIPT_LETTER.test(before) || SCRIPT_LETTER.test(after)))
    return true
  if (cp === 0xfeff && i === 0) return true
  // typesetting tools glue em/en dashes to the neighbouring word with a word joiner
  if (cp === 0x2060 && (/[\u2013\u2014]/.test(before) || /^[\u2013\u2014]/.test(after))) return true
  if (cp === 0x180e && /\p{Script=Mongolian}/u.test(before)) return true
  if (cp === 0x202f) {
    if (/^[;:!?»%€]/.test(after) || before === '«') return true
    if (/\d/.test(before) && /\d/.test(after)) return true
    if (/^(AM|PM|a\.m\.|p\.m\.|am|pm)/.test(text.slice(end, end + 4))) return true
  }
  if (
    ruleFor(cp) === BIDI &&
    /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u.test(
      text.slice(Math.max(0, i - 40), end + 40)
    )
  )
    return true
  return false
}

/** Tag characters U+E0000–E007F: hidden ASCII ("ASCII smuggling"), except in subdivision flag emoji. */
function findTagRuns(text: string, out: Fingerprint[]): void {
  const tagRun = /(?:[\u{E0000}-\u{E007F}])+/gu
  for (const m of text.matchAll(tagRun)) {
    const start = m.index ?? 0
    const chars = Array.from(m[0])
    const isFlag = charBefore(text, start) === '\u{1F3F4}' && chars[chars.length - 1] === '\u{E007F}'
    if (isFlag) continue
    const hidden = chars
      .map((ch) => (ch.codePointAt(0) ?? 0) - 0xe0000)
      .map((c) => (c >= 0x20 && c <= 0x7e ? String.fromCharCode(c) : ''))
      .join('')
    out.push({
      kind: 'tag-character',
      rule: 'unicode-tag-characters',
      start,
      end: start + m[0].length,
      count: chars.length,
      description:
        `${chars.length} invisible Unicode tag characters spelling hidden text: "${hidden}". Tag characters ` +
        'are used to hide instructions or messages inside text ("ASCII smuggling").',
      innocentExplanations: [
        'The text may have been copied from a page or prompt that carried hidden text, without the student knowing.',
        'Flag emoji for England, Scotland and Wales use tag characters (those are not reported).'
      ]
    })
  }
}

/** U+FEFF followed by a run of variation selectors: a C2PA 2.x text manifest (provenance metadata). */
function findC2paManifests(text: string, out: Fingerprint[]): void {
  const manifest = /\uFEFF(?:[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]){8,}/gu
  for (const m of text.matchAll(manifest)) {
    const start = m.index ?? 0
    out.push({
      kind: 'invisible-character',
      rule: 'c2pa-text-manifest',
      start,
      end: start + m[0].length,
      count: Array.from(m[0]).length,
      description:
        'An invisible C2PA content-credentials manifest is embedded in the text (a byte-order mark followed by ' +
        `${Array.from(m[0]).length - 1} variation selectors). It records which tool produced or edited the text.`,
      innocentExplanations: [
        'Many tools, including word processors and publishing systems, can attach content credentials.'
      ]
    })
  }
}

export function findCharacterFingerprints(text: string): Fingerprint[] {
  const out: Fingerprint[] = []
  findTagRuns(text, out)
  findC2paManifests(text, out)
  const manifestSpans = out
    .filter((f) => f.rule === 'c2pa-text-manifest')
    .map((f) => [f.start ?? 0, f.end ?? 0])
  let run: { rule: CharRule; start: number; end: number; count: number; cps: Set<number> } | null = null
  const flush = (): void => {
    if (!run) return
    const labels = [...run.cps].map(codePointLabel).join(', ')
    out.push({
      kind: run.rule.kind,
      rule: run.rule.rule,
      start: run.start,
      end: run.end,
      count: run.count,
      description: `${run.count === 1 ? 'An invisible' : `${run.count} invisible`} ${run.rule.name}${run.count === 1 ? '' : ' characters'} (${labels}) in the text.`,
      innocentExplanations: run.rule.innocent
    })
    run = null
  }
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0
    const end = i + (cp > 0xffff ? 2 : 1)
    const rule = ruleFor(cp)
    const inManifest = manifestSpans.some(([s, e]) => i >= s && i < e)
    if (rule && !inManifest && !isLegitimate(text, cp, i, end)) {
      if (run && run.rule.rule === rule.rule && run.end === i) {
        run.end = end
        run.count++
        run.cps.add(cp)
      } else {
        flush()
        run = { rule, start: i, end, count: 1, cps: new Set([cp]) }
      }
    }
    i = end
  }
  flush()
  return out
}
