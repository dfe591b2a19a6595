import { join } from 'node:path'
import type { CheckContext } from './check'
import { tryLoadDetector } from './detector'
import { loadProfiles } from './profiles'
import { loadTokenizers } from './tokenizers'
import { resourcesDir } from './resources'

/** Loads the detector, the watermark profiles and their tokenizers once per process. */
export async function loadCheckContext(dir: string = resourcesDir()): Promise<CheckContext> {
  const [loaded, profiles] = await Promise.all([
    tryLoadDetector(join(dir, 'models')),
    loadProfiles(join(dir, 'profiles'))
  ])
  const tokenizers = await loadTokenizers(profiles)
  // A missing or damaged model must not stop extraction, watermark and fingerprint checks: each result says so.
  return loaded.ok
    ? { detector: loaded.detector, detectorError: null, profiles, tokenizers }
    : { detector: null, detectorError: loaded.error, profiles, tokenizers }
}
