/**
 * `inkprint check submissions.zip` with the built CLI: each platform's archive gives one result per student
 * file, the path saying where inside the archive it came from; hostile archives end in coded errors.
 * Needs `npm run build` (npm test builds before running vitest).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentResult } from '../../../src/shared/types'
import { writeLmsArchives } from '../../fixtures/make-lms-archives.mjs'

const run = promisify(execFile)
const BIN = join(process.cwd(), 'bin', 'inkprint.cjs')
let dir: string
let archives: Awaited<ReturnType<typeof writeLmsArchives>>

async function inkprint(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

beforeAll(async () => {
  if (!existsSync(join(process.cwd(), 'out', 'main', 'cli.js')))
    throw new Error('The app is not built: run `npm run build` (npm test does this first).')
  dir = await mkdtemp(join(tmpdir(), 'inkprint-cli-lms-'))
  archives = await writeLmsArchives(join(dir, 'downloads'))
}, 60_000)
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('inkprint check on LMS archives (built CLI)', () => {
  it('one result per student file, each named by its path inside the archive', async () => {
    const all = Object.values(archives)
    const { code, stdout, stderr } = await inkprint(['check', ...all.map((a) => a.path), '--format', 'jsonl'])
    expect(stderr).toMatch(/16 checked, 0 failed, 3 skipped/) // two Blackboard receipts, one image
    expect(code).toBe(0)
    const results = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as DocumentResult)
    const expected = all.flatMap((a) => Object.keys(a.expected).map((inner) => join(a.path, inner)))
    expect(results.map((r) => r.path).sort()).toEqual(expected.sort())
    for (const r of results) {
      expect(r.error, r.path).toBeNull()
      expect(r.passages.length).toBeGreaterThan(0)
      expect(r.sha256).toMatch(/^[0-9a-f]{64}$/)
    }
    const html = results.find((r) => r.fileName === 'doejane_1023_text.html')
    expect(html?.format).toBe('html')
  }, 120_000)

  it('the CSV names each student from the platform’s naming scheme and folders', async () => {
    const { code, stdout } = await inkprint([
      'check',
      archives.moodle.path,
      archives.teams.path,
      '--format',
      'csv'
    ])
    expect(code).toBe(0)
    for (const student of ['Ava Chen', 'Ben Ortiz', 'Zoë Martín', 'Chidi Okafor'])
      expect(stdout).toContain(student)
  }, 120_000)

  it('hostile archives: coded errors, exit status 1, nothing written next to them', async () => {
    const hostile = join(dir, 'hostile')
    await import('node:fs/promises').then((fs) => fs.mkdir(hostile))
    await writeFile(join(hostile, 'traversal.zip'), zipSync({ '../evil.txt': strToU8('evil words') }))
    await writeFile(
      join(hostile, 'bomb.zip'),
      zipSync({ 'essay.txt': [new Uint8Array(32 * 1024 * 1024), { level: 9 }] })
    )
    const { code, stdout } = await inkprint(['check', hostile, '--format', 'jsonl', '--workers', '0'])
    expect(code).toBe(1)
    const byFile = new Map(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as DocumentResult)
        .map((r) => [relative(hostile, r.path).split('\\').join('/'), r.error?.code])
    )
    expect(Object.fromEntries(byFile)).toEqual({
      'traversal.zip': 'unsafe-archive',
      'bomb.zip/essay.txt': 'zip-bomb'
    })
    expect((await readdir(hostile)).sort()).toEqual(['bomb.zip', 'traversal.zip'])
    expect(await readdir(dir)).not.toContain('evil.txt')
  }, 120_000)
})
