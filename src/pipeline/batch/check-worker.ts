/**
 * Worker-thread entry: loads the models once, then checks one file per message.
 * Built to out/main/check-worker.js; the pool in worker-engine.ts starts it (CLI and desktop app alike).
 * When $INKPRINT_USER_PROFILES names a folder (the app sets it before its pool starts), the context also holds
 * the watermark profiles the school imported there.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { checkFile, type CheckContext } from '../check'
import { errorFor, errorResult } from '../result'
import { loadCheckContext } from '../context'
import { loadContextWithUserProfiles } from '../user-profiles'
import type { PortableCheckOptions } from './engine'
import { describe } from './in-process-engine'
import { installOrtGate } from './ort-gate'

// Every ONNX Runtime call passes this gate, so the pool can stop this thread without aborting the process.
installOrtGate((workerData as { ortGate?: SharedArrayBuffer } | null)?.ortGate)

export interface WorkerRequest {
  id: number
  path: string
  options: PortableCheckOptions
}

let context: Promise<CheckContext> | null = null

function load(): Promise<CheckContext> {
  const userDir = process.env.INKPRINT_USER_PROFILES
  return userDir ? loadContextWithUserProfiles(userDir) : loadCheckContext()
}

parentPort?.on('message', async (req: WorkerRequest) => {
  context ??= load()
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
