import { defineConfig } from '@playwright/test'

// Debian's chromium, never `playwright install` (offline). Flags: docs stack.md §10 pitfall 12.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  // Screenshots for docs/ are written on request only: INKPRINT_SCREENSHOTS=1 npx playwright test screenshots
  testIgnore: process.env.INKPRINT_SCREENSHOTS ? [] : ['**/screenshots.spec.ts'],
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  // One retry in CI; a test that passes only on retry is reported as flaky (and counted in the summary line).
  retries: process.env.CI ? 1 : 0,
  outputDir: 'test-results',
  use: {
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    }
  }
})
