/**
 * The real preload (src/preload/index.ts), loaded against a stand-in for the electron module: it exposes exactly
 * the page's verbs (each on its own channel, never a generic send), delivers batch events, and turns dropped
 * files into grants only for File objects that are files on disk.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  API_CHANNELS,
  EVENT_CHANNEL,
  PAGE_VERBS,
  type BatchEvent,
  type InkprintApi
} from '../../../src/shared/api'
import { exposed, fileOnDisk, ipcMain, ipcRenderer, StandInBrowserWindow } from '../main/electron-stand-in'

vi.mock('electron', async () => (await import('../main/electron-stand-in')).electron)

let api: InkprintApi
/** The window whose page runs this preload: what main sends to its webContents reaches the preload. */
const win = new StandInBrowserWindow()

beforeAll(async () => {
  // main's side of every channel answers with the channel it was called on and what it received
  for (const channel of Object.values(API_CHANNELS))
    ipcMain.handle(channel, (_event, arg) => ({ ok: true, value: { channel, arg } }))
  await import('../../../src/preload/index')
  api = exposed.get('inkprint') as InkprintApi
})

describe('the preload', () => {
  it('exposes exactly the page verbs, onBatchEvent and grantDroppedFiles, as window.inkprint only', () => {
    expect([...exposed.keys()]).toEqual(['inkprint'])
    expect(Object.keys(api).sort()).toEqual([...PAGE_VERBS, 'grantDroppedFiles', 'onBatchEvent'].sort())
    // the page never gets the channel that grants a path it names
    expect(api).not.toHaveProperty('grantDroppedPaths')
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('sends each verb on its own channel with its argument', async () => {
    for (const verb of PAGE_VERBS) {
      const call = api[verb] as (arg: unknown) => Promise<unknown>
      const answer = await call({ probe: verb })
      expect(ipcRenderer.invoked.at(-1)).toEqual({ channel: API_CHANNELS[verb], args: [{ probe: verb }] })
      expect(answer).toEqual({ ok: true, value: { channel: API_CHANNELS[verb], arg: { probe: verb } } })
    }
  })

  it('delivers batch events to subscribers until they unsubscribe', () => {
    const seen: BatchEvent[] = []
    const stop = api.onBatchEvent((event) => seen.push(event))
    const event: BatchEvent = {
      type: 'file-started',
      batchId: 'b1',
      path: '/class/a.txt',
      index: 0,
      total: 2
    }
    win.webContents.send(EVENT_CHANNEL, event)
    win.webContents.send('some-other-channel', event)
    expect(seen).toEqual([event])
    stop()
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0)
    win.webContents.send(EVENT_CHANNEL, event)
    expect(seen).toHaveLength(1)
  })

  it('grants dropped files by their place on disk, and leaves out files the page made up', async () => {
    const real = fileOnDisk('/home/teacher/Year 10/Ava Chen.docx')
    const forged = new File(['x'], '/etc/passwd')
    const answer = await api.grantDroppedFiles([real, forged])
    expect(ipcRenderer.invoked.at(-1)).toEqual({
      channel: API_CHANNELS.grantDroppedPaths,
      args: [{ paths: ['/home/teacher/Year 10/Ava Chen.docx'] }]
    })
    expect(answer.ok).toBe(true)
    // nothing real dropped (or not Files at all): nothing is asked of main
    const before = ipcRenderer.invoked.length
    expect(await api.grantDroppedFiles([forged])).toEqual({ ok: true, value: [] })
    expect(await api.grantDroppedFiles([{ name: 'x' } as unknown as File])).toEqual({ ok: true, value: [] })
    expect(ipcRenderer.invoked).toHaveLength(before)
  })
})
