/** Reports from the app: a document report and a class report, as HTML and PDF, through the real handlers. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/app'
import { essayText } from './support/class-folder'
import { pdfText, squeeze } from './support/pdf-text'

const NAMES = ['maya_singh_bees.txt', 'liam_okafor_bread.txt']
let docs: string
let out: string
test.beforeAll(async () => {
  docs = await mkdtemp(join(tmpdir(), 'inkprint-e2e-report-docs-'))
  out = await mkdtemp(join(tmpdir(), 'inkprint-e2e-report-out-'))
  for (const [i, name] of NAMES.entries()) await writeFile(join(docs, name), essayText(i + 1).join('\n\n'))
})
test.afterAll(async () => {
  await rm(docs, { recursive: true, force: true })
  await rm(out, { recursive: true, force: true })
})

/** The path named in the success message, after checking it exists. */
async function savedFile(
  page: import('@playwright/test').Page,
  scope: 'document' | 'class'
): Promise<string> {
  const status = page.getByTestId(`export-${scope}`).getByRole('status')
  await expect(status).toContainText('Report saved:', { timeout: 45_000 })
  const path = ((await status.locator('span').textContent()) ?? '')
    .replace(/^Report saved:\s*/, '')
    .split(' ')[0]
  expect(path.startsWith(out)).toBe(true)
  expect(existsSync(path)).toBe(true)
  await status.getByRole('button', { name: 'Dismiss' }).click()
  return path
}

test('exports a class report and a document report as HTML and PDF', async ({ openApp }) => {
  test.setTimeout(120_000)
  const { page, bridge } = await openApp({ pickFolder: [docs], pickReportFolder: out })
  await page.getByRole('button', { name: 'Open folder…' }).first().click()
  await expect(page.getByText('Checked 2 of 2 files')).toBeVisible({ timeout: 45_000 })

  const classExport = page.getByTestId('export-class')
  await classExport.getByLabel('Report format').selectOption('html')
  await classExport.getByRole('button', { name: 'Export class report…' }).click()
  const classHtml = await readFile(await savedFile(page, 'class'), 'utf8')
  expect(classHtml).toContain('Inkprint class report')
  for (const name of NAMES) expect(classHtml).toContain(name)

  await classExport.getByLabel('Report format').selectOption('pdf')
  await classExport.getByRole('button', { name: 'Export class report…' }).click()
  const classPdf = await savedFile(page, 'class')
  expect(classPdf.endsWith('.pdf')).toBe(true)
  const classText = squeeze(await pdfText(classPdf))
  for (const name of NAMES) expect(classText).toContain(squeeze(name))

  await page.getByRole('button', { name: /maya_singh_bees\.txt/ }).click()
  const docExport = page.getByTestId('export-document')
  await docExport.getByLabel('Report format').selectOption('html')
  await docExport.getByRole('button', { name: 'Export report…' }).click()
  const docHtml = await readFile(await savedFile(page, 'document'), 'utf8')
  expect(docHtml).toContain('Inkprint evidence report')
  expect(docHtml).toContain('maya_singh_bees.txt')
  expect(docHtml).not.toContain('liam_okafor_bread.txt')

  await docExport.getByLabel('Report format').selectOption('pdf')
  await docExport.getByRole('button', { name: 'Export report…' }).click()
  const docPdf = await savedFile(page, 'document')
  expect((await readFile(docPdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(squeeze(await pdfText(docPdf))).toContain('maya_singh_bees.txt')

  // The renderer sent paths only; main looked the results up itself.
  const exports = bridge.calls.filter((c) => c.channel === 'exportReport')
  expect(exports).toHaveLength(4)
  for (const call of exports)
    expect(Object.keys(call.arg as object).sort()).toEqual(['format', 'paths', 'scope'])
})

test('says plainly when a report cannot be exported', async ({ openApp }) => {
  const { page } = await openApp({
    pickFolder: [docs],
    pickReportFolder: join(docs, NAMES[0], 'not-a-folder')
  })
  await page.getByRole('button', { name: 'Open folder…' }).first().click()
  await expect(page.getByText('Checked 2 of 2 files')).toBeVisible({ timeout: 45_000 })
  const classExport = page.getByTestId('export-class')
  await classExport.getByLabel('Report format').selectOption('html')
  await classExport.getByRole('button', { name: 'Export class report…' }).click()
  await expect(classExport.getByRole('alert')).toContainText('The report was not saved')
})
