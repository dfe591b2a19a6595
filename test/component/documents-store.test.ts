import { describe, expect, it } from 'vitest'
import { InkprintClient } from '../../src/renderer/src/lib/services/inkprint-client'
import { DocumentsStore } from '../../src/renderer/src/lib/stores/documents.svelte'
import { NavigationStore } from '../../src/renderer/src/lib/stores/navigation.svelte'
import { SettingsStore } from '../../src/renderer/src/lib/stores/settings.svelte'
import { createFakeApi, granted } from './fake-api'
import { corruptFile, scoredEssay, unscoredEssay } from './sample-results'

function setup(options: Parameters<typeof createFakeApi>[0] = {}) {
  const api = createFakeApi(options)
  const settings = new SettingsStore(null)
  const navigation = new NavigationStore()
  const flushes: (() => void)[] = []
  let clock = 1000
  const store = new DocumentsStore(
    new InkprintClient(api),
    settings,
    navigation,
    (f) => flushes.push(f),
    () => clock
  )
  store.connect()
  return { api, settings, navigation, store, flushes, tick: (ms: number) => (clock += ms) }
}

describe('DocumentsStore', () => {
  it('starts a batch with the chosen operating point and shows the table for many files', async () => {
    const { api, settings, navigation, store } = setup({ picked: ['/a.docx', '/b.pdf'] })
    settings.setOperatingPoint('strict')
    await store.openFiles()
    expect(api.calls.find((c) => c.channel === 'startBatch')?.arg).toEqual({
      ids: ['grant:/a.docx', 'grant:/b.pdf'],
      options: { operatingPoint: 'strict' }
    })
    expect(store.running).toBe(true)
    expect(navigation.view).toBe('table')
  })

  it('coalesces results per frame and keeps failed files', async () => {
    const { api, store, flushes, tick } = setup()
    await store.checkGranted([granted('/class')])
    api.emit({ type: 'file-done', batchId: 'batch-1', index: 0, total: 4, done: 1, result: scoredEssay })
    tick(2000)
    api.emit({ type: 'file-done', batchId: 'batch-1', index: 1, total: 4, done: 2, result: corruptFile })
    expect(store.results).toHaveLength(0)
    expect(flushes).toHaveLength(1)
    flushes[0]()
    expect(store.results.map((r) => r.fileName)).toEqual([scoredEssay.fileName, corruptFile.fileName])
    expect(store.batch).toMatchObject({ done: 2, total: 4, running: true })
    api.emit({ type: 'batch-done', batchId: 'batch-1', total: 4, done: 2, cancelled: true, elapsedMs: 2100 })
    expect(store.batch).toMatchObject({ running: false, cancelled: true, elapsedMs: 2100 })
  })

  it('says why a batch stopped when its results could not be saved', async () => {
    const { api, store } = setup()
    await store.checkGranted([granted('/class')])
    api.emit({ type: 'file-done', batchId: 'batch-1', index: 0, total: 4, done: 1, result: scoredEssay })
    const stopped =
      'Checking stopped: a result could not be saved (the disk is full): 1 result was saved, the last essay.docx; b.pdf and any file after it were not.'
    api.emit({
      type: 'batch-done',
      batchId: 'batch-1',
      total: 4,
      done: 1,
      cancelled: true,
      elapsedMs: 900,
      stopped
    })
    expect(store.batch).toMatchObject({ running: false, stopped, done: 1 })
    expect(store.message).toBe(stopped)
  })

  it('estimates time left from the pace after the first file (start-up excluded), once a few files are done', async () => {
    const { api, store, tick } = setup()
    await store.checkGranted([granted('/class')])
    const done = (n: number): void =>
      api.emit({
        type: 'file-done',
        batchId: 'batch-1',
        index: n - 1,
        total: 20,
        done: n,
        result: scoredEssay
      })
    tick(8000) // workers and the model starting: not per-file work
    done(1)
    expect(store.remainingMs).toBeNull()
    tick(500)
    done(2)
    tick(500)
    done(3)
    expect(store.remainingMs).toBeNull() // two files after the first: still settling
    tick(500)
    done(4)
    // 3 files in 1.5 s since the first → 0.5 s a file, 16 left; the 8 s start-up is not counted.
    expect(store.remainingMs).toBe(8000)
  })

  it('removes one row or a class with undo, and re-judges when a setting changes', async () => {
    const { api, store, settings, navigation } = setup({ previous: [scoredEssay, corruptFile] })
    await store.loadPrevious()
    navigation.showTable()
    await store.remove([scoredEssay.path], 'Removed Priya Patel')
    expect(store.results.map((r) => r.path)).toEqual([corruptFile.path])
    expect(store.undoable?.label).toBe('Removed Priya Patel')
    await store.undo()
    expect(store.results.map((r) => r.path).sort()).toEqual([scoredEssay.path, corruptFile.path].sort())
    expect(store.undoable).toBeNull()
    settings.setOperatingPoint('strict')
    await Promise.resolve()
    const rejudge = api.calls.find((c) => c.channel === 'rejudgeResults')
    expect(rejudge?.arg).toEqual({ paths: [scoredEssay.path], options: { operatingPoint: 'strict' } })
  })

  it('keeps a review mark and note with the result', async () => {
    const { store } = setup({ previous: [scoredEssay] })
    await store.loadPrevious()
    expect(await store.setReview(scoredEssay.path, true, 'Talked on Monday')).toBe(true)
    expect(store.find(scoredEssay.path)?.review).toMatchObject({ reviewed: true, note: 'Talked on Monday' })
  })

  it('adopts the batch id from events that arrive before startBatch answers, ignores other batches', async () => {
    const { api, store, flushes } = setup({ batchId: 'late-id' })
    const started = store.checkGranted([granted('/x.txt'), granted('/y.txt')])
    api.emit({ type: 'file-started', batchId: 'late-id', path: '/x.txt', index: 0, total: 2 })
    await started
    api.emit({ type: 'file-done', batchId: 'other', index: 0, total: 9, done: 1, result: unscoredEssay })
    expect(store.batch).toMatchObject({ id: 'late-id', total: 2, done: 0, currentFile: 'x.txt' })
    expect(flushes).toHaveLength(0)
  })

  it('opens the document when a single file finishes, and cancels by id', async () => {
    const { api, navigation, store } = setup()
    await store.checkGranted([granted('/one.docx')])
    await store.cancel()
    expect(api.calls.find((c) => c.channel === 'cancelBatch')?.arg).toEqual({ batchId: 'batch-1' })
    api.runBatch('batch-1', [scoredEssay])
    expect(navigation.view).toBe('document')
    expect(navigation.selectedPath).toBe(scoredEssay.path)
  })

  it('has dropped files granted through the bridge, checks them by id, and reports drops it cannot open', async () => {
    const { api, store } = setup()
    await store.checkDroppedFiles([new File(['x'], 'essay.docx')])
    expect(api.calls.find((c) => c.channel === 'grantDroppedFiles')?.arg).toEqual(['essay.docx'])
    expect(api.calls.find((c) => c.channel === 'startBatch')?.arg).toMatchObject({
      ids: ['grant:/dropped/essay.docx']
    })

    // Items with no place on this computer (dragged from a web page) get no grant: nothing is checked.
    const fromWeb = setup()
    fromWeb.api.grantDroppedFiles = async () => ({ ok: true, value: [] })
    await fromWeb.store.checkDroppedFiles([new File(['x'], 'page.html')])
    expect(fromWeb.store.message).toMatch(/could not be opened/)
    expect(fromWeb.api.calls.some((c) => c.channel === 'startBatch')).toBe(false)

    const offline = new DocumentsStore(
      new InkprintClient(undefined),
      new SettingsStore(null),
      new NavigationStore()
    )
    await offline.checkDroppedFiles([new File(['x'], 'essay.docx')])
    expect(offline.message).toMatch(/not connected/)
    await offline.openFiles()
    expect(offline.message).toMatch(/not connected/)
  })
})

describe('SettingsStore', () => {
  it('persists the operating point and ignores damaged entries', () => {
    const saved = new Map<string, string>()
    const storage = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => void saved.set(k, v)
    } as unknown as Storage
    new SettingsStore(storage).setOperatingPoint('sensitive')
    expect(new SettingsStore(storage).operatingPoint).toBe('sensitive')
    saved.set('inkprint.settings', '{not json')
    expect(new SettingsStore(storage).operatingPoint).toBe('balanced')
  })
})
