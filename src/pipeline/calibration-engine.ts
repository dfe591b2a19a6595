/**
 * The engine calibration uses when none is injected: the real check pipeline on this thread, with only the
 * detector loaded. Watermark tests do not affect the document probability, so calibration skips them
 * (a few times faster on a class folder).
 */
import { join } from 'node:path'
import type { CheckEngine } from './batch/engine'
import { InProcessEngine } from './batch/in-process-engine'
import type { CheckContext } from './check'
import { loadDetector } from './detector'
import { resourcesDir } from './resources'

/** One context per process: the detector is loaded once, not per file. */
let sharedContext: Promise<CheckContext> | null = null

export function detectorOnlyContext(modelDir = join(resourcesDir(), 'models')): Promise<CheckContext> {
  return loadDetector(modelDir).then((detector) => ({ detector, profiles: [], tokenizers: null }))
}

export function defaultEngine(): CheckEngine {
  return new InProcessEngine(() => (sharedContext ??= detectorOnlyContext()))
}
