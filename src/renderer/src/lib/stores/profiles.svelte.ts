/** Watermark profiles in Settings: shipped and school-imported ones, switched on or off, and importing a new one. */
import type { WatermarkProfileInfo } from '../../../../shared/api'
import type { InkprintClient } from '../services/inkprint-client'

export class ProfilesStore {
  private _profiles = $state.raw<WatermarkProfileInfo[]>([])
  private _message = $state<string | null>(null)
  /** Per-field problems of the last rejected import, as the validator reported them. */
  private _importErrors = $state.raw<string[]>([])

  constructor(private readonly client: InkprintClient) {}

  get profiles(): WatermarkProfileInfo[] {
    return this._profiles
  }

  get message(): string | null {
    return this._message
  }

  get importErrors(): string[] {
    return this._importErrors
  }

  async load(): Promise<void> {
    const answer = await this.client.listProfiles()
    if (answer.ok) this._profiles = answer.value
    else this._message = answer.error.message
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    const answer = await this.client.setProfileEnabled(id, enabled)
    if (answer.ok) this._profiles = answer.value
    else this._message = answer.error.message
  }

  async importProfile(): Promise<void> {
    this._message = null
    this._importErrors = []
    const answer = await this.client.importProfile()
    if (!answer.ok) {
      this._message = answer.error.message
      return
    }
    const outcome = answer.value
    if (outcome.imported) {
      this._message = `Imported “${outcome.profile.name}”. Its key stays on this computer.`
      await this.load()
    } else if (!outcome.cancelled) {
      this._message = 'That file is not a valid watermark profile. Nothing was imported:'
      this._importErrors = outcome.errors
    }
  }
}
