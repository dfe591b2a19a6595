/** A worker that scores with the real detector in a loop, every ONNX call through the gate (as check-worker does). */
import { parentPort, workerData } from 'node:worker_threads'
import { loadDetector } from '../../../../src/pipeline/detector'
import { installOrtGate, OrtGateClosed } from '../../../../src/pipeline/batch/ort-gate'
import { resourcesDir } from '../../../../src/pipeline/resources'
import { join } from 'node:path'

const { ortGate, gated } = workerData as { ortGate: SharedArrayBuffer; gated: boolean }
if (gated) installOrtGate(ortGate)
async function main(): Promise<void> {
  const detector = await loadDetector(join(resourcesDir(), 'models'))
  const n = 50_000
  const vector = {
    indices: Array.from({ length: n }, (_, i) => i * 7),
    values: new Float32Array(n).fill(0.01)
  }
  const busy = new Int32Array(ortGate)
  parentPort?.postMessage('ready')
  for (;;) {
    try {
      // Ungated runs mark themselves busy too, so the owner knows when a call is in flight either way.
      if (!gated) Atomics.store(busy, 0, 1)
      await detector.scoreVector(vector as never)
      if (!gated) Atomics.store(busy, 0, 0)
    } catch (error) {
      if (error instanceof OrtGateClosed) break
      throw error
    }
  }
}

void main()
