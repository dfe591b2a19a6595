/**
 * The built `inkprint` command end to end: real fixtures, real models, worker threads, exit codes.
 * Needs `npm run build` (npm test builds before running vitest).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DocumentResult } from '../../../src/shared/types'
import { makeFixtures } from '../../fixtures/make-fixtures.mjs'
import { writeEssayFolders } from '../pipeline/calibration-fixtures'

const run = promisify(execFile)
const BIN = join(process.cwd(), 'bin', 'inkprint.cjs')
let classDir: string

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
  const fixtures = await makeFixtures()
  classDir = await mkdtemp(join(tmpdir(), 'inkprint-cli-'))
  await mkdir(join(classDir, 'sub'))
  for (const name of ['essay.docx', 'essay.pdf', 'essay.odt', 'essay.rtf', 'essay.md', 'truncated.pdf'])
    await copyFile(join(fixtures, name), join(classDir, name))
  await copyFile(join(fixtures, 'essay-utf16le.txt'), join(classDir, 'sub', 'essay-utf16le.txt'))
}, 60_000)

describe('inkprint check (built CLI)', () => {
  it('prints one JSON object per document and exits 1 when a file failed', async () => {
    const before = await Promise.all((await readdir(classDir)).map((n) => stat(join(classDir, n))))
    const { code, stdout, stderr } = await inkprint(['check', classDir, '--format', 'jsonl'])
    expect(code).toBe(1)
    const results = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as DocumentResult)
    expect(results).toHaveLength(7)
    const byName = new Map(results.map((r) => [r.fileName, r]))
    expect(byName.get('truncated.pdf')?.status).toBe('error')
    expect(byName.get('truncated.pdf')?.error?.code).toBe('corrupt')
    for (const name of [
      'essay.docx',
      'essay.pdf',
      'essay.odt',
      'essay.rtf',
      'essay.md',
      'essay-utf16le.txt'
    ]) {
      const r = byName.get(name)
      expect(r?.error, name).toBeNull()
      expect(r?.schemaVersion).toBe(2)
      expect(r?.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(r?.passages.length).toBeGreaterThan(0)
      expect(r?.text).toBeUndefined() // only with --include-text
      expect(r?.detector?.operatingPoint.name).toBe('balanced')
      expect(r?.fingerprints).toBeDefined()
      expect(r?.watermarks?.length).toBeGreaterThan(0)
    }
    expect(stderr).toMatch(/7 checked, 1 failed/)
    // Student files are only ever read.
    const after = await Promise.all((await readdir(classDir)).map((n) => stat(join(classDir, n))))
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs))
  }, 120_000)

  it('includes exact passage text with --include-text', async () => {
    const { code, stdout } = await inkprint([
      'check',
      join(classDir, 'essay.docx'),
      '--include-text',
      '--workers',
      '0'
    ])
    expect(code).toBe(0)
    const r = JSON.parse(stdout) as DocumentResult
    expect(typeof r.text).toBe('string')
    for (const p of r.passages)
      expect(r.text?.slice(p.start, p.end).trim()).toBe(r.text?.slice(p.start, p.end))
  }, 60_000)

  it('writes CSV with a BOM and a row per document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inkprint-csv-'))
    const out = join(dir, 'class.csv')
    const { code } = await inkprint(['check', classDir, '--format', 'csv', '--out', out])
    expect(code).toBe(1)
    const csv = await readFile(out, 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.trim().split('\r\n')).toHaveLength(8)
  }, 120_000)

  it('resumes from a results file without re-checking finished files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inkprint-resume-'))
    const results = join(dir, 'results.jsonl')
    await inkprint(['check', classDir, '--results', results, '--format', 'json'])
    const { stdout, stderr } = await inkprint([
      'check',
      classDir,
      '--results',
      results,
      '--resume',
      '--format',
      'json'
    ])
    expect(stderr).toMatch(/6 reused/)
    expect((JSON.parse(stdout) as { results: DocumentResult[] }).results).toHaveLength(7)
    // other settings: nothing is reused, each file is checked at the new setting
    const strict = await inkprint([
      'check',
      classDir,
      '--results',
      results,
      '--resume',
      '--operating-point',
      'strict',
      '--format',
      'json'
    ])
    expect(strict.stderr).not.toMatch(/reused/)
    const rechecked = (JSON.parse(strict.stdout) as { results: DocumentResult[] }).results
    for (const r of rechecked.filter((r) => r.detector))
      expect(r.detector?.operatingPoint.name).toBe('strict')
  }, 120_000)

  it('exits 2 with usage on bad arguments, and 1 for a missing file', async () => {
    expect((await inkprint(['check'])).code).toBe(2)
    expect((await inkprint(['check', 'x', '--format', 'xml'])).code).toBe(2)
    const missing = await inkprint(['check', join(classDir, 'nope.docx')])
    expect(missing.code).toBe(1)
    expect((JSON.parse(missing.stdout) as DocumentResult).error?.code).toBe('not-found')
  }, 60_000)

  it('calibrates on known-human essays, then judges a check with that calibration and names it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'inkprint-cli-calibration-'))
    const folders = writeEssayFolders(root)
    const store = join(root, 'calibrations')
    const calibrate = await inkprint([
      'calibrate',
      '--human',
      folders.human,
      '--name',
      'Year 10 2021',
      '--target-fpr',
      '0.05',
      '--out-dir',
      store,
      '--json'
    ])
    expect(calibrate.code).toBe(0)
    const profile = JSON.parse(calibrate.stdout) as {
      id: string
      nHuman: number
      threshold: number
      thresholdSource: string
      floor: { name: string }
    }
    expect(profile.nHuman).toBe(3)
    // three essays cannot show 5%: the shipped "sensitive" threshold is kept rather than a laxer local one
    expect(profile.thresholdSource).toBe('model-card')
    expect(profile.floor.name).toBe('sensitive')

    const results = join(root, 'results.jsonl')
    const withCalibration = (): Promise<{ code: number; stdout: string; stderr: string }> =>
      inkprint([
        'check',
        join(folders.ai, 'generated-1.txt'),
        '--calibration',
        profile.id,
        '--calibrations-dir',
        store,
        '--results',
        results,
        '--resume'
      ])
    const checked = await withCalibration()
    expect(checked.code).toBe(0)
    const result = JSON.parse(checked.stdout) as DocumentResult
    expect(result.detector?.operatingPoint.name).toBe('calibrated: Year 10 2021')
    expect(result.detector?.operatingPoint.calibration).toMatchObject({ id: profile.id, n: 3 })
    expect(result.detector?.operatingPoint.threshold).toBe(profile.threshold)
    // the results file keeps the result as judged (as the app does), so reading it back needs no settings
    const kept = JSON.parse((await readFile(results, 'utf8')).trim()) as DocumentResult
    expect(kept.detector).toEqual(result.detector)
    // the same calibration reuses it; the shipped setting does not (the reuse key names the calibration)
    expect((await withCalibration()).stderr).toContain('1 reused')
    const shipped = await inkprint([
      'check',
      join(folders.ai, 'generated-1.txt'),
      '--results',
      results,
      '--resume'
    ])
    expect(shipped.stderr).not.toContain('reused')
    expect(
      (JSON.parse(shipped.stdout) as DocumentResult).detector?.operatingPoint.calibration
    ).toBeUndefined()

    const unknown = await inkprint([
      'check',
      folders.ai,
      '--calibration',
      'nope',
      '--calibrations-dir',
      store
    ])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('no saved calibration "nope"')
  }, 120_000)
})
