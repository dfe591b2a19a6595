/** The real Electron window. Skips where the Electron binary cannot be installed (offline machines, this CI). */
import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { PAGE_VERBS } from '../../src/shared/api'

// Never require('electron') to probe: since v42 it tries to download the binary.
function electronBinary(): string | null {
  const fromEnv = process.env.ELECTRON_EXEC_PATH
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  try {
    const dir = dirname(createRequire(join(process.cwd(), 'package.json')).resolve('electron/package.json'))
    const pathTxt = join(dir, 'path.txt')
    if (!existsSync(pathTxt)) return null
    const bin = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim())
    return existsSync(bin) ? bin : null
  } catch {
    return null
  }
}

const bin = electronBinary()

test('real Electron window shows the empty state with the preload bridge', async () => {
  test.skip(
    !bin,
    'Electron binary not installed (offline machine / CI); run `npx install-electron` where online'
  )
  test.skip(
    !existsSync('out/main/index.js'),
    'out/main/index.js missing: run `npx electron-vite build` first'
  )
  const app = await electron.launch({ executablePath: bin ?? undefined, args: ['.', '--no-sandbox'] })
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { name: 'Drop essays here to check them' })).toBeVisible()
    const startBatchType = await page.evaluate(
      () => typeof (globalThis as { inkprint?: { startBatch?: unknown } }).inkprint?.startBatch
    )
    expect(startBatchType).toBe('function')
    // exactly the page's verbs: never the channel that grants paths the page names
    const exposed = await page.evaluate(() =>
      Object.keys((globalThis as { inkprint?: object }).inkprint ?? {}).sort()
    )
    expect(exposed).toEqual([...PAGE_VERBS, 'grantDroppedFiles', 'onBatchEvent'].sort())
    // Sandboxed renderer: no Node in the page.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
  } finally {
    await app.close()
  }
})
