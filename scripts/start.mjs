// npm start / npm run dev: fetch the Electron runtime on first use (electron >= 42 has no install script), then
// build and open the app. Offline, say so plainly instead of printing a download stack trace.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const mode = process.argv[2] === 'dev' ? 'dev' : 'preview'
const electronDir = dirname(require.resolve('electron/package.json'))

const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8' })
if (install.status !== 0) {
  const detail = `${install.stderr ?? ''}`.split('\n').find((l) => /Error|failed|ENOTFOUND|EAI_AGAIN/.test(l))
  console.error(
    [
      'Inkprint could not fetch the Electron runtime it needs to open its window (about 100 MB, once).',
      detail ? `  Reason: ${detail.trim()}` : '',
      '  Connect this computer to the internet once and run `npm start` again, or point ELECTRON_MIRROR at a',
      '  local mirror. Nothing else is downloaded, and no student file ever leaves this computer.',
      '  The checker works without the window:  npx inkprint check <files or folders>   (see npx inkprint --help)'
    ]
      .filter(Boolean)
      .join('\n')
  )
  process.exit(1)
}
const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
const run = spawnSync(process.execPath, [bin, mode], { stdio: 'inherit' })
process.exit(run.status ?? 1)
