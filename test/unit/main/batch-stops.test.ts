/**
 * The app's batch when the results file cannot be written (disk full): the batch stops at the first failed write,
 * the window hears only of results that were kept, and the last event says what was saved.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BatchEvent } from '../../../src/shared/api'
import { createHandlers } from '../../../src/main/handlers'
import type { CheckEngine } from '../../../src/pipeline/batch/engine'
import { ResultsStore } from '../../../src/pipeline/results-store'
import { storeFailingAfter } from '../pipeline/batch/failing-store'
import { grantedIds, standInResult } from './stand-in'

const engine: CheckEngine = {
  slots: 1,
  check: async (path) => standInResult(path, { aiProbability: 0.2 }),
  close: async () => {}
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('a batch whose results cannot be saved', () => {
  it('stops at the failed write, shows only what was kept, and names what was saved', async () => {
    const root = await mkdtemp(join(tmpdir(), 'inkprint-stops-'))
    try {
      const folder = join(root, 'class')
      await mkdir(folder)
      for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'])
        await writeFile(join(folder, name), name)
      const failing = storeFailingAfter(2)
      vi.spyOn(ResultsStore.prototype, 'append').mockImplementation(failing.append)
      const events: BatchEvent[] = []
      const handlers = createHandlers({
        emit: (e) => events.push(e),
        pickFiles: async () => [],
        pickFolder: async () => [],
        storeDir: join(root, 'store'),
        engine
      })
      const started = await handlers.startBatch({
        ids: await grantedIds(handlers, [folder]),
        options: { operatingPoint: 'balanced' }
      })
      expect(started.ok).toBe(true)
      await expect.poll(() => events.some((e) => e.type === 'batch-done')).toBe(true)

      const shown = events.flatMap((e) => (e.type === 'file-done' ? [e.result.fileName] : []))
      expect(shown).toEqual(failing.kept)
      expect(shown).toEqual(['a.txt', 'b.txt'])
      const done = events.find((e) => e.type === 'batch-done')
      expect(done).toMatchObject({ type: 'batch-done', done: 2 })
      expect(done?.type === 'batch-done' && done.stopped).toBe(
        'Checking stopped: a result could not be saved (the disk is full): 2 results were saved, the last b.txt; c.txt and any file after it were not.'
      )
      // the batch-done event is the last one: nothing is said after it
      expect(events[events.length - 1]).toBe(done)
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
