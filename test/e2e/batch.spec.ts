/** A class folder through the real pipeline: progress, table, per-file errors, cancel, UI-thread blocking. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/app'
import { writeClassFolder, type ClassFolder } from './support/class-folder'

let folder: ClassFolder
test.beforeAll(async () => {
  // 100 documents: the UI-thread budget (no task over 100 ms) is stated for a 100-document batch and measured
  // by `npm run bench` through this test (INKPRINT_LONG_TASKS_FILE); the test itself never times anything
  folder = await writeClassFolder(await mkdtemp(join(tmpdir(), 'inkprint-e2e-class-')), 100)
})
test.afterAll(() => rm(folder.dir, { recursive: true, force: true }))

test("checks a folder of 100 files with broken ones, and records the UI thread's long tasks", async ({
  openApp
}) => {
  test.setTimeout(180_000)
  const { page, bridge, requests, longTasks } = await openApp({ pickFolder: [folder.dir] })
  const total = folder.files.length
  // Count only tasks from the batch on, not the page's own start-up.
  const before = (await longTasks()).length

  await page.getByRole('button', { name: 'Open folder…' }).first().click()
  await expect(page.getByRole('progressbar', { name: 'Files checked' })).toBeVisible()
  await expect(page.getByText(`Checked ${total} of ${total} files`)).toBeVisible({ timeout: 120_000 })

  const rows = page.getByTestId('result-row')
  await expect(rows).toHaveCount(total)
  const failedRows = page.locator('tr.failed[data-testid="result-row"]')
  await expect(failedRows).toHaveCount(folder.broken.length)
  for (const name of folder.broken) {
    const row = rows.filter({ hasText: name })
    await expect(row).toHaveClass(/failed/)
    // Each failed file shows the pipeline's own message, not a generic one.
    expect((await row.locator('td').nth(0).textContent())?.trim().length).toBeGreaterThan(10)
  }
  // Student names parsed from LMS export names (Moodle and Canvas shapes).
  await expect(
    rows.filter({ hasText: 'Ava Chen_200_assignsubmission_file_essay.docx' }).locator('.student')
  ).toHaveText('Ava Chen')
  await expect(rows.filter({ hasText: 'singhmaya_304_704_essay.txt' }).locator('.student')).toHaveText(
    'singhmaya'
  )

  await page.getByLabel('Show').selectOption('errors')
  await expect(rows).toHaveCount(folder.broken.length)
  await page.getByLabel('Show').selectOption('all')
  await page.getByPlaceholder('Filter by name…').fill('maya')
  await expect(rows).not.toHaveCount(total)

  const tasks = (await longTasks()).slice(before)
  const worst = Math.max(0, ...tasks)
  console.log(`long tasks during a ${total}-file batch: ${tasks.length}, max ${worst.toFixed(0)} ms`)
  // A speed budget depends on the machine's load, so it is a benchmark target, not a test: npm run bench
  // reads this file and compares the longest task with 100 ms.
  const file = process.env.INKPRINT_LONG_TASKS_FILE
  if (file) await writeFile(file, JSON.stringify({ files: total, tasks }))
  expect(requests.filter((url) => !url.startsWith(bridge.url + '/'))).toEqual([])
})

test('cancels a batch mid-way and keeps what was checked', async ({ openApp }) => {
  const { page, bridge } = await openApp({ pickFolder: [folder.dir], paceMs: 150 })
  const total = folder.files.length
  await page.getByRole('button', { name: 'Open folder…' }).first().click()
  await expect(page.getByText(/Checked [1-9]\d* of \d+/)).toBeVisible()
  await expect(page.getByText(/left|estimating|almost done/)).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()

  const summary = page.getByText(/^Cancelled after \d+ of \d+ files/)
  await expect(summary).toBeVisible()
  const done = Number((await summary.textContent())?.match(/after (\d+)/)?.[1])
  expect(done).toBeGreaterThan(0)
  expect(done).toBeLessThan(total)
  await expect(page.getByTestId('result-row')).toHaveCount(done)
  expect(bridge.calls.some((c) => c.channel === 'cancelBatch')).toBe(true)
})
