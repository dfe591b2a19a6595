/**
 * Keeping a batch's results on disk in order, before anyone hears of them. A result is appended (and fsynced),
 * then whatever follows it (telling the window, writing the report) runs; the first write that fails stops the
 * batch, and nothing after it is said or saved, so what a teacher saw is exactly what was kept.
 */
import { basename } from 'node:path'
import type { DocumentResult } from '../../shared/types'
import type { ResultsStore } from '../results-store'

/** A file-system error in plain words ("the disk is full"), for messages a teacher or an IT person reads. */
export function writeFailureReason(error: unknown): string {
  const e = error as { code?: string; message?: string } | null
  if (e?.code === 'ENOSPC') return 'the disk is full'
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied'
  if (e?.code === 'EROFS') return 'the disk is read-only'
  return e?.message ?? String(error)
}

export interface WriteFailure {
  /** Why the write failed, in plain words. */
  reason: string
  /** Results saved before the failure. */
  saved: number
  /** File name of the last result that was saved; null when none was. */
  lastSaved: string | null
  /** File name of the result that could not be saved. */
  failedOn: string
}

/** "could not be saved (the disk is full): 12 results were saved, the last essay-12.docx; essay-13.docx and those after it were not." */
export function describeWriteFailure(f: WriteFailure): string {
  const saved =
    f.saved === 0
      ? 'no result was saved'
      : `${f.saved} result${f.saved === 1 ? ' was' : 's were'} saved, the last ${f.lastSaved ?? 'unnamed'}`
  return `could not be saved (${f.reason}): ${saved}; ${f.failedOn} and any file after it were not`
}

export class ResultWriter {
  private chain: Promise<void> = Promise.resolve()
  private savedCount = 0
  private last: string | null = null
  private failed: WriteFailure | null = null

  /**
   * `store` null: nothing is kept, steps still run in order. `onFailure` is told once, when the first write
   * fails (stop the batch there).
   */
  constructor(
    private readonly store: Pick<ResultsStore, 'append'> | null,
    private readonly onFailure: (failure: WriteFailure) => void
  ) {}

  get saved(): number {
    return this.savedCount
  }

  get failure(): WriteFailure | null {
    return this.failed
  }

  /**
   * Queues `result` for saving (null: a step with nothing to save, e.g. a progress event) and `then` to run
   * once it is on disk. After a failed write, neither runs. `save: false` queues `then` without writing (a
   * result already kept, e.g. reused from the same file).
   */
  enqueue(result: DocumentResult | null, then?: () => void | Promise<void>, save = true): void {
    this.chain = this.chain.then(async () => {
      if (this.failed) return
      if (result && save && this.store) {
        try {
          await this.store.append(result)
        } catch (error) {
          this.failed = {
            reason: writeFailureReason(error),
            saved: this.savedCount,
            lastSaved: this.last,
            failedOn: result.fileName || basename(result.path)
          }
          this.onFailure(this.failed)
          return
        }
        this.savedCount++
        this.last = result.fileName || basename(result.path)
      }
      await then?.()
    })
  }

  /** Runs `step` after everything queued so far, even after a failed write (e.g. the batch's last event). */
  finally(step: () => void | Promise<void>): void {
    this.chain = this.chain.then(step, async (error: unknown) => {
      await step()
      throw error
    })
  }

  /** Resolves when everything queued so far has run. */
  idle(): Promise<void> {
    return this.chain
  }
}
