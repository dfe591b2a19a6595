/**
 * `inkprint check --profile FILE`: a school's own watermark profile (e.g. its model's KGW key), validated by the
 * same validator as the app's import. A missing or invalid file is a usage error, never silently ignored.
 */
import { readFile } from 'node:fs/promises'
import { validateProfile, type WatermarkProfile } from '../engine/watermark'

export type SchoolProfiles = { ok: true; profiles: WatermarkProfile[] } | { ok: false; message: string }

/** Reads and validates each file; `shippedIds` may not be reused (a school profile never shadows a shipped one). */
export async function readSchoolProfiles(
  files: string[],
  shippedIds: ReadonlySet<string>
): Promise<SchoolProfiles> {
  const profiles: WatermarkProfile[] = []
  for (const file of files) {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      const code = (error as { code?: string }).code
      const why =
        code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error)
      return { ok: false, message: `--profile ${file}: cannot be read (${why}).` }
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      return { ok: false, message: `--profile ${file}: not valid JSON (${why}).` }
    }
    const checked = validateProfile(json)
    if (!checked.ok)
      return {
        ok: false,
        message: `--profile ${file} is not a valid watermark profile: ${checked.errors.join('; ')}.`
      }
    const id = checked.profile.id
    if (shippedIds.has(id))
      return {
        ok: false,
        message: `--profile ${file}: id "${id}" is already used by a shipped profile; give it its own id.`
      }
    if (profiles.some((p) => p.id === id))
      return { ok: false, message: `--profile ${file}: id "${id}" is given twice.` }
    profiles.push(checked.profile)
  }
  return { ok: true, profiles }
}
