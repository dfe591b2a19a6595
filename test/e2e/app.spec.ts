/** The renderer in Chromium against the real pipeline through the loopback bridge: single documents. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dropFiles, expect, test } from './support/app'
import { essayText, writeDocx, writePdf } from './support/class-folder'

let dir: string
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-e2e-docs-'))
  await writeDocx(join(dir, 'Ava Chen - Bees.docx'), 'Bees', essayText(1))
  await writePdf(join(dir, 'Liam Okafor - Bread.pdf'), 'Bread', essayText(2))
  await writeFile(join(dir, 'broken.docx'), 'PK\u0003\u0004 not a zip archive')
  await writeFile(join(dir, 'photo.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))
})
test.afterAll(() => rm(dir, { recursive: true, force: true }))

test('loads with the empty state, a strict CSP and no request outside the bridge', async ({ openApp }) => {
  const { page, bridge, requests } = await openApp()
  await expect(page.getByRole('heading', { name: 'Drop essays here to check them' })).toBeVisible()
  await expect(page.getByText(/PDF, Word \(\.docx\), OpenDocument/)).toBeVisible()
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("script-src 'self'")
  await page.getByRole('button', { name: 'How to read Inkprint' }).click()
  await expect(page.getByRole('dialog')).toContainText('Talk with the student')
  // the model card summary and the fairness table, from the shipped card and audit
  await expect(page.getByTestId('about-operating-points')).toContainText('balanced')
  const fairness = page.getByTestId('about-fairness')
  await expect(fairness.getByRole('row', { name: /non-native: all groups/ })).toContainText('%')
  await expect(fairness.getByRole('row', { name: /native: PERSUADE/ })).toBeVisible()
  // and how often writers from groups left out of training were flagged (the card's cross-corpus figures)
  await expect(page.getByTestId('about-unseen-writers')).toContainText('upper-level university papers')
  await page.keyboard.press('Escape')
  // each operating point in Settings states its measured false-positive rate
  await page.getByRole('button', { name: 'Settings' }).click()
  const card = JSON.parse(await readFile('resources/models/detector.card.json', 'utf8')) as {
    operatingPoints: { name: string; fpr: number }[]
  }
  const balancedFpr = card.operatingPoints.find((o) => o.name === 'balanced')?.fpr ?? NaN
  const tenths = Math.round(balancedFpr * 1000) / 10
  const shown = `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)}%`
  await expect(page.getByTestId('measured-balanced')).toContainText(`human essays flagged (${shown}, at most`)
  await expect(page.getByTestId('measured-balanced')).toContainText('groups it never saw')
  await expect(page.getByTestId('measured-strict')).toContainText('of AI essays caught')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  expect(requests.length).toBeGreaterThan(0)
  expect(requests.filter((url) => !url.startsWith(bridge.url + '/'))).toEqual([])
})

test('opens a DOCX from the dialog and a dropped PDF, shows passages and explanations', async ({
  openApp
}) => {
  const docx = join(dir, 'Ava Chen - Bees.docx')
  const pdf = join(dir, 'Liam Okafor - Bread.pdf')
  const { page, bridge, requests } = await openApp({ pickFiles: [docx] })

  await page.getByRole('button', { name: 'Open files…' }).first().click()
  await expect(page.getByRole('heading', { name: 'Ava Chen' })).toBeVisible()
  await expect(page.getByText('Ava Chen - Bees.docx')).toBeVisible()
  const passages = page.getByTestId('passage')
  await expect(passages.first()).toBeVisible()
  await expect(page.getByRole('article', { name: 'Document text' })).toContainText('My grandfather kept bees')

  const bands = await passages.evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.band))
  if (bands.some((band) => band !== 'neutral')) {
    // Scores exist: every passage is on the scale, and its explanation opens from the keyboard.
    const scored = page.locator('[data-testid="passage"]:not([data-band="neutral"])').first()
    await scored.getByRole('button').focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('explanation')).toContainText(/AI probability (\d+%|<1%|>99%)/)
    await expect(page.getByTestId('explanation')).toContainText('Innocent explanations to consider')
  } else {
    await expect(page.getByTestId('verdict')).toHaveText('Scores not available')
    await passages.first().getByRole('button').click()
    await expect(page.getByTestId('explanation')).toContainText('No score is available')
  }
  await expect(page.getByRole('heading', { name: 'How the file was made' })).toBeVisible()

  await dropFiles(page, [pdf])
  await expect(page.getByRole('heading', { name: 'Liam Okafor' })).toBeVisible()
  await expect(page.getByRole('article', { name: 'Document text' })).toContainText(
    'The first time I tried to bake bread'
  )
  // The page names documents by the ids main granted (dialog, drop), never by their paths.
  const starts = bridge.calls
    .filter((c) => c.channel === 'startBatch')
    .map((c) => c.arg as { ids: string[]; options: unknown })
  expect(starts.map((s) => s.options)).toEqual([
    { operatingPoint: 'balanced' },
    { operatingPoint: 'balanced' }
  ])
  for (const start of starts) expect(start.ids).toEqual([expect.stringMatching(/^[\w-]{24}$/)])
  expect(bridge.calls.filter((c) => c.channel === 'grantDroppedPaths').map((c) => c.arg)).toEqual([
    { paths: [pdf] }
  ])
  // A path the page makes up is refused, even one that exists.
  const forged = await page.evaluate(
    (path) =>
      (
        window as unknown as {
          inkprint: { startBatch: (a: unknown) => Promise<{ ok: boolean; error?: { code: string } }> }
        }
      ).inkprint.startBatch({ ids: [path], options: { operatingPoint: 'balanced' } }),
    docx
  )
  expect(forged).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
  expect(requests.filter((url) => !url.startsWith(bridge.url + '/'))).toEqual([])
})

test('a broken or unsupported file gets a clear error card, and the rest of the batch goes on', async ({
  openApp
}) => {
  const broken = join(dir, 'broken.docx')
  const photo = join(dir, 'photo.png')
  const essay = join(dir, 'Ava Chen - Bees.docx')
  const { page } = await openApp({ pickFiles: [broken] })
  await page.getByRole('button', { name: 'Open files…' }).first().click()
  await expect(page.getByRole('heading', { name: 'broken.docx' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('This file could not be checked')
  await expect(page.getByRole('alert')).toContainText(/Reason code: [a-z-]+/)

  await dropFiles(page, [photo, broken, essay])
  await expect(page.getByText('Checked 3 of 3 files')).toBeVisible()
  const rows = page.getByTestId('result-row')
  await expect(rows).toHaveCount(3)
  await expect(rows.filter({ hasText: 'photo.png' })).toContainText(/Not supported|Could not be checked/)
  await expect(rows.filter({ hasText: 'Ava Chen' })).not.toHaveClass(/failed/)
})

test('checks a document the OS asked to open ("Open with…") as soon as the window is up', async ({
  openApp
}) => {
  const { page } = await openApp({ openRequests: [join(dir, 'Ava Chen - Bees.docx')] })
  await expect(page.getByTestId('verdict')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('heading', { name: 'Ava Chen' })).toBeVisible()
  await expect(page.getByText('Ava Chen - Bees.docx')).toBeVisible()
})
