/**
 * Stopping a worker thread while ONNX Runtime is inside a native call (session.run, create, release) aborts the
 * whole process ("terminate called after throwing an instance of 'Napi::Error'"), and workers live in the app's
 * main process. So every ONNX call in a worker passes through a gate, one Int32 shared with the thread that owns
 * the worker: IDLE → BUSY while a call runs, and the owner closes the gate (IDLE → CLOSED) before terminating.
 * A closed gate refuses new calls; a busy one is waited for (the call is bounded: documents are capped in words).
 */
const IDLE = 0
const BUSY = 1
const CLOSED = 2

let cell: Int32Array | null = null

/** Worker side: called once with the buffer the owner passed in workerData (none: calls run ungated). */
export function installOrtGate(buffer: SharedArrayBuffer | undefined | null): void {
  cell = buffer ? new Int32Array(buffer) : null
}

export class OrtGateClosed extends Error {
  constructor() {
    super('The checker is being stopped.')
  }
}

/** Runs one ONNX Runtime call inside the gate (ungated outside a pooled worker). */
export async function throughOrtGate<T>(call: () => Promise<T>): Promise<T> {
  const gate = cell
  if (!gate) return call()
  if (Atomics.compareExchange(gate, 0, IDLE, BUSY) !== IDLE) throw new OrtGateClosed()
  try {
    return await call()
  } finally {
    Atomics.compareExchange(gate, 0, BUSY, IDLE)
    Atomics.notify(gate, 0)
  }
}

/** Owner side: a new gate for a worker, passed to it in workerData. */
export function newOrtGate(): SharedArrayBuffer {
  return new SharedArrayBuffer(4)
}

type WaitAsync = (
  typedArray: Int32Array,
  index: number,
  value: number,
  timeout?: number
) => { async: false; value: string } | { async: true; value: Promise<string> }

/**
 * Owner side: closes the gate, waiting while an ONNX call is in progress. When it resolves, the worker can make
 * no further ONNX call and none is running, so terminating it is safe.
 */
export async function closeOrtGate(buffer: SharedArrayBuffer): Promise<void> {
  const gate = new Int32Array(buffer)
  const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync
  while (Atomics.compareExchange(gate, 0, IDLE, CLOSED) === BUSY) {
    const waited = waitAsync(gate, 0, BUSY, 1000)
    if (waited.async) await waited.value
  }
}

/** Owner side, for tests and diagnostics: is an ONNX call running behind this gate now? */
export function ortGateBusy(buffer: SharedArrayBuffer): boolean {
  return Atomics.load(new Int32Array(buffer), 0) === BUSY
}
