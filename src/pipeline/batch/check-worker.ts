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
import { loadPdfjs } from '../extract/pdf'
import { installOrtGate } from './ort-gate'

// Every ONNX Runtime call passes this gate, so the pool can stop this thread without aborting the process.
installOrtGate((workerData as { ortGate?: SharedArrayBuffer } | null)?.ortGate)

export interface WorkerRequest {
  id: number
  path: string
  options: PortableCheckOptions
}

function load(): Promise<CheckContext> {
  const userDir = process.env.INKPRINT_USER_PROFILES
  return userDir ? loadContextWithUserProfiles(userDir) : loadCheckContext()
}

// Start-up begins as soon as the worker exists, not when its first file arrives. A warm worker (the app's pool,
// started with the window) also imports the PDF reader ahead of time; a one-off CLI worker imports it only for a
// PDF. A failure of either is reported with the first file that needs it.
const context: Promise<CheckContext> = load()
context.catch(() => {})
if ((workerData as { warm?: boolean } | null)?.warm) void context.then(() => loadPdfjs()).catch(() => {})

parentPort?.on('message', async (req: WorkerRequest) => {
  try {
    const result = await checkFile(req.path, await context, {
      ...req.options,
      onProgress: (progress) => parentPort?.postMessage({ id: req.id, progress })
    })
    parentPort?.postMessage({ id: req.id, result })
  } catch (err) {
    const result = errorResult(
      req.path,
      errorFor('internal', `Inkprint failed on this file: ${describe(err)}`)
    )
    parentPort?.postMessage({ id: req.id, result })
  }
})
