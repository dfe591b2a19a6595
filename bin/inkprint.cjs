#!/usr/bin/env node
// Runs the built CLI (out/main/cli.js). On first use after `npm install` it builds the app once.
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')
// ONNX Runtime (1.29+) collects telemetry unless this is set before its first session; set here, in the main
// thread, it reaches the native code of every worker thread too (see src/pipeline/ort-telemetry.ts).
process.env.ORT_DISABLE_TELEMETRY = '1'
const root = join(__dirname, '..')
const entry = join(root, 'out', 'main', 'cli.js')
if (!existsSync(entry)) {
  process.stderr.write('inkprint: building the app once (npm run build)…\n')
  const r = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0 || !existsSync(entry)) {
    process.stderr.write(
      'inkprint: the build failed. Run `npm run build` in the Inkprint folder to see why.\n'
    )
    process.exit(2)
  }
}
require(entry)
