/**
 * A teacher's review session through the real pipeline: two classes kept apart, the class summary and the count
 * following the filter, next / previous from the document view (buttons and keys), back to the table where the
 * teacher left it, Escape closing an explanation, one row removed and put back, a review mark and note kept with
 * the results, and a changed setting re-judging what is shown.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/app'
import { essayText, MIXED_ESSAY, writeDocx } from './support/class-folder'

let root: string
let classA: string
let classB: string
const A_STUDENTS = ['Ava Chen', 'Ben Ortiz', 'Cleo Park', 'Dev Rao', 'Eli Stone', 'Fay Moss']
test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkprint-e2e-review-'))
  classA = join(root, 'Year 10 - Essay 2')
  classB = join(root, 'Year 11 - Reflection')
  await mkdir(classA, { recursive: true })
  await mkdir(classB, { recursive: true })
  for (const [i, student] of A_STUDENTS.entries()) {
    await writeDocx(join(classA, `${student} - Essay.docx`), `Essay ${i}`, [
      ...essayText(i),
      ...essayText(i + 2)
    ])
  }
  await writeDocx(join(classA, 'Priya Patel - Water Cycle.docx'), MIXED_ESSAY.title, MIXED_ESSAY.paragraphs)
  await writeFile(join(classA, 'Gus Hale - broken.docx'), 'PK\u0003\u0004 not a zip')
  await writeDocx(join(classB, 'Hana Ito - Reflection.docx'), 'Reflection', essayText(3))
  await writeDocx(join(classB, 'Ivan Cruz - Reflection.docx'), 'Reflection', essayText(4))
})
test.afterAll(() => rm(root, { recursive: true, force: true }))

test('works through a class: classes apart, next/previous, remove and undo, review notes, re-judging', async ({
  openApp
}) => {
  test.setTimeout(180_000)
  const folders = [[classA], [classB]]
  const { page, bridge } = await openApp({ pickFolder: () => folders.shift() ?? [] })
  const rows = page.getByTestId('result-row')

  await page.getByRole('button', { name: 'Open folder…' }).first().click()
  await expect(page.getByText('Checked 8 of 8 files')).toBeVisible({ timeout: 90_000 })
  await expect(page.getByRole('heading', { name: 'Class: Year 10 - Essay 2' })).toBeVisible()
  const summary = page.getByTestId('class-summary')
  await expect(summary).toContainText(/1\s*could not be checked/)
  await expect(page.getByTestId('row-count')).toHaveText('8 files')
  // The progress card gets out of the way when done.
  await page.getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByRole('region', { name: 'Check progress' })).toHaveCount(0)

  // A second folder is a second class: shown on its own, not merged into the first.
  await page.getByRole('button', { name: 'Open folder…' }).first().click()
  await expect(page.getByText('Checked 2 of 2 files')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByRole('heading', { name: 'Class: Year 11 - Reflection' })).toBeVisible()
  await expect(rows).toHaveCount(2)
  await page.getByLabel('Class', { exact: true }).selectOption({ label: 'Year 10 - Essay 2 (8)' })
  await expect(rows).toHaveCount(8)

  // The count follows the filter.
  await page.getByLabel('Show').selectOption('errors')
  await expect(page.getByTestId('row-count')).toHaveText('Showing 1 of 8 files')
  await page.getByLabel('Show').selectOption('all')

  // Next / previous follow the table's order; the document opens at its top.
  const order = await rows.locator('th .student').allTextContents()
  await page.setViewportSize({ width: 1200, height: 500 })
  await rows.nth(2).locator('th button').scrollIntoViewIfNeeded()
  const scrollBefore = await page.evaluate(() => window.scrollY)
  await rows.nth(2).locator('th button').click()
  await expect(page.getByRole('heading', { level: 2, name: order[2] })).toBeVisible()
  await expect(page.getByText(`3 of ${order.length}`)).toBeVisible()
  await page.getByRole('button', { name: 'Next ›' }).click()
  await expect(page.getByRole('heading', { level: 2, name: order[3] })).toBeVisible()
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page.getByRole('heading', { level: 2, name: order[2] })).toBeVisible()
  await page.keyboard.press(']')
  await expect(page.getByRole('heading', { level: 2, name: order[3] })).toBeVisible()

  // Escape closes an explanation.
  const scored = page.locator('[data-testid="passage"]:not([data-band="neutral"])').first()
  await scored.getByRole('button').click()
  await expect(page.getByTestId('explanation')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('explanation')).toHaveCount(0)

  // A review mark and a private note, kept with the result.
  await page.getByLabel('I have reviewed this document').check()
  await page.getByLabel('Private note').fill('Talked with the student; drafts in Google Docs look fine.')
  await page.getByLabel('Private note').blur()
  await expect(page.getByTestId('review-card').getByRole('status')).toHaveText('Saved on this computer.')

  // Back to the table where the teacher left it, focus on the row just read.
  await page.getByRole('button', { name: '← Class table' }).click()
  await expect(rows).toHaveCount(8)
  const focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
  expect(focused).toContain(order[3])
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThan(80)
  await expect(rows.filter({ hasText: order[3] })).toContainText('✓ Reviewed')

  // One row removed, then put back.
  await page.getByRole('button', { name: `Remove ${order[0]} from the list` }).click()
  await expect(rows).toHaveCount(7)
  await expect(page.getByTestId('undo-bar')).toContainText(`Removed ${order[0]}`)
  await page.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click()
  await expect(rows).toHaveCount(8)

  // A changed setting re-judges the results shown (no re-opening the folder).
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel(/Strict/).check()
  await page.keyboard.press('Escape')
  await expect.poll(() => bridge.calls.filter((c) => c.channel === 'rejudgeResults').length).toBe(1)
  expect(bridge.calls.filter((c) => c.channel === 'startBatch')).toHaveLength(2)
  await rows.filter({ hasText: 'Priya Patel' }).locator('th button').click()
  await expect(page.getByTestId('operating-point')).toContainText('Setting: strict')

  // The review survives a restart of the window: it is kept with the results.
  await page.reload()
  await page.getByRole('button', { name: /earlier result/ }).click()
  await page.getByLabel('Class', { exact: true }).selectOption({ label: 'Year 10 - Essay 2 (8)' })
  await expect(rows.filter({ hasText: order[3] })).toContainText('✓ Reviewed')
})
