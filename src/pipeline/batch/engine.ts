import type { DocumentResult } from '../../shared/types'
import type { CheckFileOptions } from '../check'
import type { OcrProgress } from '../ocr'

/** Options that cross a worker boundary: everything but the AbortSignal. */
export type PortableCheckOptions = Omit<CheckFileOptions, 'signal' | 'onProgress'>

export type CheckProgress = OcrProgress

/** Something that checks one file at a time per slot: in this process, or in worker threads. */
export interface CheckEngine {
  /** How many files it can check at once. */
  readonly slots: number
  check(
    path: string,
    options: PortableCheckOptions,
    signal: AbortSignal,
    onProgress?: (progress: CheckProgress) => void
  ): Promise<DocumentResult>
  close(): Promise<void>
}
