/**
 * Checking never changes a student's file: after a full batch over every generated and static fixture, each
 * file has the same sha256, size and mtime, and no file appeared (or vanished) next to them.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { expect, it } from 'vitest'
import { loadCheckContext } from '../../../src/pipeline/context'
import { makeFixtures, STATIC_DIR } from '../../fixtures/make-fixtures.mjs'
import { runPaths } from './batch-helper'

interface Snapshot {
  sha256: string
  size: number
  mtimeMs: number
}

async function snapshot(dirs: string[]): Promise<Map<string, Snapshot>> {
  const out = new Map<string, Snapshot>()
  for (const dir of dirs) {
    for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue
      const path = join(entry.parentPath, entry.name)
      const info = await stat(path)
      const sha256 = createHash('sha256')
        .update(await readFile(path))
        .digest('hex')
      out.set(path, { sha256, size: info.size, mtimeMs: info.mtimeMs })
    }
  }
  return out
}

it('a full batch leaves every fixture byte-for-byte unchanged and writes nothing next to them', async () => {
  const generated = await makeFixtures()
  const dirs = [generated, STATIC_DIR]
  const before = await snapshot(dirs)
  expect(before.size).toBeGreaterThan(30)
  const run = await runPaths(dirs, () => loadCheckContext(), { includeText: true })
  expect(run.events.at(-1)?.type).toBe('batch-done')
  // Every supported fixture was really opened: hostile ones end in coded errors, the rest in results.
  expect(run.summary.done).toBe(run.summary.total)
  const handled = new Set([...run.results.map((r) => r.path), ...run.summary.skipped])
  const visible = [...before.keys()].filter((p) => !basename(p).startsWith('.'))
  expect(visible.filter((p) => !handled.has(p))).toEqual([])
  expect(run.results.filter((r) => r.status !== 'error').length).toBeGreaterThan(10)
  const after = await snapshot(dirs)
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
  for (const [path, snap] of before) expect(after.get(path), path).toEqual(snap)
}, 120_000)
