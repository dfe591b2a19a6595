/**
 * The one IPC contract between the renderer and the engine host (Electron main, or the loopback test bridge).
 * The preload implements `InkprintApi` with `satisfies`; main registers `ApiHandlers` under `API_CHANNELS`.
 */
import type { DocumentResult, ErrorCode } from './types'

/** Every invoke returns data, never throws across the boundary. */
export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } }

export type ApiErrorCode = ErrorCode | 'invalid-request' | 'unknown-batch' | 'not-available'

export type OperatingPointName = 'strict' | 'balanced' | 'sensitive'

export interface CheckOptions {
  operatingPoint: OperatingPointName
  /** Watermark profile ids to test; empty means all enabled profiles. */
  profiles?: string[]
}

export interface BatchStarted {
  batchId: string
  /** Files found after expanding folders. */
  total: number
}

export type BatchEvent =
  | { type: 'file-started'; batchId: string; path: string; index: number; total: number }
  | { type: 'file-done'; batchId: string; index: number; total: number; done: number; result: DocumentResult }
  | {
      type: 'batch-done'
      batchId: string
      total: number
      done: number
      cancelled: boolean
      elapsedMs: number
    }

export interface AppInfo {
  version: string
  model: { name: string; version: string; sha256: string } | null
  platform: string
}

/** The request/response verbs. Each takes one JSON-serialisable argument. */
export interface InvokeApi {
  appInfo: (arg: null) => ApiResult<AppInfo>
  /** Opens a native dialog; returns chosen paths (empty when cancelled). */
  pickFiles: (arg: null) => ApiResult<string[]>
  pickFolder: (arg: null) => ApiResult<string[]>
  /** Starts checking files/folders; progress arrives as BatchEvents. */
  startBatch: (arg: { paths: string[]; options: CheckOptions }) => ApiResult<BatchStarted>
  cancelBatch: (arg: { batchId: string }) => ApiResult<null>
  /** Results kept from earlier sessions on this machine. */
  listResults: (arg: null) => ApiResult<DocumentResult[]>
  clearResults: (arg: null) => ApiResult<null>
}

export type InvokeChannel = keyof InvokeApi
export type InvokeArg<C extends InvokeChannel> = Parameters<InvokeApi[C]>[0]
export type InvokeReturn<C extends InvokeChannel> = ReturnType<InvokeApi[C]>

export const API_CHANNELS = [
  'appInfo',
  'pickFiles',
  'pickFolder',
  'startBatch',
  'cancelBatch',
  'listResults',
  'clearResults'
] as const satisfies readonly InvokeChannel[]

export const EVENT_CHANNEL = 'inkprint:batch-event'

/** The server side: one handler per verb. Served by Electron's ipcMain and by the test bridge alike. */
export type ApiHandlers = {
  [C in InvokeChannel]: (arg: InvokeArg<C>) => Promise<InvokeReturn<C>>
}

/** What the renderer sees on `window.inkprint`. */
export type InkprintApi = {
  [C in InvokeChannel]: (arg: InvokeArg<C>) => Promise<InvokeReturn<C>>
} & {
  /** Subscribes to batch events; returns the unsubscribe function. */
  onBatchEvent: (listener: (event: BatchEvent) => void) => () => void
  /** Resolves a dropped File to its path on disk (Electron webUtils); null in a plain browser. */
  pathForFile: (file: File) => string | null
}
