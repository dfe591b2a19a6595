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
          testTimeout: 30_000
        }
      },
      {
        plugins: [svelte(), svelteTesting()],
        test: { name: 'component', environment: 'happy-dom', include: ['test/component/**/*.test.ts'] }
      }
    ]
  }
})
