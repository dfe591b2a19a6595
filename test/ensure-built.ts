/**
 * Tests that run the built app (out/main/cli.js, out/main/check-worker.js, out/renderer) build it first when it
 * is missing or older than any source file, so a test never runs yesterday's build. `npm test` builds before
 * both runners, so there this finds a fresh build and does nothing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')
export const BUILT = [
  'out/main/cli.js',
  'out/main/check-worker.js',
  'out/main/index.js',
  'out/renderer/index.html'
]
const SOURCES = ['src', 'electron.vite.config.ts', 'package.json', 'svelte.config.mjs']

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = 0
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)))
  return latest
}

/** Why the build is out of date, or null when it is fresh. */
export function staleBuild(): string | null {
  const missing = BUILT.find((f) => !existsSync(join(ROOT, f)))
  if (missing) return `${missing} is missing`
  const built = Math.min(...BUILT.map((f) => statSync(join(ROOT, f)).mtimeMs))
  const source = Math.max(
    ...SOURCES.filter((s) => existsSync(join(ROOT, s))).map((s) => newest(join(ROOT, s)))
  )
  return source > built ? 'a source file is newer than the build' : null
}

export function ensureBuilt(): void {
  const why = staleBuild()
  if (!why) return
  process.stderr.write(`Building the app first (${why}): npx electron-vite build\n`)
  execFileSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT, stdio: 'ignore' })
  const still = staleBuild()
  if (still) throw new Error(`npx electron-vite build did not produce a fresh build (${still}).`)
}
