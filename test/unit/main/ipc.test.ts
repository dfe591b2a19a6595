/**
 * Main's IPC wiring, run against a stand-in for the electron module (no Electron binary here): every verb of the
 * contract gets its own channel and handler, calls reach the right handler, and only our window's top frame,
 * showing the app's own page, may call in.
 */
import type { BrowserWindow } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { API_CHANNELS, API_VERBS, type ApiHandlers, type InvokeChannel } from '../../../src/shared/api'
import { registerHandlers } from '../../../src/main/ipc'
import {
  ipcMain,
  StandInBrowserWindow,
  StandInFrame,
  StandInWebContents,
  type StandInInvokeEvent
} from './electron-stand-in'

vi.mock('electron', async () => (await import('./electron-stand-in')).electron)

const appUrl = 'file:///opt/inkprint/resources/app/out/renderer/index.html'

/** A handler table that answers any verb by recording it: registration is not told which verbs exist. */
function recordingHandlers(): { handlers: ApiHandlers; calls: { verb: string; arg: unknown }[] } {
  const calls: { verb: string; arg: unknown }[] = []
  const handlers = new Proxy({} as ApiHandlers, {
    get: (_target, verb) => async (arg: unknown) => {
      calls.push({ verb: String(verb), arg })
      if (verb === 'appInfo' && arg === 'throw') throw new Error('handler blew up')
      return { ok: true, value: `answered ${String(verb)}` }
    }
  })
  return { handlers, calls }
}

/** main/ipc.ts sees the stand-in as Electron's BrowserWindow (the parts it uses are there). */
const asWindow = (win: StandInBrowserWindow | null): BrowserWindow | null =>
  win as unknown as BrowserWindow | null

function openWindow(): StandInBrowserWindow {
  const win = new StandInBrowserWindow()
  void win.loadURL(appUrl)
  return win
}

const from = (win: StandInBrowserWindow): StandInInvokeEvent => ({
  sender: win.webContents,
  senderFrame: win.webContents.mainFrame
})

describe('registerHandlers', () => {
  it('registers one channel per verb, exactly the channels of API_CHANNELS, and routes each call to its verb', async () => {
    const win = openWindow()
    const { handlers, calls } = recordingHandlers()
    const unregister = registerHandlers(handlers, { window: () => asWindow(win), appUrl })
    try {
      expect(ipcMain.channels().sort()).toEqual(Object.values(API_CHANNELS).sort())
      expect(ipcMain.channels()).toHaveLength(API_VERBS.length)
      for (const verb of Object.keys(API_CHANNELS) as InvokeChannel[]) {
        const answer = await ipcMain.call(API_CHANNELS[verb], from(win), { probe: verb })
        expect(answer).toEqual({ ok: true, value: `answered ${verb}` })
        expect(calls.at(-1)).toEqual({ verb, arg: { probe: verb } })
      }
      expect(calls).toHaveLength(API_VERBS.length)
      // Electron allows one handler per channel: registering the table twice is a bug that must show.
      expect(() => registerHandlers(handlers, { window: () => asWindow(win), appUrl })).toThrow(
        /second handler/
      )
    } finally {
      unregister()
    }
    expect(ipcMain.channels()).toEqual([])
  })

  it('answers an unexpected throw with data, never a rejection', async () => {
    const win = openWindow()
    const unregister = registerHandlers(recordingHandlers().handlers, { window: () => asWindow(win), appUrl })
    try {
      expect(await ipcMain.call(API_CHANNELS.appInfo, from(win), 'throw')).toEqual({
        ok: false,
        error: { code: 'internal', message: 'handler blew up' }
      })
    } finally {
      unregister()
    }
  })
})

describe('the sender check', () => {
  it('refuses another window, a subframe, a foreign page in our window, and calls before or after the window', async () => {
    const win = openWindow()
    let current: StandInBrowserWindow | null = null
    const { handlers, calls } = recordingHandlers()
    const unregister = registerHandlers(handlers, { window: () => asWindow(current), appUrl })
    const refused = { ok: false, error: { code: 'invalid-request', message: 'Unknown sender.' } }
    const channel = API_CHANNELS.startBatch
    try {
      // no window yet
      expect(await ipcMain.call(channel, from(win), {})).toEqual(refused)
      current = win
      expect(await ipcMain.call(channel, from(win), {})).toEqual({ ok: true, value: 'answered startBatch' })
      const other = openWindow()
      expect(await ipcMain.call(channel, from(other), {})).toEqual(refused)
      // a frame inside our page (an iframe), even one showing the app's own URL
      const subframe = { sender: win.webContents, senderFrame: new StandInFrame(appUrl) }
      expect(await ipcMain.call(channel, subframe, {})).toEqual(refused)
      expect(await ipcMain.call(channel, { sender: win.webContents, senderFrame: null }, {})).toEqual(refused)
      // another webContents claiming our frame
      expect(
        await ipcMain.call(
          channel,
          { sender: new StandInWebContents(), senderFrame: win.webContents.mainFrame },
          {}
        )
      ).toEqual(refused)
      // our top frame, but showing another page (navigation is blocked; this is the second line of defence)
      for (const url of [
        'https://evil.example/',
        'file:///home/teacher/Downloads/page.html',
        'data:text/html,x'
      ]) {
        win.webContents.mainFrame.url = url
        expect(await ipcMain.call(channel, from(win), {}), url).toEqual(refused)
      }
      win.webContents.mainFrame.url = `${appUrl}#/table`
      expect(await ipcMain.call(channel, from(win), {})).toEqual({ ok: true, value: 'answered startBatch' })
      win.destroy()
      expect(await ipcMain.call(channel, from(win), {})).toEqual(refused)
      expect(calls.filter((c) => c.verb === 'startBatch')).toHaveLength(2)
    } finally {
      unregister()
    }
  })
})
