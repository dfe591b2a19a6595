/**
 * Watermark profiles as Settings shows them: shipped and imported, on or off, and whether this machine can test
 * each one (its tokenizer may be missing offline). Imports arrive as a file the teacher picked in main's dialog.
 */
import { readFile, stat } from 'node:fs/promises'
import type { ProfileImportOutcome, WatermarkProfileInfo } from '../shared/api'
import type { WatermarkProfile } from '../engine/watermark'
import type { CheckContext } from '../pipeline/check'
import { UserProfiles } from '../pipeline/user-profiles'

export { NO_PROFILE } from '../pipeline/check-session'
const MAX_PROFILE_BYTES = 1_000_000

export class ProfilesService {
  readonly user: UserProfiles

  constructor(
    userDir: string,
    private readonly context: () => Promise<CheckContext>,
    /** Drops the cached context so the next check loads newly imported profiles. */
    private readonly reload: () => void
  ) {
    this.user = new UserProfiles(userDir)
  }

  async list(): Promise<WatermarkProfileInfo[]> {
    const [ctx, imported, off] = await Promise.all([
      this.context(),
      this.user.imported(),
      this.user.disabled()
    ])
    const importedIds = new Set(imported.map((p) => p.id))
    return ctx.profiles.map((p) => {
      const tokenizerReady = ctx.tokenizers?.get(p.tokenizer.id) !== undefined
      return {
        id: p.id,
        name: p.name,
        scheme: p.scheme,
        tokenizer: p.tokenizer.id,
        publicDefaultKey: p.publicDefaultKey,
        source: importedIds.has(p.id) ? 'imported' : 'shipped',
        enabled: p.enabled !== false && !off.has(p.id),
        unavailable: tokenizerReady ? null : unavailableReason(ctx, p),
        description: p.description ?? p.keyLabel
      }
    })
  }

  /** Requested ids that are on (all that are on when none are requested); empty when none are. */
  async resolve(requested: readonly string[]): Promise<string[]> {
    const on = (await this.list()).filter((p) => p.enabled).map((p) => p.id)
    return requested.length > 0 ? on.filter((id) => requested.includes(id)) : on
  }

  async setEnabled(id: string, enabled: boolean): Promise<WatermarkProfileInfo[] | null> {
    if (!(await this.list()).some((p) => p.id === id)) return null
    await this.user.setEnabled(id, enabled)
    return this.list()
  }

  async importFile(path: string | null): Promise<ProfileImportOutcome> {
    if (!path) return { imported: false, cancelled: true, errors: [] }
    let text: string
    try {
      if ((await stat(path)).size > MAX_PROFILE_BYTES)
        return {
          imported: false,
          cancelled: false,
          errors: ['the file is too large for a watermark profile']
        }
      text = await readFile(path, 'utf8')
    } catch (error) {
      return { imported: false, cancelled: false, errors: [`the file could not be read: ${String(error)}`] }
    }
    const shipped = new Set((await this.list()).filter((p) => p.source === 'shipped').map((p) => p.id))
    const outcome = await this.user.import(text, shipped)
    if (!outcome.ok) return { imported: false, cancelled: false, errors: outcome.errors }
    this.reload()
    const info = (await this.list()).find((p) => p.id === outcome.profile.id)
    if (!info)
      return { imported: false, cancelled: false, errors: ['the profile was saved but could not be loaded'] }
    return { imported: true, profile: info }
  }
}

function unavailableReason(ctx: CheckContext, p: WatermarkProfile): string {
  const why = ctx.tokenizers?.unavailableReason?.(p.tokenizer.id) ?? 'it is not installed'
  return `The ${p.tokenizer.id} tokenizer this profile needs is not available on this computer (${why}), so this profile cannot be tested. Inkprint works offline and cannot download it.`
}
