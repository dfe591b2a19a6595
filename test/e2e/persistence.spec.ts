/** Results of the current session are kept on this machine: a reload shows them again until they are forgotten. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/app'
import { essayText } from './support/class-folder'

let docs: string
test.beforeAll(async () => {
  docs = await mkdtemp(join(tmpdir(), 'inkprint-e2e-keep-'))
  await writeFile(join(docs, 'ava_chen_garden.txt'), essayText(3).join('\n\n'))
  await writeFile(join(docs, 'noah_muller_mill.txt'), essayText(4).join('\n\n'))
})
test.afterAll(() => rm(docs, { recursive: true, force: true }))

test('results survive a reload, and "Forget these results" removes them for good', async ({ openApp }) => {
  const { page } = await openApp({ pickFolder: [docs] })
  await page.getByRole('button', { name: 'Open folder…' }).first().click()
  await expect(page.getByText('Checked 2 of 2 files')).toBeVisible({ timeout: 45_000 })
  await expect(page.getByTestId('result-row')).toHaveCount(2)

  await page.reload()
  await page.getByRole('button', { name: 'Show 2 earlier results' }).click()
  await expect(page.getByTestId('result-row')).toHaveCount(2)
  await expect(page.getByTestId('result-row').filter({ hasText: 'noah_muller_mill.txt' })).toBeVisible()

  await page.getByRole('button', { name: 'Forget these results…' }).click()
  await page.getByRole('button', { name: 'Yes, forget them' }).click()
  await expect(page.getByRole('heading', { name: 'Drop essays here to check them' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Drop essays here to check them' })).toBeVisible()
  await expect(page.getByRole('button', { name: /earlier result/ })).toHaveCount(0)
})
