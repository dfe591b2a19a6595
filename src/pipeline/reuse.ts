/**
 * Continuing where a batch stopped: a file whose content was already checked, with the same version and
 * settings, gets its earlier result instead of being checked again (keyed by the file's SHA-256, so a renamed
 * or moved file is still recognised, and an edited one is checked afresh). Used by `inkprint check --resume`
 * and by the app, whose results file survives a crash or a restart.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { DocumentResult } from '../shared/types'
import type { ResultsStore } from './results-store'
import { INKPRINT_VERSION } from './version'

export interface ReuseSettings {
  operatingPoint: string
  /** The local calibration the new batch is judged with, if any. */
  calibrationId?: string | null
  /** The watermark profiles the new batch tests; null when not known in advance (any set is accepted). */
  profileIds?: readonly string[] | null
  /** The new batch keeps each document's text (the app, reports): an earlier result without it won't do. */
  includeText: boolean
}

/** Would checking this file again, with these settings, give this result? */
export function isReusable(prior: DocumentResult, want: ReuseSettings): boolean {
  if (prior.status === 'error' || prior.inkprintVersion !== INKPRINT_VERSION) return false
  if (want.includeText && prior.text === undefined) return false
  const point = prior.detector?.operatingPoint
  if (!point) return false
  if (want.calibrationId) {
    if (point.calibration?.id !== want.calibrationId) return false
  } else if (point.calibration || point.name !== want.operatingPoint) return false
  if (want.profileIds) {
    const tested = [...(prior.watermarks ?? []).map((w) => w.profileId)].sort()
    const wanted = [...want.profileIds].sort()
    if (tested.length !== wanted.length || tested.some((id, i) => id !== wanted[i])) return false
  }
  return true
}

export function sha256File(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', () => resolve(null))
  })
}

/**
 * A `reuse` hook for runBatch from the results already in `store`; null when there is nothing to reuse.
 * `onReuse` is told each time an earlier result stands in for a check.
 */
export async function reuseFromStore(
  store: Pick<ResultsStore, 'finishedByHash'>,
  want: ReuseSettings,
  onReuse: () => void = () => {}
): Promise<((path: string) => Promise<DocumentResult | null>) | null> {
  const finished = await store.finishedByHash((prior) => isReusable(prior, want))
  if (finished.size === 0) return null
  // A file whose size matches no earlier result cannot match one: skip hashing it (it is read once, to check).
  const sizes = new Set([...finished.values()].map((r) => r.sizeBytes))
  return async (path) => {
    const size = await stat(path).then(
      (info) => info.size,
      () => null
    )
    if (size === null || !sizes.has(size)) return null
    const hash = await sha256File(path)
    const prior = hash ? finished.get(hash) : undefined
    if (!prior) return null
    onReuse()
    return { ...prior, path, fileName: basename(path) }
  }
}
