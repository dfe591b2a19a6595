/**
 * Point 8 (issue 17): stopping a worker while ONNX Runtime is mid-call used to abort the whole process (exit 134,
 * "terminate called after throwing an instance of 'Napi::Error'"), and workers live in the app's main process.
 * ort-stop/owner.mts stops real detector workers exactly while a call is in flight, in a child process so a crash
 * is observed rather than suffered: through the gate (as WorkerEngine does) it survives every round; terminating
 * at once (the old way) is shown to crash, so this test can fail.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const OWNER = join(__dirname, 'ort-stop', 'owner.mts')

function runOwner(mode: 'gated' | 'raw', rounds: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    execFile(
      'node',
      ['--import', 'tsx', OWNER, mode, String(rounds)],
      { timeout: 240_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, out: stdout + stderr })
    )
  })
}

describe('stopping a worker mid-inference', () => {
  it('through the ONNX gate, the process survives every stop', async () => {
    const { code, out } = await runOwner('gated', 6)
    expect(out).toContain('survived 6')
    expect(code).toBe(0)
  }, 250_000)

  // The control shows the harness can see the crash: whether a stop lands inside an ONNX call is a matter of
  // timing (on an idle machine 20 raw stops can all miss), so it runs on request only:
  // INKPRINT_WORKER_STOP_CONTROL=1 npx vitest run test/unit/hardening/worker-stop
  it.runIf(process.env.INKPRINT_WORKER_STOP_CONTROL === '1')(
    'control: terminating during an ONNX call without the gate aborts the process',
    async () => {
      const { code, out } = await runOwner('raw', 20)
      expect(out).not.toContain('survived')
      expect(code).not.toBe(0)
    },
    250_000
  )
})
