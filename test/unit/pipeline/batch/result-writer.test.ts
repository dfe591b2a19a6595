/** Results kept in order before anyone hears of them; the first failed write stops everything after it. */
import { describe, expect, it } from 'vitest'
import {
  describeWriteFailure,
  ResultWriter,
  type WriteFailure
} from '../../../../src/pipeline/batch/result-writer'
import { standInResult } from '../../main/stand-in'
import { storeFailingAfter } from './failing-store'

describe('ResultWriter', () => {
  it('saves in order, tells each step only after its result is kept, and stops at the first failed write', async () => {
    const store = storeFailingAfter(2)
    const failures: WriteFailure[] = []
    const told: string[] = []
    const writer = new ResultWriter(store, (f) => failures.push(f))
    for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt']) {
      const r = standInResult(`/class/${name}`, { aiProbability: 0.1 })
      writer.enqueue(r, () => {
        told.push(name)
      })
    }
    let last = false
    writer.finally(() => {
      last = true
    })
    await writer.idle()
    expect(store.kept).toEqual(['a.txt', 'b.txt'])
    expect(told).toEqual(['a.txt', 'b.txt'])
    expect(failures).toEqual([
      { reason: 'the disk is full', saved: 2, lastSaved: 'b.txt', failedOn: 'c.txt' }
    ])
    expect(writer.saved).toBe(2)
    expect(last).toBe(true)
    expect(describeWriteFailure(failures[0]!)).toBe(
      'could not be saved (the disk is full): 2 results were saved, the last b.txt; c.txt and any file after it were not'
    )
  })

  it('runs steps with nothing to save, and skips the write for a result already kept', async () => {
    const store = storeFailingAfter(0)
    const told: string[] = []
    const writer = new ResultWriter(store, () => told.push('failed'))
    writer.enqueue(null, () => {
      told.push('progress')
    })
    writer.enqueue(
      standInResult('/class/a.txt', { aiProbability: 0.1 }),
      () => {
        told.push('a.txt (reused)')
      },
      false
    )
    await writer.idle()
    expect(told).toEqual(['progress', 'a.txt (reused)'])
    expect(writer.failure).toBeNull()
  })

  it('names the case where nothing was saved', () => {
    expect(
      describeWriteFailure({ reason: 'permission denied', saved: 0, lastSaved: null, failedOn: 'a.txt' })
    ).toBe(
      'could not be saved (permission denied): no result was saved; a.txt and any file after it were not'
    )
  })
})
