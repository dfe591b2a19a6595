import { contextBridge, ipcRenderer, webUtils } from 'electron'
import {
  API_CHANNELS,
  EVENT_CHANNEL,
  PAGE_VERBS,
  type ApiResult,
  type BatchEvent,
  type GrantedPath,
  type InkprintApi,
  type PageVerb
} from '../shared/api'

type Invokers = Pick<InkprintApi, PageVerb>

// One named function per verb of the contract, each on its own channel; never a generic send(channel, …).
const invokers = Object.fromEntries(
  PAGE_VERBS.map((verb) => [verb, (arg: unknown) => ipcRenderer.invoke(API_CHANNELS[verb], arg)])
) as unknown as Invokers

const api = {
  ...invokers,
  onBatchEvent: (listener: (event: BatchEvent) => void) => {
    const wrapped = (_e: Electron.IpcRendererEvent, event: BatchEvent): void => listener(event)
    ipcRenderer.on(EVENT_CHANNEL, wrapped)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped)
    }
  },
  // Only here can a dropped File become a path: the page passes File objects and never sees this channel, so it
  // cannot ask main to grant a path it made up (a File it constructs itself has no path on disk).
  grantDroppedFiles: async (files: readonly File[]): Promise<ApiResult<GrantedPath[]>> => {
    const paths: string[] = []
    for (const file of Array.from(files ?? [])) {
      let path = ''
      try {
        path = webUtils.getPathForFile(file)
      } catch {
        // not a File: nothing to grant
      }
      if (path) paths.push(path)
    }
    if (paths.length === 0) return { ok: true, value: [] }
    return ipcRenderer.invoke(API_CHANNELS.grantDroppedPaths, { paths })
  }
} satisfies InkprintApi

contextBridge.exposeInMainWorld('inkprint', api)
