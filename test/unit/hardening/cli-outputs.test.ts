/**
 * Issue 17, points 1–4, and the ignored `--profile` (issue 13), through the built CLI (npm test builds first).
 * 1. An output that is an input, inside a folder being checked, or not a writable regular file is refused (exit 2)
 *    before any document is read, and no student file changes.
 * 2. Usage and output errors are one plain line and exit 2; a closed stdout (`| head`) ends quietly.
 * 3. --resume leaves exactly one line per document in the results file, however often it runs.
 * 4. Inkprint's own reports inside a class folder are never checked as a student's work.
 * --profile: a missing or invalid file exits 2 with the validator's message; a school's own KGW key is tested.
 */
import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DocumentResult } from '../../../src/shared/types'
import type { WatermarkProfile } from '../../../src/engine/watermark'
import { makeFixtures } from '../../fixtures/make-fixtures.mjs'
import { generate, kgwRule } from '../engine/watermark/toy'

const BIN = join(process.cwd(), 'bin', 'inkprint.cjs')
const CLASS = ['essay.docx', 'essay.md', 'essay-utf8.txt', 'essay.pdf']
let root: string
let classDir: string

interface Run {
  code: number
  stdout: string
  stderr: string
}

function inkprint(args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', [BIN, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    )
  })
}

async function fingerprint(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).sort()
  return Promise.all(
    names.map(async (n) => {
      const info = await stat(join(dir, n))
      const hash = info.isFile()
        ? createHash('sha256')
            .update(await readFile(join(dir, n)))
            .digest('hex')
        : 'dir'
      return `${n} ${info.size} ${info.mtimeMs} ${hash}`
    })
  )
}

/** A usage/output error: exit 2, exactly one line on stderr, no stack trace, nothing on stdout. */
function expectPlainError(run: Run, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(2)
  const lines = run.stderr.trim().split('\n')
  expect(lines, run.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^inkprint: /)
  expect(lines[0]).toMatch(pattern)
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/)
  expect(run.stdout).toBe('')
}

beforeAll(async () => {
  if (!existsSync(join(process.cwd(), 'out', 'main', 'cli.js')))
    throw new Error('The app is not built: run `npm run build` (npm test does this first).')
  const fixtures = await makeFixtures()
  root = await mkdtemp(join(tmpdir(), 'inkprint-outputs-'))
  classDir = join(root, 'class')
  await mkdir(classDir)
  for (const n of CLASS) await copyFile(join(fixtures, n), join(classDir, n))
}, 60_000)

describe('1. outputs never touch a student file', () => {
  it('refuses --out naming a student file in the folder, before reading anything', async () => {
    const before = await fingerprint(classDir)
    const run = await inkprint([
      'check',
      classDir,
      '--out',
      join(classDir, 'essay-utf8.txt'),
      '--format',
      'csv'
    ])
    expectPlainError(run, /--out .*inside the folder being checked/)
    expect(await fingerprint(classDir)).toEqual(before)
  })

  it('refuses --results naming a student DOCX, and an explicit input named as --out', async () => {
    const before = await fingerprint(classDir)
    expectPlainError(
      await inkprint(['check', classDir, '--results', join(classDir, 'essay.docx')]),
      /--results .*inside the folder being checked/
    )
    const essay = join(classDir, 'essay.md')
    expectPlainError(await inkprint(['check', essay, '--out', essay]), /is one of the documents to check/)
    expectPlainError(
      await inkprint(['check', essay, '--out', 'same.jsonl', '--results', 'same.jsonl']),
      /name the same place/
    )
    expect(await fingerprint(classDir)).toEqual(before)
  })

  it('refuses --report inside the folder being checked', async () => {
    expectPlainError(
      await inkprint(['check', classDir, '--report', join(classDir, 'reports')]),
      /--report .*inside the folder being checked/
    )
    expect(existsSync(join(classDir, 'reports'))).toBe(false)
  })
})

describe('2. usage and output errors are one plain line, exit 2', () => {
  it('--out into a missing folder, --results on a folder, an unwritable --out', async () => {
    expectPlainError(
      await inkprint(['check', classDir, '--out', join(root, 'missing', 'class.csv')]),
      /the folder .*missing does not exist/
    )
    expectPlainError(await inkprint(['check', classDir, '--results', root]), /is a folder; name a file/)
    expectPlainError(
      await inkprint(['check', classDir, '--report', join(classDir, 'essay.md')]),
      /inside the folder/
    )
    const locked = join(root, 'locked')
    await mkdir(locked)
    await chmod(locked, 0o500)
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0
    if (!asRoot)
      expectPlainError(
        await inkprint(['check', classDir, '--out', join(locked, 'x.csv')]),
        /cannot be written to \(permission denied\)/
      )
    // A device is not a regular file.
    expectPlainError(await inkprint(['check', classDir, '--results', '/dev/null']), /not a regular file/)
  })

  it('a reader that closes the pipe early ends the run quietly (no stack trace, no error line)', async () => {
    const child = spawn('node', [BIN, 'check', classDir, '--include-text', '--workers', '1'], { cwd: root })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    // Read the first chunk, then hang up, as `| head -c 1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    child.stdout.destroy()
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)))
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /)
    expect([0, 1]).toContain(code)
  }, 60_000)
})

describe('3. --resume keeps exactly one line per document', () => {
  it('after a first run and two resumes, the results file has one line per document', async () => {
    const results = join(root, 'run.jsonl')
    const first = await inkprint(['check', classDir, '--results', results, '--out', join(root, 'o1.jsonl')])
    expect(first.code, first.stderr).toBe(0)
    const count = async (): Promise<string[]> =>
      (await readFile(results, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as DocumentResult).path)
    expect((await count()).sort()).toEqual(CLASS.map((n) => join(classDir, n)).sort())
    for (let i = 0; i < 2; i++) {
      const again = await inkprint([
        'check',
        classDir,
        '--results',
        results,
        '--resume',
        '--out',
        join(root, `o${i + 2}.jsonl`)
      ])
      expect(again.stderr).toContain(`${CLASS.length} reused`)
      const paths = await count()
      expect(paths).toHaveLength(CLASS.length)
      expect(new Set(paths).size).toBe(CLASS.length)
    }
    // An edited file is checked again and its line replaced, not duplicated.
    await writeFile(
      join(classDir, 'essay-utf8.txt'),
      (await readFile(join(classDir, 'essay-utf8.txt'), 'utf8')) + '\nA new closing line.\n'
    )
    const edited = await inkprint([
      'check',
      classDir,
      '--results',
      results,
      '--resume',
      '--out',
      join(root, 'o4.jsonl')
    ])
    expect(edited.stderr).toContain(`${CLASS.length - 1} reused`)
    expect(await count()).toHaveLength(CLASS.length)
  }, 120_000)
})

describe('a results file that fills up mid-batch', () => {
  it('stops the batch at the failed write, prints only what was kept, and names what was saved', async () => {
    const results = join(root, 'full.jsonl')
    const run = await new Promise<Run>((done) => {
      execFile(
        'node',
        [
          '-r',
          join(__dirname, 'fill-disk.cjs'),
          BIN,
          'check',
          classDir,
          '--results',
          results,
          '--workers',
          '0'
        ],
        {
          cwd: root,
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, INKPRINT_TEST_FULL_FILE: results, INKPRINT_TEST_FULL_AFTER: '2' }
        },
        (error, stdout, stderr) =>
          done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
      )
    })
    expect(run.code, run.stderr).toBe(2)
    const kept = (await readFile(results, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as DocumentResult).fileName)
    expect(kept).toHaveLength(2)
    // stdout says exactly what the results file kept, in the same order
    const printed = run.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as DocumentResult).fileName)
    expect(printed).toEqual(kept)
    expect(run.stderr).toContain(
      `a result could not be saved (the disk is full): 2 results were saved, the last ${kept[1]};`
    )
    expect(run.stderr).toContain('The batch was stopped.')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  }, 120_000)
})

describe('4. our own reports are never checked as students', () => {
  it('*.inkprint.* reports copied into the class folder are left out and counted', async () => {
    const reports = join(root, 'reports')
    const made = await inkprint([
      'check',
      join(classDir, 'essay.md'),
      join(classDir, 'essay.docx'),
      '--report',
      reports,
      '--format',
      'json'
    ])
    expect(made.code, made.stderr).toBe(0)
    const mixed = join(root, 'mixed')
    await mkdir(mixed)
    await copyFile(join(classDir, 'essay.md'), join(mixed, 'essay.md'))
    // A PDF report under its own name (the content does not matter: it must not even be opened).
    await copyFile(join(classDir, 'essay.pdf'), join(mixed, 'essay-abc123.inkprint.pdf'))
    for (const n of await readdir(reports)) await copyFile(join(reports, n), join(mixed, n))
    const run = await inkprint(['check', mixed])
    expect(run.code, run.stderr).toBe(0)
    const checked = run.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as DocumentResult).fileName)
    expect(checked).toEqual(['essay.md'])
    expect(run.stderr).toMatch(/Inkprint report\(s\) left out/)
  }, 120_000)
})

describe('--profile FILE (issue 13)', () => {
  it('a missing or invalid profile is a usage error with the validator message', async () => {
    expectPlainError(
      await inkprint(['check', classDir, '--profile', join(root, 'nope.json')]),
      /--profile .*nope\.json: cannot be read \(file not found\)/
    )
    const bad = join(root, 'bad.json')
    await writeFile(bad, JSON.stringify({ id: 'School Key', scheme: 'kgw' }))
    expectPlainError(
      await inkprint(['check', classDir, '--profile', bad]),
      /is not a valid watermark profile: .*profile\.id may only use lower-case/
    )
  })

  it("a school's own KGW key is tested: text made with it is detected, and not without the profile", async () => {
    const shipped = JSON.parse(
      await readFile(join(process.cwd(), 'resources', 'profiles', 'kgw-hf-lefthash-gpt2.json'), 'utf8')
    ) as Extract<WatermarkProfile, { scheme: 'kgw' }> & Record<string, unknown>
    const school = {
      ...shipped,
      id: 'school-kgw-2026',
      name: 'Our school model (KGW)',
      keyLabel: 'school key 982451653',
      publicDefaultKey: false,
      params: { ...shipped.params, hashKey: '982451653' }
    } as Extract<WatermarkProfile, { scheme: 'kgw' }>
    const file = join(root, 'school.json')
    await writeFile(file, JSON.stringify(school, null, 2))
    const { decode } = await import('gpt-tokenizer/encoding/r50k_base')
    const rule = kgwRule(school, 4)
    const ids = generate(220, 50257, 7, (ctx, logits, u) =>
      rule(
        ctx,
        logits.map((x, v) => (v < 20000 ? x : -Infinity)),
        u
      )
    )
    const text = join(root, 'school-text.txt')
    await writeFile(text, decode(ids))
    const withProfile = await inkprint(['check', text, '--profile', file])
    expect(withProfile.stderr).not.toMatch(/internal error/)
    const result = JSON.parse(withProfile.stdout.trim()) as DocumentResult
    const mark = result.watermarks?.find((w) => w.profileId === 'school-kgw-2026')
    expect(mark?.status).toBe('scored')
    expect(mark?.detected).toBe(true)
    expect(mark?.pValueAdjusted ?? 1).toBeLessThan(1e-6)
    const without = JSON.parse((await inkprint(['check', text])).stdout.trim()) as DocumentResult
    expect(without.watermarks?.some((w) => w.profileId === 'school-kgw-2026')).toBe(false)
    expect(without.watermarks?.some((w) => w.detected)).toBe(false)
  }, 120_000)
})
