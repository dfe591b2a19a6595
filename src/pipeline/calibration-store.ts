/**
 * Calibration profiles on disk: one JSON file per profile in a local folder (default
 * ~/.inkprint/calibrations). Profiles hold numbers only, never student text or file names.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { CALIBRATION_SCHEMA_VERSION, type CalibrationProfile } from '../engine/calibration'

export function defaultCalibrationDir(): string {
  return process.env.INKPRINT_CALIBRATIONS ?? join(homedir(), '.inkprint', 'calibrations')
}

/** Ids become file names: only this shape is accepted, so no id can reach outside the folder. */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,80}$/

export function isValidProfileId(id: string): boolean {
  return ID_PATTERN.test(id)
}

function isProfile(value: unknown): value is CalibrationProfile {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<CalibrationProfile>
  return (
    v.schemaVersion === CALIBRATION_SCHEMA_VERSION &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.threshold === 'number' &&
    typeof v.nHuman === 'number' &&
    typeof v.model?.sha256 === 'string' &&
    Array.isArray(v.scores?.human)
  )
}

export class CalibrationStore {
  constructor(readonly dir: string = defaultCalibrationDir()) {}

  private fileFor(id: string): string {
    if (!isValidProfileId(id)) throw new RangeError(`not a calibration id: ${JSON.stringify(id)}`)
    return join(this.dir, `${id}.json`)
  }

  /** Writes atomically (temp file + rename) so a crash never leaves half a profile. Returns the path. */
  async save(profile: CalibrationProfile): Promise<string> {
    const file = this.fileFor(profile.id)
    await mkdir(this.dir, { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    await writeFile(tmp, JSON.stringify(profile, null, 2) + '\n', 'utf8')
    await rename(tmp, file)
    return file
  }

  /** The profile, or null when it does not exist or is not a readable profile. */
  async load(id: string): Promise<CalibrationProfile | null> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.fileFor(id), 'utf8'))
      return isProfile(parsed) ? parsed : null
    } catch {
      return null
    }
  }

  /** Every readable profile, newest first; unreadable files are skipped. */
  async list(): Promise<CalibrationProfile[]> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch {
      return []
    }
    const ids = names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5))
      .filter(isValidProfileId)
    const profiles = await Promise.all(ids.map((id) => this.load(id)))
    return profiles
      .filter((p): p is CalibrationProfile => p !== null)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  /** True when a profile was deleted. */
  async delete(id: string): Promise<boolean> {
    if (!isValidProfileId(id) || (await this.load(id)) === null) return false
    await rm(this.fileFor(id), { force: true })
    return true
  }
}
