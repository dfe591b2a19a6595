/**
 * npm run bench: every benchmark in turn (speed claims come from here, never from timed tests).
 *   npm run bench                   extraction (100 essays), detector, watermarks, OCR per page, whole check at
 *                                   100 and 1,000
 *   npm run bench -- --full         the whole check at 100, 1,000 and 10,000 documents as well
 * Needs `npm run build` for the whole-check part (it runs the built CLI).
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

const full = process.argv.includes('--full')
const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx')
const steps: [string, string[]][] = [
  ['Extraction: 100 essays (PDF/DOCX/ODT/TXT)', ['scripts/bench-extract.ts']],
  ['Detector: load and score a 600-word essay', ['scripts/bench-detector.ts']],
  ['Watermarks and fingerprints: all shipped profiles on 600-word essays', ['scripts/bench-watermarks.ts']],
  ['OCR: seconds per A4 page at 300 dpi (scans and photos)', ['scripts/bench-ocr.ts']],
  ['Whole check (built CLI)', ['scripts/bench-check.ts', '--sizes', full ? '100,1000,10000' : '100,1000']]
]
let failed = 0
for (const [title, args] of steps) {
  console.log(`\n=== ${title}`)
  try {
    execFileSync(tsx, args, { stdio: 'inherit', cwd: join(__dirname, '..') })
  } catch {
    failed++
  }
}
process.exitCode = failed ? 1 : 0
