import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { API_CHANNELS, EVENT_CHANNEL, type BatchEvent, type InkprintApi } from '../shared/api'

type Invokers = Omit<InkprintApi, 'onBatchEvent' | 'pathForFile'>

// One named function per verb of the contract; never a generic send(channel, …).
const invokers = Object.fromEntries(
  API_CHANNELS.map((channel) => [channel, (arg: unknown) => ipcRenderer.invoke(channel, arg)])
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
  pathForFile: (file: File) => webUtils.getPathForFile(file) || null
} satisfies InkprintApi

contextBridge.exposeInMainWorld('inkprint', api)
