/**
 * The desktop app's worker-thread entry: the same as src/pipeline/batch/check-worker.ts, but its context also
 * holds the watermark profiles the school imported (folder in $INKPRINT_USER_PROFILES, set by main before the
 * pool starts). Built to out/main/app-check-worker.js; main's WorkerEngine starts it.
 */
import { parentPort } from 'node:worker_threads'
import { checkFile, type CheckContext } from '../pipeline/check'
import { errorFor, errorResult } from '../pipeline/result'
import { loadCheckContext } from '../pipeline/context'
import type { WorkerRequest } from '../pipeline/batch/check-worker'
import { describe } from '../pipeline/batch/in-process-engine'
import { loadContextWithUserProfiles } from '../pipeline/user-profiles'

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
