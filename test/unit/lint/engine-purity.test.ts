/**
 * Engine purity is enforced by lint (eslint.config.mjs), not by discipline: sources placed under src/engine are
 * linted with the project's own config and must be refused for every kind of impure import, and accepted for
 * imports within src/engine and src/shared. If the rule is removed or its globs stop matching, this fails.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

/** The rule ids reported for `code` as if it were the file at `filePath`. */
async function purityErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages
    .filter((m) => /^no-restricted-(imports|syntax|globals)$/.test(m.ruleId ?? '') || m.fatal)
    .map((m) => `${m.ruleId}: ${m.message}`)
}

const IMPURE = [
  "import { readFileSync } from 'node:fs'",
  "import { readFile } from 'fs/promises'",
  "import fs from 'fs'",
  "import { join } from 'path'",
  "import { spawn } from 'child_process'",
  "import { Worker } from 'worker_threads'",
  "import { createHash } from 'crypto'",
  "import { ipcMain } from 'electron'",
  "import type { BrowserWindow } from 'electron'",
  "import { InferenceSession } from 'onnxruntime-node'",
  "import { InferenceSession } from 'onnxruntime-web'",
  "import { zipSync } from 'fflate'",
  "import { checkFile } from '../../pipeline/check'",
  "import { createHandlers } from '../../main/handlers'",
  "import { main } from '../../cli/index'",
  "import pkg from '../../../package.json'",
  "import x from '/abs/path/module'",
  "export { x } from '../../renderer/src/x'",
  "export * from 'node:path'"
]

describe('the engine purity rule', () => {
  it.each(IMPURE)('refuses `%s` in src/engine/detector/', async (line) => {
    const errors = await purityErrors(`${line}\nexport const y = 1\n`, 'src/engine/detector/example.ts')
    expect(errors.length, errors.join('\n')).toBeGreaterThan(0)
    expect(errors.join('\n')).toContain('The engine is pure')
  })

  it('refuses dynamic imports, require and the Node environment', async () => {
    const file = 'src/engine/text/example.ts'
    expect(await purityErrors("export const m = () => import('node:fs')\n", file)).toHaveLength(1)
    expect(await purityErrors("export const m = require('fs')\n", file)).not.toHaveLength(0)
    expect(await purityErrors('export const home = process.env.HOME\n', file)).toHaveLength(1)
    expect(await purityErrors("export const b = Buffer.from('x')\n", file)).toHaveLength(1)
  })

  it('allows imports within src/engine and src/shared, at any depth', async () => {
    const cases: [string, string][] = [
      [
        'src/engine/example.ts',
        "import type { DocumentResult } from '../shared/types'\nimport { x } from './stats'"
      ],
      ['src/engine/detector/example.ts', "import { y } from '../stats'\nimport { z } from './segment'"],
      ['src/engine/detector/example.ts', "import type { DocumentResult } from '../../shared/types'"],
      ['src/engine/detector/example.ts', "import { s } from '../../engine/stats'"],
      [
        'src/engine/watermark/stats/example.ts',
        "import type { T } from '../../../shared/types'\nimport { k } from '../../text'"
      ]
    ]
    for (const [file, code] of cases)
      expect(await purityErrors(`${code}\nexport const y = 1\n`, file), file).toEqual([])
  })

  it('judges climbing by depth: what is inside the engine from one folder is outside it from another', async () => {
    // from src/engine/x.ts, ../pipeline is src/pipeline; from src/engine/a/x.ts it is src/engine/pipeline
    expect(
      await purityErrors("import { p } from '../pipeline/check'\n", 'src/engine/example.ts')
    ).not.toEqual([])
    expect(
      await purityErrors("import { p } from '../pipeline/check'\n", 'src/engine/text/example.ts')
    ).toEqual([])
    expect(
      await purityErrors(
        "import { p } from '../../../pipeline/check'\n",
        'src/engine/watermark/stats/example.ts'
      )
    ).not.toEqual([])
  })

  it('applies to the engine only: the pipeline may use Node', async () => {
    expect(
      await purityErrors("import { readFile } from 'node:fs/promises'\n", 'src/pipeline/example.ts')
    ).toEqual([])
  })
})
