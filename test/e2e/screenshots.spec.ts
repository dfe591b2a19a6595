/**
 * Writes docs/screenshots/*.png: the built renderer driven through the real pipeline, in light and dark themes and
 * at 200% zoom. Run on request: INKPRINT_SCREENSHOTS=1 npx playwright test screenshots
 */
import { mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/app'
import { MIXED_ESSAY, writeClassFolder, writeDocx } from './support/class-folder'
import { writeAiEssays, writeHumanEssays } from './support/calibration-essays'

const OUT = 'docs/screenshots'
let dir: string
let calibrationDir: string

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  dir = await mkdtemp(join(tmpdir(), 'inkprint-screenshots-'))
  await writeClassFolder(dir, 12)
  await writeDocx(join(dir, 'Priya Patel - Water Cycle.docx'), MIXED_ESSAY.title, MIXED_ESSAY.paragraphs)
  // Outside the class folder: opening the class must not pick these up.
  calibrationDir = await mkdtemp(join(tmpdir(), 'inkprint-screenshots-calibration-'))
  await writeHumanEssays(join(calibrationDir, 'Year 10 2021'), 30)
  await writeAiEssays(join(calibrationDir, 'ai'), 6)
})
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(calibrationDir, { recursive: true, force: true })
})

test.describe('main views', () => {
  test.use({ viewport: { width: 1280, height: 860 } })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme} theme`, async ({ openApp }) => {
      const suffix = colorScheme === 'dark' ? '-dark' : ''
      const { page } = await openApp({ pickFolder: [dir], colorScheme })
      await expect(page.getByRole('heading', { name: 'Drop essays here to check them' })).toBeVisible()
      await page.screenshot({ path: `${OUT}/empty${suffix}.png` })

      await page.getByRole('button', { name: 'How to read Inkprint' }).click()
      await page.screenshot({ path: `${OUT}/about${suffix}.png` })
      await page.getByTestId('about-fairness').scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${OUT}/about-fairness${suffix}.png` })
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'Settings' }).click()
      await page.screenshot({ path: `${OUT}/settings${suffix}.png` })
      await page.keyboard.press('Escape')

      await page.getByRole('button', { name: 'Open folder…' }).first().click()
      await expect(page.getByText('Checked 13 of 13 files')).toBeVisible({ timeout: 90_000 })
      await page.screenshot({ path: `${OUT}/batch-table${suffix}.png` })

      await page.getByRole('button', { name: /^Priya Patel/ }).click()
      await page
        .getByRole('button', { name: /Reads like AI/ })
        .first()
        .click()
      await expect(page.getByTestId('explanation')).toBeVisible()
      await page.screenshot({ path: `${OUT}/document-explanation${suffix}.png`, fullPage: true })

      // The evidence column scrolls on its own: close the explanation so the watermark panel is in it, in view.
      await page.keyboard.press('Escape')
      await expect(page.getByTestId('explanation')).toHaveCount(0)
      await page.getByText('Details of each key tested').click()
      await page.getByLabel('Show green/red tokens in the text').check()
      await page.getByTestId('watermark-line').scrollIntoViewIfNeeded()
      await expect(page.getByTestId('watermark-line')).toBeInViewport()
      await page.screenshot({ path: `${OUT}/document-watermark${suffix}.png`, fullPage: true })
    })
  }
})

test.describe('calibration flow', () => {
  test.use({ viewport: { width: 1280, height: 860 } })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme} theme`, async ({ openApp }) => {
      const suffix = colorScheme === 'dark' ? '-dark' : ''
      const folders = [[join(calibrationDir, 'Year 10 2021')], [join(calibrationDir, 'ai')]]
      const { page } = await openApp({ pickFolder: () => folders.shift() ?? [], colorScheme })
      await page.getByRole('button', { name: 'Settings' }).click()
      await page.getByRole('button', { name: 'Calibrate on your own essays…' }).click()
      await page.getByRole('button', { name: 'Choose human-written essays…' }).click()
      await page.getByRole('button', { name: 'Choose AI-written examples (optional)…' }).click()
      await page.getByRole('button', { name: 'Score these essays' }).click()
      await expect(page.getByTestId('fpr-table')).toBeVisible({ timeout: 60_000 })
      await page.screenshot({ path: `${OUT}/calibration${suffix}.png`, fullPage: true })
      await page.getByRole('button', { name: 'Save and use this calibration' }).click()
      await page.getByRole('button', { name: 'Done' }).click()
      await page.getByRole('button', { name: 'Settings' }).click()
      await page.screenshot({ path: `${OUT}/settings-calibration${suffix}.png`, fullPage: true })
      await page.getByRole('button', { name: 'Import a profile…' }).scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${OUT}/settings-profiles${suffix}.png` })
    })
  }
})

test.describe('at 200% zoom', () => {
  // A 1280×860 window at 200% zoom lays out like a 640×430 CSS-pixel viewport.
  test.use({ viewport: { width: 640, height: 430 }, deviceScaleFactor: 2 })

  test('document view stacks and stays readable', async ({ openApp }) => {
    const { page } = await openApp({ pickFiles: [join(dir, 'Priya Patel - Water Cycle.docx')] })
    await page.getByRole('button', { name: 'Open files…' }).first().click()
    await page
      .getByRole('button', { name: /Reads like AI/ })
      .first()
      .click()
    await expect(page.getByTestId('explanation')).toBeInViewport()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: `${OUT}/zoom-200-document.png` })
  })
})
