/**
 * Watermark profiles in Settings: what each one is, which this computer can test, importing a school's own
 * profile (rejected field by field when invalid), switching profiles off, and the check using exactly those on.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from './support/app'
import { essayText } from './support/class-folder'

let dir: string
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-e2e-profiles-'))
  const shipped = JSON.parse(await readFile(resolve('resources/profiles/kgw-hf-lefthash-gpt2.json'), 'utf8'))
  const school = {
    ...shipped,
    id: 'district-2026-gpt2',
    name: 'District 2026 model',
    publicDefaultKey: false,
    keyLabel: 'District-2026',
    params: { ...shipped.params, hashKey: '982451653' }
  }
  await writeFile(join(dir, 'school.json'), JSON.stringify(school))
  await writeFile(
    join(dir, 'broken.json'),
    JSON.stringify({ ...school, id: 'broken', scheme: 'kgw', params: { ...school.params, gamma: 7 } })
  )
  await writeFile(join(dir, 'owen_price_essay.txt'), essayText(2).join('\n\n'))
})
test.afterAll(() => rm(dir, { recursive: true, force: true }))

test('lists, imports and switches watermark profiles, and the check uses the ones on', async ({
  openApp
}) => {
  test.setTimeout(90_000)
  const picks = [join(dir, 'broken.json'), join(dir, 'school.json')]
  const { page } = await openApp({
    pickProfileFile: () => picks.shift() ?? null,
    pickFiles: [join(dir, 'owen_price_essay.txt')]
  })
  await page.getByRole('button', { name: 'Settings' }).click()
  const profiles = page.getByTestId('profile')
  await expect(profiles).toHaveCount(10)
  await expect(page.getByRole('dialog')).toContainText('no commercial chatbot publishes its key')
  const opt = profiles.filter({ hasText: 'Unigram watermark (reference defaults, OPT)' })
  await expect(opt).toContainText('published public default key')
  await expect(opt).toContainText('tokenizer opt')
  await expect(opt).toContainText('not available on this computer')
  await expect(profiles.filter({ hasText: 'KGW lefthash (Hugging Face' })).not.toContainText('not available')

  await page.getByRole('button', { name: 'Import a profile…' }).click()
  const alert = page.getByRole('dialog').getByRole('alert')
  await expect(alert).toContainText('not a valid watermark profile')
  await expect(alert.locator('li')).toContainText([/gamma/])
  await expect(profiles).toHaveCount(10)

  await page.getByRole('button', { name: 'Import a profile…' }).click()
  await expect(page.getByRole('dialog')).toContainText('Imported “District 2026 model”')
  await expect(profiles).toHaveCount(11)
  const school = profiles.filter({ hasText: 'District 2026 model' })
  await expect(school).toContainText('imported')
  await expect(school).toContainText('private key (kept on this computer)')

  const selfhash = profiles.filter({ hasText: 'KGW selfhash (lm-watermarking defaults)' })
  await selfhash.getByRole('checkbox').uncheck()
  await expect(selfhash.getByRole('checkbox')).not.toBeChecked()
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Open files…' }).first().click()
  await expect(page.getByRole('heading', { name: 'owen_price_essay.txt' })).toBeVisible({ timeout: 30_000 })
  const panel = page.getByRole('region', { name: 'Provider watermarks' })
  await expect(panel).toContainText('District 2026 model')
  await expect(panel).toContainText('KGW lefthash (Hugging Face transformers defaults)')
  await expect(panel).not.toContainText('KGW selfhash (lm-watermarking defaults)')
})
