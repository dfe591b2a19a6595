/**
 * User settings that outlive the window: the operating point used for new checks. Theme is not a setting: the
 * stylesheet follows the OS through `prefers-color-scheme`.
 */
import type { OperatingPointName } from '../../../../shared/api'

export interface OperatingPointChoice {
  name: OperatingPointName
  title: string
  description: string
}

export const OPERATING_POINTS: OperatingPointChoice[] = [
  {
    name: 'strict',
    title: 'Strict',
    description:
      'Flags only the clearest cases. Fewest human essays flagged by mistake; misses more AI writing.'
  },
  {
    name: 'balanced',
    title: 'Balanced (recommended)',
    description: 'The default. The summary of each document states how often human essays are flagged at it.'
  },
  {
    name: 'sensitive',
    title: 'Sensitive',
    description:
      'Catches more AI writing, but flags more human essays by mistake. Use to decide what to read first.'
  }
]

const STORAGE_KEY = 'inkprint.settings'

function isOperatingPoint(value: unknown): value is OperatingPointName {
  return value === 'strict' || value === 'balanced' || value === 'sensitive'
}

export class SettingsStore {
  private _operatingPoint = $state<OperatingPointName>('balanced')

  constructor(private readonly storage: Storage | null) {
    try {
      const saved: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null')
      if (
        saved &&
        typeof saved === 'object' &&
        'operatingPoint' in saved &&
        isOperatingPoint(saved.operatingPoint)
      ) {
        this._operatingPoint = saved.operatingPoint
      }
    } catch {
      // A damaged settings entry falls back to the defaults; nothing else reads it.
    }
  }

  get operatingPoint(): OperatingPointName {
    return this._operatingPoint
  }

  setOperatingPoint(name: OperatingPointName): void {
    this._operatingPoint = name
    this.storage?.setItem(STORAGE_KEY, JSON.stringify({ operatingPoint: name }))
  }
}
