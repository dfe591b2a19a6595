/**
 * axe-core on every main screen, in light and dark: the empty window, the class table, a document with an
 * explanation open, the watermark details, settings, calibration and About. Any violation fails the test with
 * the rule, its impact and the first offending elements, so a regression names what to fix.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/app'
import { MIXED_ESSAY, writeClassFolder, writeDocx } from './support/class-folder'
import { writeHumanEssays } from './support/calibration-essays'

const AXE_SOURCE = readFileSync(
  createRequire(join(process.cwd(), 'package.json')).resolve('axe-core/axe.min.js'),
  'utf8'
)

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/**
 * Runs axe on the page as it is now. The source is evaluated through the DevTools protocol, which the renderer's
 * CSP (no inline scripts) does not govern, so nothing about the app is loosened for the test.
 */
async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResults> } }).axe
    interface AxeResults {
      violations: {
        id: string
        impact: string | null
        help: string
        nodes: { target: unknown[]; failureSummary?: string }[]
      }[]
    }
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`)
    }))
  })
}

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  // Let transitions settle so colour-contrast reads the final colours.
  await page.waitForTimeout(0)
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)))
  )
  const violations = await axeViolations(page)
  expect(violations, `axe on ${screen}:\n${JSON.stringify(violations, null, 2)}`).toEqual([])
}

let dir: string
let calibrationDir: string
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-e2e-axe-'))
  await writeClassFolder(dir, 4)
  await writeDocx(join(dir, 'Priya Patel - Water Cycle.docx'), MIXED_ESSAY.title, MIXED_ESSAY.paragraphs)
  calibrationDir = await mkdtemp(join(tmpdir(), 'inkprint-e2e-axe-calibration-'))
  await writeHumanEssays(calibrationDir, 12)
})
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(calibrationDir, { recursive: true, force: true })
})

test.use({ viewport: { width: 1280, height: 860 } })

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every main screen has no axe violations (${colorScheme})`, async ({ openApp }) => {
    test.setTimeout(180_000)
    const folders = [[dir], [calibrationDir]]
    const { page } = await openApp({ pickFolder: () => folders.shift() ?? [], colorScheme })
    await expect(page.getByRole('heading', { name: 'Drop essays here to check them' })).toBeVisible()
    await expectNoViolations(page, 'the empty window')

    await page.getByRole('button', { name: 'How to read Inkprint' }).click()
    await expect(page.getByTestId('about-fairness')).toBeAttached()
    await expectNoViolations(page, 'About')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Settings' }).click()
    await expectNoViolations(page, 'Settings')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Open folder…' }).first().click()
    await expect(page.getByText(/Checked \d+ of \d+ files/)).toBeVisible({ timeout: 90_000 })
    await expectNoViolations(page, 'the class table')

    await page.getByRole('button', { name: /^Priya Patel/ }).click()
    await page
      .getByRole('button', { name: /Reads like AI/ })
      .first()
      .click()
    await expect(page.getByTestId('explanation')).toBeVisible()
    await expectNoViolations(page, 'the document view with an explanation')
    await page.keyboard.press('Escape')

    await page.getByText('Details of each key tested').click()
    await page.getByLabel('Show green/red tokens in the text').check()
    await expectNoViolations(page, 'the watermark details')

    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('button', { name: 'Calibrate on your own essays…' }).click()
    await page.getByRole('button', { name: 'Choose human-written essays…' }).click()
    await page.getByRole('button', { name: 'Score these essays' }).click()
    await expect(page.getByTestId('fpr-table')).toBeVisible({ timeout: 60_000 })
    await expectNoViolations(page, 'calibration')
  })
}
