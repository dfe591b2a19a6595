import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // builds out/ first when it is missing or stale (tests of the built CLI and worker need it)
          globalSetup: ['test/unit/global-setup.ts'],
          // generous: a cap only catches a hang; no test depends on the machine's speed (npm run bench does)
          testTimeout: 120_000
        }
      },
      {
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['test/component/**/*.test.ts'],
          // generous, as above: rendering waits must not fail because the machine is busy
          testTimeout: 60_000
        }
      }
    ]
  }
})
