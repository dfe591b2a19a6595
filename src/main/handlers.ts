/**
 * The handler table behind every verb of the IPC contract. No electron import: Electron's ipcMain serves it in
 * the app, and the loopback test bridge serves the very same table to the renderer running in Chromium.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { ApiHandlers, ApiResult, BatchEvent, CheckOptions } from '../shared/api'
import type { CheckEngine } from '../pipeline/batch/engine'
import { InProcessEngine } from '../pipeline/batch/in-process-engine'
import { loadCheckContext } from '../pipeline/context'
import { runBatch } from '../pipeline/batch/runner'
import { ResultsStore } from '../pipeline/results-store'
import { INKPRINT_VERSION } from '../pipeline/version'
import { validateStartBatch } from './validate'

export interface HandlerDeps {
  emit: (event: BatchEvent) => void
  pickFiles: () => Promise<string[]>
  pickFolder: () => Promise<string[]>
  /** Where this machine keeps the current session's results (never uploaded). */
  storeDir: string
  /** Defaults to checking in this process with the shipped models (what the test bridge uses). */
  engine?: CheckEngine
  model?: () => Promise<{ name: string; version: string; sha256: string } | null>
}

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })

export function createHandlers(deps: HandlerDeps): ApiHandlers {
  const context = lazy(() => loadCheckContext())
  const engine = deps.engine ?? new InProcessEngine(context)
  const model =
    deps.model ??
    (async () => {
      const card = (await context()).detector?.card
      return card ? { name: card.name, version: card.version, sha256: card.sha256 } : null
    })
  const store = new ResultsStore(join(deps.storeDir, 'results.jsonl'))
  const running = new Map<string, AbortController>()

  return {
    appInfo: async () => ok({ version: INKPRINT_VERSION, model: await model(), platform: process.platform }),
    pickFiles: async () => ok(await deps.pickFiles()),
    pickFolder: async () => ok(await deps.pickFolder()),
    startBatch: async (arg) => {
      const request = validateStartBatch(arg)
      if (!request.ok) return request
      const batchId = randomUUID()
      const controller = new AbortController()
      running.set(batchId, controller)
      const options: CheckOptions & { includeText: boolean } = { ...request.value.options, includeText: true }
      const total = await new Promise<number>((resolve) => {
        void runBatch({
          batchId,
          paths: request.value.paths,
          options,
          engine,
          signal: controller.signal,
          onPlanned: resolve,
          onEvent: (event) => {
            if (event.type === 'file-done') void store.append(event.result)
            if (event.type === 'batch-done') running.delete(batchId)
            deps.emit(event)
          }
        })
      })
      return ok({ batchId, total })
    },
    cancelBatch: async (arg) => {
      const controller = typeof arg?.batchId === 'string' ? running.get(arg.batchId) : undefined
      if (!controller)
        return { ok: false, error: { code: 'unknown-batch', message: 'No running batch has that id.' } }
      controller.abort()
      return ok(null)
    },
    listResults: async () => ok(await store.readAll()),
    clearResults: async () => {
      await store.clear()
      return ok(null)
    }
  }
}

function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | null = null
  return () => (promise ??= load())
}
