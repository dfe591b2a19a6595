/**
 * Homoglyphs: Cyrillic or Greek letters inside an otherwise Latin word ("pаper" with a Cyrillic "а").
 * Evasion tools swap look-alike letters to defeat plagiarism and AI detectors. Checked per word, not per
 * document (UTS #39 mixed-script idea), so genuine Russian or Greek words in an English essay are not flagged.
 */
import type { Fingerprint } from '../../shared/types'
import { codePointLabel } from './format'

const WORD = /[\p{L}\p{M}]+/gu
const LATIN = /\p{Script=Latin}/u
const CYRILLIC = /\p{Script=Cyrillic}/u
const GREEK = /\p{Script=Greek}/u

/**
 * "λCDM", "μm", "Ωcm", "αHelix": Greek letters only as a prefix or suffix of a short or upper-case Latin part
 * are notation, not look-alike substitution (which hides letters inside ordinary words).
 */
function isScientificNotation(word: string): boolean {
  const chars = Array.from(word)
  if (chars.some((ch) => CYRILLIC.test(ch))) return false
  const greekAt = chars.map((ch) => GREEK.test(ch))
  const first = greekAt.indexOf(true)
  const last = greekAt.lastIndexOf(true)
  const contiguous = greekAt.slice(first, last + 1).every(Boolean)
  const atEdge = first === 0 || last === chars.length - 1
  const latin = chars.filter((ch) => LATIN.test(ch)).join('')
  return contiguous && atEdge && (latin.length <= 3 || latin === latin.toUpperCase())
}

export function findHomoglyphs(text: string): Fingerprint[] {
  const out: Fingerprint[] = []
  for (const m of text.matchAll(WORD)) {
    const word = m[0]
    if (!LATIN.test(word)) continue
    const foreign = Array.from(word).filter((ch) => CYRILLIC.test(ch) || GREEK.test(ch))
    if (foreign.length === 0 || isScientificNotation(word)) continue
    const latinCount = Array.from(word).filter((ch) => LATIN.test(ch)).length
    const start = m.index ?? 0
    const letters = [...new Set(foreign)]
      .map(
        (ch) =>
          `"${ch}" (${CYRILLIC.test(ch) ? 'Cyrillic' : 'Greek'}, ${codePointLabel(ch.codePointAt(0) ?? 0)})`
      )
      .join(', ')
    out.push({
      kind: 'homoglyph',
      rule: 'mixed-script-word',
      start,
      end: start + word.length,
      count: foreign.length,
      description:
        `The word "${word}" mixes ${latinCount} Latin letter${latinCount === 1 ? '' : 's'} with ${letters}, ` +
        'which look the same but are different characters.',
      innocentExplanations: [
        'Multilingual writers can switch keyboard layouts in the middle of a word by accident.',
        'Some fonts, OCR or PDF text extraction map letters to look-alike characters.',
        'Scientific notation mixes scripts on purpose (e.g. Greek letters in unit or variable names).'
      ]
    })
  }
  return out
}
