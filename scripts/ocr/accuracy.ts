/** Character accuracy of OCR text against the text that was rendered: Levenshtein similarity, 0–1. */
export function charAccuracy(original: string, read: string): number {
  const x = original.replace(/\s+/g, ' ').trim()
  const y = read.replace(/\s+/g, ' ').trim()
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const cur = [i]
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1))
    prev = cur
  }
  return 1 - prev[y.length] / Math.max(x.length, y.length, 1)
}
