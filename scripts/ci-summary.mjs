// Reads both runners' JSON reports and prints the closing line CI reads: "N passed, N failed, N skipped".
// A missing report counts as a failure, so a runner that crashed before reporting cannot pass silently.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null)
const v = read('reports/vitest.json')
if (v) {
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests + v.numTodoTests
  if (v.numFailedTestSuites > 0 && v.numFailedTests === 0) failed += v.numFailedTestSuites
} else {
  console.error('vitest report missing: counted as a failure')
  failed += 1
}
const p = read('reports/playwright.json')
if (p) {
  passed += p.stats.expected + p.stats.flaky
  if (p.stats.flaky > 0) console.error(`${p.stats.flaky} Playwright test(s) passed only on retry (flaky)`)
  failed += p.stats.unexpected
  skipped += p.stats.skipped
  if ((p.errors ?? []).length > 0 && p.stats.unexpected === 0) failed += p.errors.length
} else {
  console.error('playwright report missing: counted as a failure')
  failed += 1
}
const steps = (process.env.INKPRINT_FAILED_STEPS ?? '').split(' ').filter(Boolean)
for (const step of steps) console.error(`static check failed: ${step} (counted as a failure)`)
failed += steps.length
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed ? 1 : 0)
