/** Platform "download all submissions" archives dropped on the window: one named row per student file. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { dropFiles, expect, test } from './support/app'
import type { writeLmsArchives } from '../fixtures/make-lms-archives.mjs'

let dir: string
let archives: Awaited<ReturnType<typeof writeLmsArchives>>
let traversal: string
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-e2e-lms-'))
  // import(): the fixture builders use top-level await, which Playwright's require path cannot load.
  const { writeLmsArchives } = await import('../fixtures/make-lms-archives.mjs')
  archives = await writeLmsArchives(dir)
  traversal = join(dir, 'hostile.zip')
  await writeFile(traversal, zipSync({ '../../outside.txt': strToU8('An essay that wants out.') }))
})
test.afterAll(() => rm(dir, { recursive: true, force: true }))

test('dropping five platforms’ archives gives one named result per student file', async ({ openApp }) => {
  test.setTimeout(120_000)
  const { page, bridge, requests } = await openApp()
  const all = Object.values(archives)
  const expectedStudents = all.flatMap((a) => Object.values(a.expected))
  await dropFiles(page, [...all.map((a) => a.path), traversal])
  const total = expectedStudents.length + 1
  await expect(page.getByText(`Checked ${total} of ${total} files`)).toBeVisible({ timeout: 90_000 })

  const rows = page.getByTestId('result-row')
  await expect(rows).toHaveCount(total)
  // a failed row shows its file name where a student's name would be: students come from the checked rows
  const students = await page.locator('tr[data-testid="result-row"]:not(.failed) .student').allTextContents()
  expect(students.map((s) => s.trim()).sort()).toEqual([...expectedStudents].sort())
  // Only the hostile archive failed, with the pipeline's own message.
  const failed = page.locator('tr.failed[data-testid="result-row"]')
  await expect(failed).toHaveCount(1)
  await expect(failed).toContainText('hostile.zip')
  await expect(failed).toContainText('point outside it')

  // Where each came from is shown; an online-text submission opens as a document with its passages.
  const moodleText = rows.filter({ hasText: 'onlinetext.html' })
  await expect(moodleText.getByTestId('origin')).toHaveText(
    'in EN101-Essay 1-12345.zip › Ava Chen_1021_assignsubmission_onlinetext_'
  )
  await moodleText.getByRole('button').first().click()
  await expect(page.getByRole('heading', { name: 'onlinetext.html' })).toBeVisible()
  await expect(page.getByRole('article', { name: 'Document text' })).toContainText(
    'Last winter our street flooded'
  )
  await expect(page.getByRole('article', { name: 'Document text' })).not.toContainText('tracking')

  expect(bridge.calls.filter((c) => c.channel === 'startBatch')).toHaveLength(1)
  expect(requests.filter((url) => !url.startsWith(bridge.url + '/'))).toEqual([])
})
