import { Worker } from 'node:worker_threads'
import type { DocumentResult } from '../../shared/types'
import { errorFor, errorResult } from '../result'
import type { CheckEngine, CheckProgress, PortableCheckOptions } from './engine'
import type { WorkerRequest } from './check-worker'
import { disableOrtTelemetry } from '../ort-telemetry'
import { closeOrtGate, newOrtGate } from './ort-gate'

interface Slot {
  worker: Worker
  busy: boolean
}

export interface WorkerEngineOptions {
  /** Path of the built check-worker.js. */
  script: string
  workers: number
  /** A file that takes longer is reported as 'timeout' and its worker is replaced. */
  timeoutMs: number
  /** Heap cap per worker; a file that needs more is reported, not fatal to the batch. */
  maxHeapMb: number
  /** Start every worker now (each loads its models at once) instead of at its first file: the app's pool. */
  warm?: boolean
}

/** A pool of worker threads, each with its own models; one file per worker at a time. */
export class WorkerEngine implements CheckEngine {
  readonly slots: number
  private readonly pool: Slot[] = []
  private nextId = 1

  constructor(private readonly opts: WorkerEngineOptions) {
    this.slots = Math.max(1, opts.workers)
    // Before any worker starts: set in this (main) thread, it reaches every worker's native ONNX Runtime.
    disableOrtTelemetry()
    if (opts.warm) for (let i = 0; i < this.slots; i++) this.pool.push({ worker: this.spawn(), busy: false })
  }

  /** Each worker's ONNX gate (ort-gate.ts): closed before the worker is stopped. */
  private readonly gates = new WeakMap<Worker, SharedArrayBuffer>()
  /** Workers being stopped (waiting for an ONNX call to end); close() waits for them. */
  private readonly stopping = new Set<Promise<void>>()

  /**
   * Stops a worker without ever interrupting ONNX Runtime mid-call (which would abort the whole process): the
   * gate is closed first, waiting for a running call to return; then the thread is terminated. The caller does
   * not wait; a replacement worker can start at once.
   */
  private retire(worker: Worker): void {
    const gate = this.gates.get(worker)
    const done = (gate ? closeOrtGate(gate) : Promise.resolve())
      .then(() => worker.terminate())
      .then(
        () => undefined,
        () => undefined
      )
    this.stopping.add(done)
    void done.then(() => this.stopping.delete(done))
  }

  /** Workers that have exited: a message posted to one is silently dropped, so it must never get a file. */
  private readonly exited = new WeakSet<Worker>()

  private spawn(): Worker {
    const ortGate = newOrtGate()
    const worker = new Worker(this.opts.script, {
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb },
      workerData: { warm: this.opts.warm === true, ortGate }
    })
    this.gates.set(worker, ortGate)
    // Permanent listeners: a worker that dies while idle (out of memory, killed) would otherwise either
    // crash this process with an unhandled 'error' event or swallow the next file until its timeout.
    worker.on('error', () => {})
    worker.once('exit', () => this.exited.add(worker))
    return worker
  }

  private acquire(): Slot {
    let slot = this.pool.find((s) => !s.busy)
    if (!slot) {
      slot = { worker: this.spawn(), busy: false }
      this.pool.push(slot)
    } else if (this.exited.has(slot.worker)) {
      slot.worker = this.spawn()
    }
    slot.busy = true
    return slot
  }

  check(
    path: string,
    options: PortableCheckOptions,
    signal: AbortSignal,
    onProgress?: (progress: CheckProgress) => void
  ): Promise<DocumentResult> {
    const slot = this.acquire()
    const id = this.nextId++
    return new Promise<DocumentResult>((resolve) => {
      let settled = false
      const finish = (result: DocumentResult, replaceWorker: boolean): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        signal.removeEventListener('abort', onAbort)
        slot.worker.off('message', onMessage)
        slot.worker.off('error', onError)
        slot.worker.off('exit', onExit)
        if (replaceWorker) {
          this.retire(slot.worker)
          slot.worker = this.spawn()
        }
        slot.busy = false
        resolve(result)
      }
      const onMessage = (msg: { id: number; result?: DocumentResult; progress?: CheckProgress }): void => {
        if (msg.id !== id) return
        if (msg.progress) {
          // OCR reports each page: the time limit applies per page, not to a whole multi-page scan.
          clearTimeout(timer)
          timer = arm()
          onProgress?.(msg.progress)
        } else if (msg.result) finish(msg.result, false)
      }
      const onError = (err: Error): void =>
        finish(
          errorResult(path, errorFor(tooBig(err) ? 'too-complex' : 'internal', failureMessage(err))),
          true
        )
      const onExit = (): void =>
        finish(
          errorResult(path, errorFor('internal', 'The checker stopped unexpectedly on this file.')),
          true
        )
      const onAbort = (): void =>
        finish(
          errorResult(path, errorFor('cancelled', 'The check was cancelled before this file finished.')),
          true
        )
      const arm = (): NodeJS.Timeout =>
        setTimeout(() => {
          const seconds = Math.round(this.opts.timeoutMs / 1000)
          finish(
            errorResult(
              path,
              errorFor('timeout', `This file took longer than ${seconds} s to read and was skipped.`)
            ),
            true
          )
        }, this.opts.timeoutMs)
      let timer = arm()
      slot.worker.on('message', onMessage)
      slot.worker.once('error', onError)
      slot.worker.once('exit', onExit)
      signal.addEventListener('abort', onAbort, { once: true })
      const req: WorkerRequest = { id, path, options }
      slot.worker.postMessage(req)
    })
  }

  async close(): Promise<void> {
    for (const s of this.pool) this.retire(s.worker)
    this.pool.length = 0
    await Promise.all([...this.stopping])
  }
}

function tooBig(err: Error): boolean {
  return (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
}

function failureMessage(err: Error): string {
  return tooBig(err)
    ? 'This file needs more memory than Inkprint allows for one document and was skipped.'
    : `Inkprint failed on this file: ${err.message}`
}
