/**
 * `inkprint check DIR --known KNOWN_DIR` with the built CLI (needs `npm run build`, as npm test does first).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DocumentResult } from '../../../src/shared/types'
import { parseCliArgs, UsageError } from '../../../src/cli/args'
import { formalStyle, plainStyle } from '../engine/style-compare/styles'

const run = promisify(execFile)
const BIN = join(process.cwd(), 'bin', 'inkprint.cjs')
let dir: string

beforeAll(async () => {
  if (!existsSync(join(process.cwd(), 'out', 'main', 'cli.js')))
    throw new Error('The app is not built: run `npm run build` (npm test does this first).')
  dir = await mkdtemp(join(tmpdir(), 'inkprint-known-cli-'))
  await mkdir(join(dir, 'known', 'Ana Lopez'), { recursive: true })
  await writeFile(join(dir, 'known', 'Ana Lopez', 'one.txt'), plainStyle(12))
  await writeFile(join(dir, 'known', 'Ana Lopez', 'two.txt'), plainStyle(12, 30))
  await mkdir(join(dir, 'class'))
  await writeFile(join(dir, 'class', 'Ana Lopez - Essay.txt'), formalStyle(10))
  await writeFile(join(dir, 'class', 'Ana Lopez - Draft.txt'), plainStyle(10, 60))
}, 60_000)

describe('inkprint check --known', () => {
  it('parses the flag and refuses a path that does not exist', () => {
    const a = parseCliArgs(['check', dir, '--known', join(dir, 'known')])
    expect(a.command === 'check' && a.known).toBe(join(dir, 'known'))
    expect(() => parseCliArgs(['check', dir, '--known', join(dir, 'nope')])).toThrow(UsageError)
  })

  it('adds the comparison to each result and to the CSV', async () => {
    const { stdout, stderr } = await run('node', [
      BIN,
      'check',
      join(dir, 'class'),
      '--known',
      join(dir, 'known')
    ])
    expect(stderr).toContain('known writing of 1 student(s), 2 text(s)')
    const results = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as DocumentResult)
    const byName = new Map(results.map((r) => [r.fileName, r.styleComparison]))
    expect(byName.get('Ana Lopez - Essay.txt')?.standsOut).toBe(true)
    expect(byName.get('Ana Lopez - Draft.txt')?.standsOut).toBe(false)
    expect(byName.get('Ana Lopez - Draft.txt')?.knownTexts).toBe(2)
    const csv = await run('node', [
      BIN,
      'check',
      join(dir, 'class'),
      '--known',
      join(dir, 'known'),
      '--format',
      'csv'
    ])
    expect(csv.stdout).toContain('style_comparison')
    expect(csv.stdout).toContain('stands-out')
  }, 60_000)
})
