import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

export default defineConfig({
  main: {
    build: {
      // "dependencies" stay external, loaded from node_modules at run time: pdfjs-dist needs its worker file
      // beside it and onnxruntime-node ships a native binding.
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Pure-Node entries: the CLI and the batch worker run under plain `node` as well as in Electron.
          cli: resolve('src/cli/index.ts'),
          'check-worker': resolve('src/pipeline/batch/check-worker.ts')
        }
      }
    }
  },
  preload: { build: { externalizeDeps: true } },
  renderer: {
    resolve: { alias: { '@renderer': resolve('src/renderer/src') } },
    plugins: [svelte()]
  }
})
