/**
 * Inkprint never talks to the network. Every outbound API (net, tls, dns, http(s), fetch, dgram) is replaced
 * by a recorder that throws, then a whole class is checked with the real detector, watermarks, fingerprints
 * and HTML reports — in this process, and through the built CLI with its worker threads in a child process.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCheckContext } from '../../../src/pipeline/context'
import { writeReports } from '../../../src/pipeline/report'
import { makeFixtures } from '../../fixtures/make-fixtures.mjs'
import { runPaths } from './batch-helper'
import { installNetGuard, type NetAttempt } from './net-guard-core.cjs'

const CLASS = [
  'essay.docx',
  'essay.pdf',
  'essay.odt',
  'essay.rtf',
  'essay.md',
  'essay-utf8.txt',
  'truncated.pdf'
]
let root: string
let classDir: string

beforeAll(async () => {
  const fixtures = await makeFixtures()
  root = await mkdtemp(join(tmpdir(), 'inkprint-offline-'))
  classDir = join(root, 'class')
  await mkdir(classDir)
  for (const n of CLASS) await copyFile(join(fixtures, n), join(classDir, n))
}, 60_000)

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

/** Sync throws and rejected promises alike. */
async function expectBlocked(attempt: () => unknown): Promise<void> {
  await expect(Promise.resolve().then(attempt)).rejects.toThrow(/network access blocked/)
}

describe('no network', () => {
  it('the guard itself catches fetch, http, dns and raw sockets (so the checks below can fail)', async () => {
    const attempts: NetAttempt[] = []
    const restore = installNetGuard((a) => attempts.push(a))
    try {
      const net = await import('node:net')
      const dns = await import('node:dns')
      await expectBlocked(() => fetch('http://127.0.0.1:9/'))
      await expectBlocked(() => net.connect(9, '127.0.0.1'))
      await expectBlocked(() => new net.Socket().connect(9, '127.0.0.1'))
      await expectBlocked(() => dns.promises.lookup('example.org'))
    } finally {
      restore()
    }
    expect(attempts.map((a) => a.api)).toEqual([
      'fetch',
      'net.connect',
      'net.Socket.connect',
      'dns.promises.lookup'
    ])
  })

  it('a full in-process batch with detector, watermarks, fingerprints and HTML reports attempts no connection', async () => {
    const attempts: NetAttempt[] = []
    const restore = installNetGuard((a) => attempts.push(a))
    try {
      const run = await runPaths([classDir], () => loadCheckContext(), { includeText: true })
      expect(run.summary.done).toBe(CLASS.length)
      const scored = run.results.filter((r) => r.status !== 'error')
      expect(scored.length).toBe(CLASS.length - 1)
      expect(scored.some((r) => (r.watermarks?.length ?? 0) > 0)).toBe(true)
      const written = await writeReports(run.results, join(root, 'reports'), 'html', {
        generatedAt: '2026-01-01T00:00:00.000Z',
        inkprintVersion: 'test'
      })
      expect(written.files.length).toBe(CLASS.length + 1)
      const html = await readFile(written.files[0] as string, 'utf8')
      // A report that loads nothing from elsewhere: no remote scripts, styles, fonts or images.
      expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i)
    } finally {
      restore()
    }
    expect(attempts).toEqual([])
  }, 90_000)

  const built = join(process.cwd(), 'out', 'main', 'check-worker.js')
  it('the built CLI and its worker threads attempt no connection (guard preloaded via NODE_OPTIONS)', async () => {
    if (!existsSync(built) || !existsSync(join(process.cwd(), 'out', 'main', 'cli.js')))
      throw new Error(
        'out/main/check-worker.js is missing: run `npx electron-vite build` (npm run build) first.'
      )
    const log = join(root, 'net.log')
    const guard = join(__dirname, 'net-guard.cjs')
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(process.cwd(), 'bin', 'inkprint.cjs'), 'check', classDir, '--workers', '2', '--format', 'jsonl'],
      {
        env: { ...process.env, NODE_OPTIONS: `--require ${guard}`, INKPRINT_NET_LOG: log },
        maxBuffer: 64 * 1024 * 1024
      }
    ).catch((err: { stdout: string; code: number }) => {
      // Exit code 1 means "a file failed" (truncated.pdf); anything else is a real failure.
      if (err.code !== 1) throw err
      return { stdout: err.stdout }
    })
    expect(stdout.trim().split('\n')).toHaveLength(CLASS.length)
    const threads = (await readFile(`${log}.threads`, 'utf8')).trim().split('\n').map(Number)
    expect(threads).toContain(0) // the main thread
    expect(threads.some((t) => t > 0)).toBe(true) // and at least one worker thread ran the guard
    const attempts = existsSync(log) ? (await readFile(log, 'utf8')).trim() : ''
    expect(attempts).toBe('')
    expect((await readdir(classDir)).sort()).toEqual([...CLASS].sort()) // and wrote nothing into the class
  }, 120_000)
})
