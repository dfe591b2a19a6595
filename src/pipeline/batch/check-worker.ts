/**
 * Worker-thread entry: loads the models once, then checks one file per message.
 * Built to out/main/check-worker.js; the pool in worker-engine.ts starts it.
 */
import { parentPort } from 'node:worker_threads'
import { checkFile, type CheckContext } from '../check'
import { errorFor, errorResult } from '../result'
import { loadCheckContext } from '../context'
import type { PortableCheckOptions } from './engine'
import { describe } from './in-process-engine'

export interface WorkerRequest {
  id: number
  path: string
  options: PortableCheckOptions
}

let context: Promise<CheckContext> | null = null

parentPort?.on('message', async (req: WorkerRequest) => {
  context ??= loadCheckContext()
  try {
    const result = await checkFile(req.path, await context, req.options)
    parentPort?.postMessage({ id: req.id, result })
  } catch (err) {
    const result = errorResult(
      req.path,
      errorFor('internal', `Inkprint failed on this file: ${describe(err)}`)
    )
    parentPort?.postMessage({ id: req.id, result })
  }
})
