/**
 * Style comparison with a student's known writing, through the real handlers: add known writing in the app, see
 * the class-table column, the document card with its limits, the evidence report, and correct a student by hand.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/app'
import { formalStyle, plainStyle } from '../unit/engine/style-compare/styles'

let root: string
test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkprint-e2e-known-'))
  await mkdir(join(root, 'class'))
  await mkdir(join(root, 'known', 'Ana Lopez'), { recursive: true })
  await mkdir(join(root, 'out'))
  await writeFile(join(root, 'class', 'Ana Lopez - Essay.txt'), formalStyle(10))
  await writeFile(join(root, 'class', 'Ana Lopez - Journal.txt'), plainStyle(10, 60))
  await writeFile(join(root, 'class', 'untitled essay.txt'), plainStyle(10, 90))
  await writeFile(join(root, 'known', 'Ana Lopez', 'in-class 1.txt'), plainStyle(12))
  await writeFile(join(root, 'known', 'Ana Lopez', 'in-class 2.txt'), plainStyle(12, 30))
})
test.afterAll(() => rm(root, { recursive: true, force: true }))

test('known writing: class-table column, document card, report, and a student corrected by hand', async ({
  openApp
}) => {
  test.setTimeout(120_000)
  const folders = [[join(root, 'class')], [join(root, 'known', 'Ana Lopez')]]
  const { page } = await openApp({
    pickFolder: () => folders.shift() ?? [],
    pickReportFolder: join(root, 'out')
  })
  await page.getByRole('button', { name: 'Open folder…' }).first().click()
  await expect(page.getByText('Checked 3 of 3 files')).toBeVisible({ timeout: 45_000 })
  // No known writing yet: no column.
  await expect(page.getByRole('columnheader', { name: 'Own writing' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Known writing' }).click()
  const panel = page.getByTestId('known-writing')
  await expect(panel).toContainText('not their text')
  await panel.getByRole('button', { name: 'Add folder…' }).click()
  await expect(panel.getByRole('status')).toContainText('Type the student’s name first')
  await panel.getByLabel('Student’s name').fill('Ana Lopez')
  await panel.getByRole('button', { name: 'Add folder…' }).click()
  await expect(panel.getByTestId('known-student')).toContainText('Ana Lopez: 2 texts')
  await page.keyboard.press('Escape')

  // The kept results were compared again: the column appears.
  await expect(page.getByRole('columnheader', { name: 'Own writing' })).toBeVisible()
  const cell = (name: string) =>
    page.getByTestId('result-row').filter({ hasText: name }).getByTestId('style-cell')
  await expect(cell('Ana Lopez - Essay.txt')).toContainText('Stands out')
  await expect(cell('Ana Lopez - Journal.txt')).toContainText('Within range')
  await expect(cell('untitled essay.txt')).toContainText('No known writing')

  await page.getByRole('button', { name: /Ana Lopez - Essay\.txt/ }).click()
  const card = page.getByTestId('style-comparison')
  await expect(card).toContainText('Stands out from Ana Lopez’s known writing')
  await expect(card).toContainText(/same student differ this much about 1 time in \d+/)
  await expect(card.getByTestId('style-differences').getByRole('listitem').first()).toContainText(
    'in the known writing'
  )
  await card.getByText('Limits of this comparison').click()
  await expect(card).toContainText('Help changes style')

  // The evidence report carries the comparison with its limits.
  const exportControl = page.getByTestId('export-document')
  await exportControl.getByLabel('Report format').selectOption('html')
  await exportControl.getByRole('button', { name: 'Export report…' }).click()
  const status = exportControl.getByRole('status')
  await expect(status).toContainText('Report saved:', { timeout: 45_000 })
  const saved = ((await status.locator('span').textContent()) ?? '')
    .replace(/^Report saved:\s*/, '')
    .split(' ')[0]
  expect(existsSync(saved)).toBe(true)
  const html = await readFile(saved, 'utf8')
  expect(html).toContain('Compared with the student’s known writing')
  expect(html).toContain('Limits of this comparison')

  // A file whose name names no student: choose the student by hand.
  await page.getByRole('button', { name: '← Class table' }).click()
  await page.getByRole('button', { name: 'untitled essay.txt', exact: true }).click()
  await expect(card).toContainText('No student matched this file')
  await card.getByLabel('Student for this file').selectOption('Ana Lopez')
  await card.getByRole('button', { name: 'Use this student' }).click()
  await expect(card).toContainText('Within the range of Ana Lopez’s known writing')
  await page.getByRole('button', { name: '← Class table' }).click()
  await expect(cell('untitled essay.txt')).toContainText('Within range')
})
