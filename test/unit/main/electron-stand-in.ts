/**
 * A small stand-in for the `electron` module, so that main's wiring (registration, sender checks, window and
 * session set-up) and the preload run in unit tests where no Electron binary exists. Use it with
 * `vi.mock('electron', async () => (await import('./electron-stand-in')).electron)`.
 *
 * It behaves as Electron does where our code relies on it: one handler per channel (a second registration
 * throws), invoke on a channel without a handler rejects, the renderer's calls carry the sending webContents and
 * frame, webContents.send reaches the renderer's listeners, and webUtils gives a path only for files on disk.
 */
type Listener = (...args: unknown[]) => void
type InvokeHandler = (event: StandInInvokeEvent, ...args: unknown[]) => unknown

export interface StandInInvokeEvent {
  sender: StandInWebContents
  senderFrame: StandInFrame | null
}

class Emitter {
  private readonly listeners = new Map<string, Set<Listener>>()
  on(name: string, listener: Listener): this {
    if (!this.listeners.has(name)) this.listeners.set(name, new Set())
    this.listeners.get(name)?.add(listener)
    return this
  }
  once(name: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(name, wrapped)
      listener(...args)
    }
    return this.on(name, wrapped)
  }
  removeListener(name: string, listener: Listener): this {
    this.listeners.get(name)?.delete(listener)
    return this
  }
  emit(name: string, ...args: unknown[]): boolean {
    const set = this.listeners.get(name)
    for (const listener of [...(set ?? [])]) listener(...args)
    return (set?.size ?? 0) > 0
  }
  listenerCount(name: string): number {
    return this.listeners.get(name)?.size ?? 0
  }
}

export class StandInFrame {
  constructor(public url: string) {}
}

export class StandInWebContents extends Emitter {
  readonly mainFrame = new StandInFrame('about:blank')
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  /** What main sent to this window's renderer: delivered to ipcRenderer listeners when the renderer is ours. */
  readonly sent: { channel: string; args: unknown[] }[] = []
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
    if (renderer.contents === this) renderer.deliver(channel, args)
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  /** A navigation attempt as Chromium reports it: true when a listener prevented it. */
  tryNavigate(url: string, event = 'will-navigate'): boolean {
    let prevented = false
    this.emit(event, { preventDefault: () => (prevented = true) }, url)
    if (!prevented) this.mainFrame.url = url
    return prevented
  }
}

export class StandInBrowserWindow extends Emitter {
  static readonly all: StandInBrowserWindow[] = []
  static getAllWindows(): StandInBrowserWindow[] {
    return StandInBrowserWindow.all.filter((w) => !w.destroyed)
  }
  readonly webContents = new StandInWebContents()
  destroyed = false
  shown = false
  constructor(readonly options: Record<string, unknown> = {}) {
    super()
    StandInBrowserWindow.all.push(this)
    // the first window is the one whose preload the test loads
    if (renderer.contents === null) renderer.contents = this.webContents
  }
  async loadURL(url: string): Promise<void> {
    this.webContents.mainFrame.url = url
    this.emit('ready-to-show')
  }
  show(): void {
    this.shown = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  focus(): void {}
  destroy(): void {
    this.destroyed = true
  }
}

const invokeHandlers = new Map<string, InvokeHandler>()

export const ipcMain = {
  handle(channel: string, handler: InvokeHandler): void {
    if (invokeHandlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    invokeHandlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    invokeHandlers.delete(channel)
  },
  /** Test helper: the channels that have a handler. */
  channels(): string[] {
    return [...invokeHandlers.keys()]
  },
  /** Test helper: a call as it arrives from `event`'s sender (Electron passes the event first). */
  async call(channel: string, event: StandInInvokeEvent, arg: unknown): Promise<unknown> {
    const handler = invokeHandlers.get(channel)
    if (!handler)
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`
      )
    return handler(event, arg)
  }
}

/** The renderer side: one page's preload, talking from `contents`' top frame. */
const renderer = {
  contents: null as StandInWebContents | null,
  listeners: new Map<string, Set<Listener>>(),
  invoked: [] as { channel: string; args: unknown[] }[],
  deliver(channel: string, args: unknown[]): void {
    for (const listener of [...(this.listeners.get(channel) ?? [])])
      listener({ sender: ipcRenderer }, ...args)
  }
}

interface StandInIpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: Listener): StandInIpcRenderer
  removeListener(channel: string, listener: Listener): StandInIpcRenderer
  invoked: { channel: string; args: unknown[] }[]
  listenerCount(channel: string): number
}

export const ipcRenderer: StandInIpcRenderer = {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    renderer.invoked.push({ channel, args })
    // Electron clones arguments between processes: no shared objects, no functions.
    const cloned = structuredClone(args)
    const contents = renderer.contents ?? new StandInWebContents()
    return ipcMain.call(channel, { sender: contents, senderFrame: contents.mainFrame }, cloned[0])
  },
  on(channel: string, listener: Listener): StandInIpcRenderer {
    if (!renderer.listeners.has(channel)) renderer.listeners.set(channel, new Set())
    renderer.listeners.get(channel)?.add(listener)
    return ipcRenderer
  },
  removeListener(channel: string, listener: Listener): StandInIpcRenderer {
    renderer.listeners.get(channel)?.delete(listener)
    return ipcRenderer
  },
  /** Test helper: every invoke the preload made, in order. */
  invoked: renderer.invoked,
  listenerCount(channel: string): number {
    return renderer.listeners.get(channel)?.size ?? 0
  }
}

export const exposed = new Map<string, unknown>()

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`)
    exposed.set(key, api)
  }
}

/** Files "on disk": File objects the test made for a real path. Any other File has no path, as in Electron. */
const filePaths = new WeakMap<object, string>()

export function fileOnDisk(path: string, content = 'essay'): File {
  const file = new File([content], path.split('/').pop() ?? path)
  filePaths.set(file, path)
  return file
}

export const webUtils = {
  getPathForFile(file: File): string {
    if (!(file instanceof File)) throw new TypeError('getPathForFile expects a File')
    return filePaths.get(file) ?? ''
  }
}

const appEvents = new Emitter()
const switches: [string, string | undefined][] = []

export const app = Object.assign(appEvents, {
  userData: '',
  switches,
  sandboxed: false,
  quitCalled: false,
  requestSingleInstanceLock: () => true,
  quit(): void {
    app.quitCalled = true
  },
  enableSandbox(): void {
    app.sandboxed = true
  },
  commandLine: {
    appendSwitch(name: string, value?: string): void {
      switches.push([name, value])
    }
  },
  whenReady: () => Promise.resolve(),
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`stand-in app.getPath: ${name}`)
    return app.userData
  },
  getAppPath: () => process.cwd()
})

/** What the open dialogs answer next (the test sets it). */
export const dialogAnswers: { filePaths: string[]; canceled: boolean }[] = []

export const dialog = {
  asked: [] as Record<string, unknown>[],
  async showOpenDialog(
    _window: unknown,
    options: Record<string, unknown>
  ): Promise<{ canceled: boolean; filePaths: string[] }> {
    dialog.asked.push(options)
    return dialogAnswers.shift() ?? { canceled: true, filePaths: [] }
  }
}

export const shell = {
  opened: [] as string[],
  async openPath(path: string): Promise<string> {
    shell.opened.push(path)
    return ''
  },
  showItemInFolder(path: string): void {
    shell.opened.push(path)
  }
}

type RequestFilter = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void
) => void

export const session = {
  defaultSession: {
    spellCheckerEnabled: true,
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    beforeRequest: null as null | RequestFilter,
    headersReceived: null as null | RequestFilter,
    setPermissionRequestHandler(
      handler: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void
    ) {
      session.defaultSession.permissionRequest = handler
    },
    setPermissionCheckHandler(handler: () => boolean) {
      session.defaultSession.permissionCheck = handler
    },
    setSpellCheckerEnabled(enabled: boolean) {
      session.defaultSession.spellCheckerEnabled = enabled
    },
    webRequest: {
      onBeforeRequest(filter: RequestFilter) {
        session.defaultSession.beforeRequest = filter
      },
      onHeadersReceived(filter: RequestFilter) {
        session.defaultSession.headersReceived = filter
      }
    }
  }
}

/** The module as `import … from 'electron'` sees it. */
export const electron = {
  app,
  BrowserWindow: StandInBrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  session,
  shell,
  webUtils,
  default: {} as Record<string, unknown>
}
electron.default = { ...electron }
