/**
 * The app's real start-up (src/main/index.ts) and the real preload, run against a stand-in for the electron
 * module (no Electron binary here; test/e2e/electron.spec.ts drives the real one where it exists). The worker
 * pool is replaced by a stand-in engine; everything between the page and the pipeline is the app's own code:
 * window and session lock-down, channel registration, sender checks, dialogs, path grants, batch events.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { API_CHANNELS, type ApiResult, type BatchEvent, type InkprintApi } from '../../../src/shared/api'
import {
  app,
  dialog,
  dialogAnswers,
  exposed,
  fileOnDisk,
  ipcMain,
  session,
  StandInBrowserWindow
} from './electron-stand-in'

vi.mock('electron', async () => (await import('./electron-stand-in')).electron)
vi.mock('../../../src/pipeline/batch/worker-engine', async () => {
  const { standInResult } = await import('./stand-in')
  class StandInWorkerEngine {
    readonly slots = 1
    static checked: string[] = []
    async check(path: string) {
      StandInWorkerEngine.checked.push(path)
      return standInResult(path, { aiProbability: 0.2 })
    }
    async close() {}
  }
  return { WorkerEngine: StandInWorkerEngine }
})

const value = <T>(answer: ApiResult<T>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.value
}

let root: string
let win: StandInBrowserWindow
let api: InkprintApi
const events: BatchEvent[] = []
// src/main/index.ts finds the built renderer beside itself: ../renderer/index.html
const appUrl = pathToFileURL(join(process.cwd(), 'src/renderer/index.html')).href

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkprint-app-wiring-'))
  app.userData = join(root, 'userData')
  for (const name of ['chosen.txt', 'dropped.txt', 'opened.txt', 'secret.txt'])
    await writeFile(join(root, name), `essay ${name}`)
  await import('../../../src/main/index')
  await vi.waitFor(() => expect(StandInBrowserWindow.getAllWindows()).toHaveLength(1))
  win = StandInBrowserWindow.getAllWindows()[0]
  await import('../../../src/preload/index')
  api = exposed.get('inkprint') as InkprintApi
  api.onBatchEvent((event) => events.push(event))
})
afterAll(() => rm(root, { recursive: true, force: true }))

/** Runs a batch from the page and returns the paths of the results its events delivered. */
async function runBatch(ids: string[]): Promise<string[]> {
  const { batchId } = value(await api.startBatch({ ids, options: { operatingPoint: 'balanced' } }))
  await vi.waitFor(() =>
    expect(events.some((e) => e.type === 'batch-done' && e.batchId === batchId)).toBe(true)
  )
  return events.flatMap((e) => (e.type === 'file-done' && e.batchId === batchId ? [e.result.path] : []))
}

describe('main start-up', () => {
  it('locks down the app, the window and the session before the page loads', async () => {
    expect(app.sandboxed).toBe(true)
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: expect.stringMatching(/preload[\\/]index\.js$/)
    })
    expect(win.webContents.mainFrame.url).toBe(appUrl)
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    expect(win.webContents.tryNavigate('https://evil.example/')).toBe(true)
    expect(win.webContents.tryNavigate('file:///home/teacher/essay.html')).toBe(true)
    expect(win.webContents.mainFrame.url).toBe(appUrl)

    const ses = session.defaultSession
    expect(ses.spellCheckerEnabled).toBe(false)
    expect(ses.permissionCheck?.()).toBe(false)
    const cancelled = (url: string): boolean | undefined => {
      let answer: boolean | undefined
      ses.beforeRequest?.({ url }, (response) => (answer = response.cancel))
      return answer
    }
    expect(cancelled(appUrl)).toBe(false)
    expect(cancelled(new URL('assets/index.js', appUrl).href)).toBe(false)
    expect(cancelled(pathToFileURL(join(root, 'secret.txt')).href)).toBe(true)
    expect(cancelled('https://clients2.google.com/')).toBe(true)
    let headers: Record<string, string[]> | undefined
    ses.headersReceived?.({ url: appUrl, responseHeaders: {} }, (r) => (headers = r.responseHeaders))
    expect(headers?.['Content-Security-Policy']?.[0]).toContain("default-src 'self'")
  })

  it('serves every verb on its channel', () => {
    expect(ipcMain.channels().sort()).toEqual(Object.values(API_CHANNELS).sort())
  })
})

describe('the page, through the preload, drives the pipeline only with what main granted', () => {
  it('checks files chosen in the open dialog, by id, with progress events', async () => {
    dialogAnswers.push({ canceled: false, filePaths: [join(root, 'chosen.txt')] })
    const [chosen] = value(await api.pickFiles(null))
    expect(chosen).toMatchObject({ name: 'chosen.txt', path: join(root, 'chosen.txt') })
    expect(dialog.asked.at(-1)).toMatchObject({ properties: ['openFile', 'multiSelections'] })
    expect(await runBatch([chosen.id])).toEqual([join(root, 'chosen.txt')])
    expect(value(await api.listResults(null)).map((r) => r.path)).toContain(join(root, 'chosen.txt'))
  })

  it('checks dropped files on disk and what the OS asked to open', async () => {
    const [dropped] = value(await api.grantDroppedFiles([fileOnDisk(join(root, 'dropped.txt'))]))
    app.emit('open-file', { preventDefault: () => {} }, join(root, 'opened.txt'))
    const [opened] = value(await api.takeOpenRequests(null))
    expect(opened.path).toBe(join(root, 'opened.txt'))
    expect((await runBatch([dropped.id, opened.id])).sort()).toEqual(
      [join(root, 'dropped.txt'), join(root, 'opened.txt')].sort()
    )
  })

  it('refuses a path the page names, and a cancelled dialog grants nothing', async () => {
    const secret = join(root, 'secret.txt')
    const refused = await api.startBatch({ ids: [secret], options: { operatingPoint: 'balanced' } })
    expect(refused.ok === false && refused.error.code).toBe('invalid-request')
    const calibration = await api.startCalibration({ name: 'Y10', humanIds: [root] })
    expect(calibration.ok).toBe(false)
    expect(value(await api.pickFolder(null))).toEqual([])
    const { WorkerEngine } = (await import('../../../src/pipeline/batch/worker-engine')) as unknown as {
      WorkerEngine: { checked: string[] }
    }
    expect(WorkerEngine.checked).not.toContain(secret)
    expect(WorkerEngine.checked.length).toBeGreaterThanOrEqual(3)
  })
})
