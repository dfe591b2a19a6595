/**
 * Serves the handler table on Electron's ipcMain: one channel per verb (API_CHANNELS), and every call checked
 * to come from our window's top frame showing the app itself. Kept apart from app start-up so that a unit test
 * can run it against a stand-in for the electron module.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { API_CHANNELS, API_VERBS, type ApiHandlers, type ApiResult } from '../shared/api'
import { isAllowedNavigation } from './security'

export interface IpcWindow {
  /** The one window allowed to call in (null before it exists or after it closed). */
  window: () => BrowserWindow | null
  /** The page that window shows (file:// of the built renderer, or the dev server). */
  appUrl: string
}

const refused = (message: string): ApiResult<never> => ({
  ok: false,
  error: { code: 'invalid-request', message }
})

/**
 * Only our own window's top frame, showing the app's own page, may call in: not another window, not a subframe,
 * not a page the window was somehow navigated to.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, target: IpcWindow): boolean {
  const win = target.window()
  if (!win || win.isDestroyed()) return false
  const frame = event.senderFrame
  return (
    event.sender === win.webContents &&
    frame !== null &&
    frame === win.webContents.mainFrame &&
    isAllowedNavigation(frame.url, target.appUrl)
  )
}

/** Registers every verb's handler; returns the function that removes them all again. */
export function registerHandlers(handlers: ApiHandlers, target: IpcWindow): () => void {
  for (const verb of API_VERBS) {
    const handler = handlers[verb] as (arg: unknown) => Promise<unknown>
    ipcMain.handle(API_CHANNELS[verb], async (event, arg: unknown) => {
      if (!isTrustedSender(event, target)) return refused('Unknown sender.')
      try {
        return await handler(arg)
      } catch (error) {
        // Handlers answer with data; an unexpected throw still crosses the boundary as data, never as a rejection.
        const message = error instanceof Error ? error.message : String(error)
        return { ok: false, error: { code: 'internal', message } }
      }
    })
  }
  return () => {
    for (const verb of API_VERBS) ipcMain.removeHandler(API_CHANNELS[verb])
  }
}
