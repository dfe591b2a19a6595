/**
 * What the OCR scripts share: ASAP student essays of 330–420 words (one A4 page at 12 pt), read in place from
 * ../shared/data beside the repo (never copied into it), and this process's CPU clock (Tesseract's worker
 * threads run in this process, so process.cpuUsage counts them).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export function onePageEssays(count: number): string[] {
  return readFileSync(
    join(__dirname, '..', '..', '..', 'shared', 'data', 'asap-essays', 'data.jsonl'),
    'utf8'
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text)
    .filter((text) => {
      const words = text.split(/\s+/).length
      return words >= 330 && words <= 420
    })
    .slice(0, count)
}

/** CPU milliseconds used by this process so far (user + system). */
export function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
