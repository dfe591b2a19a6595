import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** The bridge serves the BUILT renderer; fail fast with the fix rather than with a blank page. */
export default function globalSetup(): void {
  if (!existsSync(resolve('out/renderer/index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npx electron-vite build` before the e2e tests.')
  }
}
