import type { BatchEvent, CheckOptions } from '../../shared/api'
import type { DocumentResult } from '../../shared/types'
import { errorFor, errorResult } from '../result'
import { walkInputs } from '../walk'
import type { CheckEngine, PortableCheckOptions } from './engine'

export interface BatchSummary {
  batchId: string
  total: number
  done: number
  cancelled: boolean
  elapsedMs: number
  skipped: string[]
  /** Inkprint's own reports found in the inputs, left out (never checked as a student's document). */
  ownReports: string[]
}

export interface RunBatchOptions {
  batchId: string
  paths: string[]
  options: CheckOptions & { includeText: boolean; maxBytes?: number }
  engine: CheckEngine
  onEvent: (event: BatchEvent) => void
  /** Called before checking a file; a result returned here (e.g. from an earlier, interrupted run) is reused. */
  reuse?: (path: string) => Promise<DocumentResult | null>
  signal?: AbortSignal
  /** Told the file count as soon as folders are expanded. */
  onPlanned?: (total: number) => void
}

/**
 * Checks every file behind `paths` with the engine's slots in parallel, emitting events in completion order.
 * A failing file yields an error result and the batch goes on; cancelling stops new files and aborts running ones.
 */
export async function runBatch(opts: RunBatchOptions): Promise<BatchSummary> {
  const started = Date.now()
  const walk = await walkInputs(opts.paths)
  const missing = walk.missing.map((path) =>
    errorResult(
      path,
      errorFor(
        'not-found',
        'This file or folder could not be found or opened. It may have been moved or deleted.'
      )
    )
  )
  // Archives that could not be opened safely (a bomb, entry names pointing outside): one coded error each.
  missing.push(...walk.failed.map(({ path, error }) => errorResult(path, error)))
  const total = walk.files.length + missing.length
  opts.onPlanned?.(total)
  const { batchId, engine, onEvent, signal } = opts
  let done = 0
  const emitDone = (index: number, result: DocumentResult): void => {
    done++
    onEvent({ type: 'file-done', batchId, index, total, done, result })
  }
  missing.forEach((r, i) => emitDone(walk.files.length + i, r))

  const portable: PortableCheckOptions = { ...opts.options }
  let next = 0
  const slot = async (): Promise<void> => {
    while (!signal?.aborted && next < walk.files.length) {
      const index = next++
      const path = walk.files[index]
      onEvent({ type: 'file-started', batchId, path, index, total })
      const reused = opts.reuse ? await opts.reuse(path) : null
      const controller = new AbortController()
      const abort = (): void => controller.abort()
      signal?.addEventListener('abort', abort, { once: true })
      const result =
        reused ??
        (await engine.check(path, portable, controller.signal, (progress) =>
          onEvent({ type: 'file-progress', batchId, path, index, total, ...progress })
        ))
      signal?.removeEventListener('abort', abort)
      if (result.error?.code === 'cancelled') continue
      emitDone(index, result)
    }
  }
  await Promise.all(Array.from({ length: Math.min(engine.slots, Math.max(1, walk.files.length)) }, slot))
  const summary: BatchSummary = {
    batchId,
    total,
    done,
    cancelled: signal?.aborted ?? false,
    elapsedMs: Date.now() - started,
    skipped: walk.skipped,
    ownReports: walk.ownReports
  }
  onEvent({
    type: 'batch-done',
    batchId,
    total,
    done,
    cancelled: summary.cancelled,
    elapsedMs: summary.elapsedMs
  })
  return summary
}
