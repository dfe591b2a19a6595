/**
 * The worker-thread engine (built out/main/check-worker.js) under trouble: a file over the time limit is
 * reported as 'timeout' and the batch goes on; a heap cap too small is an error per file, not a crash;
 * cancelling stops the batch; a worker that died while idle does not swallow the next file.
 */
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkerEngine, type WorkerEngineOptions } from '../../../src/pipeline/batch/worker-engine'
import { makeFixtures } from '../../fixtures/make-fixtures.mjs'
import { runPaths } from './batch-helper'

const SCRIPT = join(process.cwd(), 'out', 'main', 'check-worker.js')
const FILES = ['essay.docx', 'essay.md', 'essay-utf8.txt', 'essay.rtf']
let root: string
let classDir: string

function engine(opts: Partial<WorkerEngineOptions>): WorkerEngine {
  return new WorkerEngine({ script: SCRIPT, workers: 1, timeoutMs: 60_000, maxHeapMb: 1024, ...opts })
}

beforeAll(async () => {
  if (!existsSync(SCRIPT))
    throw new Error(
      'out/main/check-worker.js is missing: run `npx electron-vite build` (npm run build) first.'
    )
  const fixtures = await makeFixtures()
  root = await mkdtemp(join(tmpdir(), 'inkprint-timeouts-'))
  classDir = join(root, 'class')
  await mkdir(classDir)
  for (const n of FILES) await copyFile(join(fixtures, n), join(classDir, n))
}, 60_000)

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('WorkerEngine', () => {
  it('reports files over the time limit as timeout, replaces the worker and finishes the batch', async () => {
    const tiny = engine({ timeoutMs: 1 })
    try {
      const run = await runPaths([classDir], tiny)
      expect(run.summary.done).toBe(FILES.length)
      expect(run.results.map((r) => r.error?.code)).toEqual(FILES.map(() => 'timeout'))
      expect(run.events.at(-1)?.type).toBe('batch-done')
    } finally {
      await tiny.close()
    }
    // The same files with a normal limit afterwards: nothing was left broken.
    const normal = engine({ workers: 2 })
    try {
      const run = await runPaths([classDir], normal)
      expect(run.results.map((r) => r.status).filter((s) => s === 'error')).toEqual([])
      expect(run.summary.done).toBe(FILES.length)
    } finally {
      await normal.close()
    }
  }, 90_000)

  it('reports a heap cap the checker cannot fit in as an error per file, and the batch goes on', async () => {
    const starved = engine({ maxHeapMb: 8 })
    try {
      const run = await runPaths([classDir], starved)
      expect(run.summary.done).toBe(FILES.length)
      for (const r of run.results) {
        expect(r.status).toBe('error')
        expect(['too-complex', 'internal']).toContain(r.error?.code)
      }
      expect(run.results.some((r) => r.error?.code === 'too-complex')).toBe(true)
    } finally {
      await starved.close()
    }
  }, 90_000)

  it('stops a batch when it is cancelled: no new file starts and the batch says cancelled', async () => {
    const eng = engine({})
    const controller = new AbortController()
    const startedAfterAbort: string[] = []
    try {
      const runPromise = runPaths([classDir], eng, { signal: controller.signal })
      // Abort as soon as the first file is underway, before the model has even loaded.
      await new Promise((r) => setTimeout(r, 50))
      controller.abort()
      const run = await runPromise
      for (const e of run.events.slice(1)) if (e.type === 'file-started') startedAfterAbort.push(e.path)
      expect(run.summary.cancelled).toBe(true)
      expect(run.summary.done).toBeLessThan(FILES.length)
      expect(startedAfterAbort).toEqual([])
      expect(run.events.at(-1)).toMatchObject({ type: 'batch-done', cancelled: true })
    } finally {
      await eng.close()
    }
  }, 60_000)

  it('a worker that died while idle does not hang or swallow the next file', async () => {
    const eng = engine({ timeoutMs: 45_000 })
    try {
      const first = await runPaths([join(classDir, 'essay.md')], eng)
      expect(first.results[0]?.status).not.toBe('error')
      // Reach into the pool (test only) and kill the idle worker, as an OS or a native crash would.
      const pool = (eng as unknown as { pool: { worker: Worker }[] }).pool
      expect(pool).toHaveLength(1)
      const dead = pool[0]?.worker as Worker
      await dead.terminate()
      const second = await runPaths([join(classDir, 'essay-utf8.txt')], eng)
      // Before the fix the file was posted to the dead worker and only the 45 s timeout ended the wait, with a
      // 'timeout' error: checked by outcome, not by the clock.
      expect(second.results[0]?.error?.code).not.toBe('timeout')
      expect(second.results[0]?.status).not.toBe('error')
      expect(pool[0]?.worker).not.toBe(dead)
    } finally {
      await eng.close()
    }
  }, 90_000)
})
