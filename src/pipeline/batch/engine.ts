import type { DocumentResult } from '../../shared/types'
import type { CheckFileOptions } from '../check'

/** Options that cross a worker boundary: everything but the AbortSignal. */
export type PortableCheckOptions = Omit<CheckFileOptions, 'signal'>

/** Something that checks one file at a time per slot: in this process, or in worker threads. */
export interface CheckEngine {
  /** How many files it can check at once. */
  readonly slots: number
  check(path: string, options: PortableCheckOptions, signal: AbortSignal): Promise<DocumentResult>
  close(): Promise<void>
}
