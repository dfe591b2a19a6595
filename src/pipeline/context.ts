import { join } from 'node:path'
import type { CheckContext } from './check'
import { loadDetector } from './detector'
import { loadProfiles } from './profiles'
import { loadTokenizers } from './tokenizers'
import { resourcesDir } from './resources'

/** Loads the detector, the watermark profiles and their tokenizers once per process. */
export async function loadCheckContext(dir: string = resourcesDir()): Promise<CheckContext> {
  const [detector, profiles] = await Promise.all([loadDetector(join(dir, 'models')), loadProfiles(join(dir, 'profiles'))])
  const tokenizers = await loadTokenizers(profiles)
  return { detector, profiles, tokenizers }
}
