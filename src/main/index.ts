/**
 * Electron shell: lifecycle, one secure window, dialogs. The handler table is served by ipc.ts; logic lives elsewhere.
 */
import { app, BrowserWindow, dialog, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { EVENT_CHANNEL, type BatchEvent } from '../shared/api'
import { WorkerEngine } from '../pipeline/batch/worker-engine'
import { disableOrtTelemetry } from '../pipeline/ort-telemetry'
import { OFFLINE_CHROMIUM_SWITCHES } from '../pipeline/report/offline-switches'
import { createHandlers } from './handlers'
import { registerHandlers } from './ipc'
import { printHtmlWithElectron } from './print'
import { ReloadingEngine } from './reloading-engine'
import { documentPathsFromArgv, OpenRequests } from './open-requests'
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequest,
  secureWebPreferences
} from './security'

const devServerUrl = process.env.ELECTRON_RENDERER_URL
const appUrl = devServerUrl ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href
let mainWindow: BrowserWindow | null = null
const openRequests = new OpenRequests()

/** Brings the window forward; the renderer takes the open requests when it gains focus. */
function showWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

// One Inkprint at a time: "Open with…" on a running app hands its files to the window already open.
const primaryInstance = app.requestSingleInstanceLock()
if (!primaryInstance) app.quit()
app.on('second-instance', (_event, argv, workingDirectory) => {
  openRequests.add(documentPathsFromArgv(argv, workingDirectory, app.getAppPath()))
  showWindow()
})
// macOS delivers Finder's "Open with" and drops on the Dock icon as open-file, before or after ready.
app.on('open-file', (event, path) => {
  event.preventDefault()
  openRequests.add([path])
  showWindow()
})

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Inkprint',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js'))
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault()
  })
  win.webContents.on('will-redirect', (event) => event.preventDefault())
  void win.loadURL(appUrl)
  return win
}

function lockDownSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  // The spell-checker would download Hunspell dictionaries from Google's CDN.
  ses.setSpellCheckerEnabled(false)
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, { appUrl, devServerUrl }) })
  )
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  )
}

app.enableSandbox()
// Electron's own Chromium: no component updates, pings, background networking or host lookups (the renderer's
// requests are also filtered in lockDownSession), and ONNX Runtime without telemetry in this process and its workers.
for (const [name, value] of OFFLINE_CHROMIUM_SWITCHES) app.commandLine.appendSwitch(name, value)
disableOrtTelemetry()
app.whenReady().then(() => {
  if (!primaryInstance) return // quitting: the running Inkprint received our files via second-instance
  openRequests.add(documentPathsFromArgv(process.argv, process.cwd(), app.getAppPath()))
  lockDownSession()
  const userData = app.getPath('userData')
  const profilesDir = join(userData, 'profiles')
  // Read by check-worker.js: workers load the school's imported watermark profiles from here.
  process.env.INKPRINT_USER_PROFILES = profilesDir
  const engine = new ReloadingEngine(
    () =>
      new WorkerEngine({
        script: join(__dirname, 'check-worker.js'),
        workers: 2,
        timeoutMs: 60_000,
        maxHeapMb: 1024,
        // warm: a document dropped on the open window is checked at once, not after the models load
        warm: true
      })
  )
  const emit = (event: BatchEvent): void => mainWindow?.webContents.send(EVENT_CHANNEL, event)
  const pick = async (
    properties: ('openFile' | 'openDirectory' | 'multiSelections')[]
  ): Promise<string[]> => {
    if (!mainWindow) return []
    const res = await dialog.showOpenDialog(mainWindow, {
      properties,
      filters: properties.includes('openFile')
        ? [
            {
              name: 'Documents and submission archives',
              extensions: [
                'pdf',
                'docx',
                'odt',
                'rtf',
                'txt',
                'md',
                'markdown',
                'html',
                'htm',
                'zip',
                'png',
                'jpg',
                'jpeg',
                'tif',
                'tiff'
              ]
            }
          ]
        : undefined
    })
    return res.canceled ? [] : res.filePaths
  }
  const pickOne = async (options: Electron.OpenDialogOptions): Promise<string | null> => {
    if (!mainWindow) return null
    const res = await dialog.showOpenDialog(mainWindow, options)
    return res.canceled ? null : (res.filePaths[0] ?? null)
  }
  registerHandlers(
    createHandlers({
      emit,
      engine,
      storeDir: join(userData, 'results'),
      calibrationDir: join(userData, 'calibrations'),
      profilesDir,
      onProfilesImported: () => engine.reload(),
      pickFiles: () => pick(['openFile', 'multiSelections']),
      pickFolder: () => pick(['openDirectory', 'multiSelections']),
      pickReportFolder: () =>
        pickOne({ title: 'Save report in…', properties: ['openDirectory', 'createDirectory'] }),
      pickProfileFile: () =>
        pickOne({
          title: 'Import a watermark profile',
          properties: ['openFile'],
          filters: [{ name: 'Watermark profile', extensions: ['json'] }]
        }),
      printPdf: printHtmlWithElectron,
      takeOpenRequests: () => openRequests.take(),
      openFile: async (file, reveal) => {
        if (reveal) shell.showItemInFolder(file)
        else {
          const problem = await shell.openPath(file)
          if (problem) throw new Error(problem)
        }
      }
    }),
    { window: () => mainWindow, appUrl }
  )
  mainWindow = createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
  app.on('before-quit', () => void engine.close())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
