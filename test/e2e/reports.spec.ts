/** Reports from the app: a document report and a class report, as HTML and PDF, through the real handlers. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/app'
import { essayText } from './support/class-folder'
import { pdfPageCount, pdfText, squeeze } from './support/pdf-text'

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

/** The class export's message names the folder; returns the files now in it, for this export. */
async function savedClass(page: import('@playwright/test').Page, dir: string): Promise<string[]> {
  const status = page.getByTestId('export-class').getByRole('status')
  await expect(status).toContainText(`Saved the class report and ${NAMES.length} student reports in ${dir}`, {
    timeout: 60_000
  })
  const { readdir } = await import('node:fs/promises')
  return (await readdir(dir)).map((f) => join(dir, f))
}

test('exports a class report and a document report as HTML and PDF', async ({ openApp }) => {
  test.setTimeout(150_000)
  const opened: { file: string; reveal: boolean }[] = []
  const classOut = await mkdtemp(join(tmpdir(), 'inkprint-e2e-report-class-'))
  let reportFolder = classOut
  const { page, bridge } = await openApp({
    pickFolder: [docs],
    pickReportFolder: undefined,
    opened,
    reportFolder: () => reportFolder
  })
  await page.getByRole('button', { name: 'Open folder…' }).first().click()
  await expect(page.getByText('Checked 2 of 2 files')).toBeVisible({ timeout: 45_000 })

  // One action writes the class report and every student's own report.
  const classExport = page.getByTestId('export-class')
  await classExport.getByLabel('Report format').selectOption('html')
  await classExport.getByRole('button', { name: 'Export class and student reports…' }).click()
  const htmlFiles = await savedClass(page, classOut)
  expect(htmlFiles).toHaveLength(NAMES.length + 1)
  const classHtmlPath = htmlFiles.find((f) => f.includes('class-report'))!
  const classHtml = await readFile(classHtmlPath, 'utf8')
  expect(classHtml).toContain('Inkprint class report')
  for (const name of NAMES) {
    expect(classHtml).toContain(name)
    const own = htmlFiles.find((f) => f.includes(name.replace(/\.txt$/, '')))
    expect(own, `a report for ${name}`).toBeTruthy()
    expect(await readFile(own!, 'utf8')).toContain('Inkprint evidence report')
  }
  // "Open" and "Show in folder" hand the saved class report to the computer.
  const status = classExport.getByRole('status')
  await status.getByRole('button', { name: 'Open' }).click()
  await status.getByRole('button', { name: 'Show in folder' }).click()
  await expect
    .poll(() => opened)
    .toEqual([
      { file: classHtmlPath, reveal: false },
      { file: classHtmlPath, reveal: true }
    ])
  await status.getByRole('button', { name: 'Dismiss' }).click()

  const pdfOut = await mkdtemp(join(tmpdir(), 'inkprint-e2e-report-pdf-'))
  reportFolder = pdfOut
  await classExport.getByLabel('Report format').selectOption('pdf')
  await classExport.getByRole('button', { name: 'Export class and student reports…' }).click()
  const pdfFiles = await savedClass(page, pdfOut)
  expect(pdfFiles.filter((f) => f.endsWith('.pdf'))).toHaveLength(NAMES.length + 1)
  const classPdf = pdfFiles.find((f) => f.includes('class-report'))!
  const classText = squeeze(await pdfText(classPdf))
  for (const name of NAMES) expect(classText).toContain(squeeze(name))
  // Issue 12: a ~250-word essay's report is two pages, then the appendices (watermark statistics, technical
  // details) from page 3. Measured: 4 pages in all (it was 7 before the report was restructured).
  for (const file of pdfFiles.filter((f) => !f.includes('class-report'))) {
    const pages = (await pdfText(file)).split('\n')
    expect(pages.length).toBe(await pdfPageCount(file))
    expect(pages.length, file).toBeLessThanOrEqual(4)
    expect(squeeze(pages.slice(0, 2).join(' '))).toContain(squeeze('Next steps'))
    expect(squeeze(pages[2] ?? '')).toContain(squeeze('Appendix: watermark statistics'))
  }
  reportFolder = out
  await status.getByRole('button', { name: 'Dismiss' }).click()
  await rm(classOut, { recursive: true, force: true })
  await rm(pdfOut, { recursive: true, force: true })

  await page.getByRole('button', { name: /^maya_singh_bees\.txt/ }).click()
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
  await classExport.getByRole('button', { name: 'Export class and student reports…' }).click()
  await expect(classExport.getByRole('alert')).toContainText('The report was not saved')
})
