/**
 * A word is a run of letters or digits, with inner apostrophes, hyphens and dots kept
 * ("don't", "well-known", "3.5" count once). Punctuation alone is not a word.
 */
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu

/**
 * Zero-width characters and soft hyphens inside a word ("ex\u00ADample", "wo\u200Brd") are invisible: they
 * do not split it into two (issue 17.15). Only these are dropped; any other character still separates words.
 */
const INVISIBLE_IN_WORD = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g

export function countWords(text: string): number {
  const visible = text.replace(INVISIBLE_IN_WORD, '')
  let count = 0
  WORD.lastIndex = 0
  while (WORD.exec(visible) !== null) count++
  return count
}
