import { appendFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ResultsStore } from '../../../src/pipeline/results-store'
import { errorFor, errorResult } from '../../../src/pipeline/result'

const result = (path: string, sha: string | null, status: 'ok' | 'error' = 'ok') => ({
  ...errorResult(path, errorFor('corrupt', 'x')),
  status,
  error: status === 'error' ? errorFor('corrupt', 'x') : null,
  sha256: sha
})

describe('ResultsStore (append-only JSON Lines)', () => {
  it('appends, reads back, and survives a torn last line', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'inkprint-store-')), 'r.jsonl')
    const store = new ResultsStore(file)
    expect(await store.readAll()).toEqual([])
    await store.append(result('/a.docx', 'aa'))
    await store.append(result('/b.docx', 'bb', 'error'))
    await appendFile(file, '{"schemaVersion":2,"path":"/c.do') // crash mid-write
    const all = await store.readAll()
    expect(all.map((r) => r.path)).toEqual(['/a.docx', '/b.docx'])
    const finished = await store.finishedByHash()
    expect([...finished.keys()]).toEqual(['aa']) // failed files are retried on resume
    await store.clear()
    expect(await store.readAll()).toEqual([])
  })

  it('keeps the latest result for a path', async () => {
    const store = new ResultsStore(join(await mkdtemp(join(tmpdir(), 'inkprint-store-')), 'r.jsonl'))
    await store.append(result('/a.docx', 'v1', 'error'))
    await store.append(result('/a.docx', 'v2'))
    expect((await store.readAll()).map((r) => r.sha256)).toEqual(['v2'])
  })
})
