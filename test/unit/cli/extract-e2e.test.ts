/**
 * `inkprint extract` (built CLI): text, paragraphs and passages with offsets, exactly those `inkprint check`
 * scores, and no checks at all. Runs out/main/cli.js (the unit project's global setup builds it when stale).
 */
import { execFile } from 'node:child_process'
import { copyFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { RESULT_SCHEMA_VERSION, type DocumentResult } from '../../../src/shared/types'
import type { ExtractionRecord } from '../../../src/cli/extract'
import { makeFixtures } from '../../fixtures/make-fixtures.mjs'

const run = promisify(execFile)
const BIN = join(process.cwd(), 'bin', 'inkprint.cjs')
const NAMES = ['essay.docx', 'essay.pdf', 'essay.odt', 'essay.rtf', 'essay.md', 'truncated.pdf']
let dir: string

async function inkprint(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const lines = <T>(stdout: string): T[] =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T)

beforeAll(async () => {
  const fixtures = await makeFixtures()
  dir = await mkdtemp(join(tmpdir(), 'inkprint-extract-'))
  for (const name of NAMES) await copyFile(join(fixtures, name), join(dir, name))
}, 60_000)

describe('inkprint extract (built CLI)', () => {
  it('prints the text with the passages inkprint check scores, and checks nothing', async () => {
    const [extracted, checked] = await Promise.all([
      inkprint(['extract', dir]),
      inkprint(['check', dir, '--include-text', '--workers', '0'])
    ])
    expect(extracted.code).toBe(1) // truncated.pdf cannot be read
    const records = lines<ExtractionRecord>(extracted.stdout)
    const results = new Map(lines<DocumentResult>(checked.stdout).map((r) => [r.fileName, r]))
    expect(records.map((r) => r.fileName).sort()).toEqual([...NAMES].sort())
    for (const record of records) {
      const result = results.get(record.fileName)
      expect(Object.keys(record)).not.toContain('detector')
      expect(Object.keys(record)).not.toContain('watermarks')
      if (record.fileName === 'truncated.pdf') {
        expect(record.status).toBe('error')
        expect(record.error?.code).toBe('corrupt')
        continue
      }
      expect(record.status, record.fileName).toBe('ok')
      expect(record.text, record.fileName).toBe(result?.text)
      expect(record.characters).toBe(record.text?.length)
      expect(record.sha256).toBe(result?.sha256)
      expect(record.words).toBe(result?.words)
      expect(record.passages.map(({ start, end }) => [start, end])).toEqual(
        result?.passages.map(({ start, end }) => [start, end])
      )
      for (const p of record.paragraphs) expect(p.end).toBeLessThanOrEqual(record.characters)
      expect(record.passages.length).toBeGreaterThan(0)
    }
    expect(extracted.stderr).toMatch(/5 read, 1 failed/)
  }, 120_000)

  it('leaves the text out with --no-text, writes one JSON document with --format json', async () => {
    const { code, stdout } = await inkprint([
      'extract',
      join(dir, 'essay.docx'),
      '--no-text',
      '--format',
      'json'
    ])
    expect(code).toBe(0)
    const payload = JSON.parse(stdout) as { schemaVersion: number; documents: ExtractionRecord[] }
    expect(payload.schemaVersion).toBe(RESULT_SCHEMA_VERSION)
    expect(payload.documents).toHaveLength(1)
    expect(payload.documents[0]?.text).toBeUndefined()
    expect(payload.documents[0]?.passages.length).toBeGreaterThan(0)
  }, 60_000)

  it('exits 2 on usage errors and prints its help', async () => {
    expect((await inkprint(['extract'])).code).toBe(2)
    expect((await inkprint(['extract', dir, '--format', 'csv'])).code).toBe(2)
    const help = await inkprint(['extract', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: inkprint extract/)
    expect((await inkprint(['--help'])).stdout).toMatch(/inkprint extract/)
  }, 60_000)
})
