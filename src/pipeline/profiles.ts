/**
 * Loads watermark provider profiles (resources/profiles/*.json, plus any school-imported ones) and validates
 * each with the engine's `validateProfile`. Invalid files are skipped and reported, never fatal.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { validateProfile, type WatermarkProfile } from '../engine/watermark'

export interface ProfileLoadProblem {
  file: string
  errors: string[]
}

export interface LoadedProfiles {
  profiles: WatermarkProfile[]
  problems: ProfileLoadProblem[]
}

/** Profiles plus the files that were rejected and why. Sorted by id; a duplicate id keeps the first file. */
export async function loadProfilesWithProblems(dir: string): Promise<LoadedProfiles> {
  let files: string[]
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'profile.schema.json').sort()
  } catch {
    return { profiles: [], problems: [] }
  }
  const profiles: WatermarkProfile[] = []
  const problems: ProfileLoadProblem[] = []
  const seen = new Set<string>()
  for (const file of files) {
    let json: unknown
    try {
      json = JSON.parse(await readFile(join(dir, file), 'utf8'))
    } catch (error) {
      problems.push({
        file,
        errors: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`]
      })
      continue
    }
    const result = validateProfile(json)
    if (!result.ok) {
      problems.push({ file, errors: result.errors })
      continue
    }
    if (seen.has(result.profile.id)) {
      problems.push({ file, errors: [`duplicate profile id "${result.profile.id}"`] })
      continue
    }
    seen.add(result.profile.id)
    profiles.push(result.profile)
  }
  profiles.sort((a, b) => a.id.localeCompare(b.id))
  return { profiles, problems }
}

/** The valid profiles in `dir` (missing directory → none). */
export async function loadProfiles(dir: string): Promise<WatermarkProfile[]> {
  return (await loadProfilesWithProblems(dir)).profiles
}
