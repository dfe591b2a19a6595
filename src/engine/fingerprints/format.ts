/** Small text helpers for fingerprint descriptions. */

/** "U+202F" */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
}

/** Renders invisible characters visibly for "view in context": ⟨U+200B⟩. */
export function showInvisible(s: string): string {
  return Array.from(s)
    .map((ch) => {
      const cp = ch.codePointAt(0) ?? 0
      const invisible = /[\p{Cf}\p{Co}\p{Zs}\u00AD]/u.test(ch) && ch !== ' '
      return invisible ? `⟨${codePointLabel(cp)}⟩` : ch
    })
    .join('')
}

/** Cuts long snippets for descriptions. */
export function snippet(s: string, max = 60): string {
  const oneLine = s.replace(/\s+/g, ' ').trim()
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine
}

export function countWords(text: string): number {
  return (text.match(/\S+/g) ?? []).length
}
