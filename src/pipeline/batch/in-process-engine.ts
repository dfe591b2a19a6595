import type { DocumentResult } from '../../shared/types'
import { checkFile, type CheckContext } from '../check'
import { errorFor, errorResult } from '../result'
import { closeOcrWorkers } from '../ocr/engine'
import type { CheckEngine, CheckProgress, PortableCheckOptions } from './engine'

/**
 * Checks files on this thread. Used by tests, by the CLI with --workers 0 and by the test bridge; the desktop
 * app and the CLI default to the worker-thread engine so a slow file never blocks the event loop.
 */
export class InProcessEngine implements CheckEngine {
  readonly slots = 1
  constructor(private readonly context: () => Promise<CheckContext>) {}

  async check(
    path: string,
    options: PortableCheckOptions,
    signal: AbortSignal,
    onProgress?: (progress: CheckProgress) => void
  ): Promise<DocumentResult> {
    try {
      return await checkFile(path, await this.context(), { ...options, signal, onProgress })
    } catch (err) {
      return errorResult(path, errorFor('internal', `Inkprint failed on this file: ${describe(err)}`))
    }
  }

  /** Stops the warm OCR instances now rather than after their idle time, so a finished run can exit. */
  async close(): Promise<void> {
    await closeOcrWorkers()
  }
}

export function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
