/** Version and model identity, shown in the About panel so a report can be matched to the exact model. */
import type { AppInfo } from '../../../../shared/api'
import type { InkprintClient } from '../services/inkprint-client'

export class AppInfoStore {
  private _info = $state<AppInfo | null>(null)

  constructor(private readonly client: InkprintClient) {}

  get info(): AppInfo | null {
    return this._info
  }

  async load(): Promise<void> {
    const answer = await this.client.appInfo()
    if (answer.ok) this._info = answer.value
  }
}
