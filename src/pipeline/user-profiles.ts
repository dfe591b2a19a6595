/**
 * Watermark profiles a school imported on this machine (kept in the app's own folder, never uploaded), which
 * profiles are switched off, and a check context that includes the imported ones. The shipped profiles come from
 * resources/profiles via loadCheckContext; an imported profile with a shipped id is refused.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { validateProfile, type WatermarkProfile } from '../engine/watermark'
import type { CheckContext } from './check'
import { loadCheckContext } from './context'
import { loadProfilesWithProblems } from './profiles'
import { loadTokenizers } from './tokenizers'

const DISABLED_FILE = 'disabled.json'

export type ImportOutcome = { ok: true; profile: WatermarkProfile } | { ok: false; errors: string[] }

export class UserProfiles {
  constructor(readonly dir: string) {}

  async imported(): Promise<WatermarkProfile[]> {
    return (await loadProfilesWithProblems(this.dir)).profiles
  }

  async disabled(): Promise<Set<string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(join(this.dir, DISABLED_FILE), 'utf8'))
      return new Set(Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [])
    } catch {
      return new Set()
    }
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    const off = await this.disabled()
    if (enabled) off.delete(id)
    else off.add(id)
    await this.writeAtomically(DISABLED_FILE, JSON.stringify([...off].sort()) + '\n')
  }

  /**
   * Validates the JSON text and keeps a copy named after its id. `takenIds` are the shipped profiles' ids:
   * an import may not shadow one. Errors are the validator's per-field messages.
   */
  async import(jsonText: string, takenIds: ReadonlySet<string>): Promise<ImportOutcome> {
    let json: unknown
    try {
      json = JSON.parse(jsonText)
    } catch (error) {
      return {
        ok: false,
        errors: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`]
      }
    }
    const checked = validateProfile(json)
    if (!checked.ok) return { ok: false, errors: checked.errors }
    const id = checked.profile.id
    // The id's shape is the validator's (and the schema's); "disabled" names this folder's list of switched-off profiles.
    if (id === 'disabled') return { ok: false, errors: [`id "${id}" is reserved; choose another id`] }
    if (takenIds.has(id)) return { ok: false, errors: [`id "${id}" is already used by a shipped profile`] }
    await this.writeAtomically(`${id}.json`, JSON.stringify(json, null, 2) + '\n')
    return { ok: true, profile: checked.profile }
  }

  private async writeAtomically(name: string, content: string): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    const file = join(this.dir, name)
    const tmp = `${file}.${process.pid}.tmp`
    await writeFile(tmp, content, 'utf8')
    await rename(tmp, file)
  }
}

/** The shipped context plus the imported profiles (and any tokenizer they need); a duplicate id keeps shipped. */
export async function loadContextWithUserProfiles(
  userDir: string,
  resources?: string
): Promise<CheckContext> {
  const [base, imported] = await Promise.all([
    loadCheckContext(resources),
    new UserProfiles(userDir).imported()
  ])
  const shippedIds = new Set(base.profiles.map((p) => p.id))
  const extra = imported.filter((p) => !shippedIds.has(p.id))
  if (extra.length === 0) return base
  const profiles = [...base.profiles, ...extra]
  return { ...base, profiles, tokenizers: await loadTokenizers(profiles) }
}
