/**
 * A word is a run of letters or digits, with inner apostrophes, hyphens and dots kept
 * ("don't", "well-known", "3.5" count once). Punctuation alone is not a word.
 */
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu

export function countWords(text: string): number {
  let count = 0
  WORD.lastIndex = 0
  while (WORD.exec(text) !== null) count++
  return count
}
