/**
 * Starts a detector worker, waits until an ONNX call is in flight, and stops the worker — `rounds` times. With
 * "gated" it stops it the way WorkerEngine does (close the gate, then terminate); with "raw" it terminates at
 * once (the old way, which aborts the process). Prints "survived N" when the process lives through all rounds.
 */
import { Worker } from 'node:worker_threads'
import { closeOrtGate, newOrtGate, ortGateBusy } from '../../../../src/pipeline/batch/ort-gate'

const mode = process.argv[2] === 'raw' ? 'raw' : 'gated'
const rounds = Number(process.argv[3] ?? 5)
process.env.ORT_DISABLE_TELEMETRY = '1'

async function round(): Promise<void> {
  const ortGate = newOrtGate()
  const worker = new Worker(new URL('./worker.cjs', import.meta.url), {
    workerData: { ortGate, gated: mode === 'gated' }
  })
  worker.on('error', (e) => {
    process.stderr.write(`worker error: ${String(e)}\n`)
  })
  await new Promise<void>((resolve) => worker.once('message', () => resolve()))
  // Wait for a call to be in flight: stopping now is what used to crash.
  while (!ortGateBusy(ortGate)) await new Promise((r) => setImmediate(r))
  if (mode === 'gated') await closeOrtGate(ortGate)
  await worker.terminate()
}

for (let i = 0; i < rounds; i++) await round()
process.stdout.write(`survived ${rounds}\n`)
