/**
 * User settings that outlive the window: the operating point used for new checks. Theme is not a setting: the
 * stylesheet follows the OS through `prefers-color-scheme`.
 */
import type { CheckOptions } from '../../../../shared/api'
import {
  DEFAULT_OPERATING_POINT,
  isOperatingPointName,
  OPERATING_POINT_NAMES,
  type OperatingPointName
} from '../../../../shared/operating-points'

export interface OperatingPointChoice {
  name: OperatingPointName
  title: string
  description: string
}

/** The words for each shipped point: a point without words fails to compile. */
const CHOICE_WORDS: Record<OperatingPointName, Omit<OperatingPointChoice, 'name'>> = {
  strict: {
    title: 'Strict',
    description:
      'Flags only the clearest cases. Fewest human essays flagged by mistake; misses more AI writing.'
  },
  balanced: {
    title: 'Balanced (recommended)',
    description: 'The default. The summary of each document states how often human essays are flagged at it.'
  },
  sensitive: {
    title: 'Sensitive',
    description:
      'Catches more AI writing, but flags more human essays by mistake. Use to decide what to read first.'
  }
}

export const OPERATING_POINTS: OperatingPointChoice[] = OPERATING_POINT_NAMES.map((name) => ({
  name,
  ...CHOICE_WORDS[name]
}))

const STORAGE_KEY = 'inkprint.settings'

export class SettingsStore {
  private _operatingPoint = $state<OperatingPointName>(DEFAULT_OPERATING_POINT)
  /** A saved local calibration to judge new checks with; null uses the shipped operating point. */
  private _calibrationId = $state<string | null>(null)
  private readonly listeners: (() => void)[] = []

  constructor(private readonly storage: Storage | null) {
    try {
      const saved: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null')
      if (saved && typeof saved === 'object') {
        if ('operatingPoint' in saved && isOperatingPointName(saved.operatingPoint))
          this._operatingPoint = saved.operatingPoint
        if ('calibrationId' in saved && typeof saved.calibrationId === 'string')
          this._calibrationId = saved.calibrationId
      }
    } catch {
      // A damaged settings entry falls back to the defaults; nothing else reads it.
    }
  }

  get operatingPoint(): OperatingPointName {
    return this._operatingPoint
  }

  get calibrationId(): string | null {
    return this._calibrationId
  }

  setOperatingPoint(name: OperatingPointName): void {
    if (name === this._operatingPoint) return
    this._operatingPoint = name
    this.save()
  }

  setCalibration(id: string | null): void {
    if (id === this._calibrationId) return
    this._calibrationId = id
    this.save()
  }

  /** Called after every change of setting (results already shown are judged again). */
  onChange(listener: () => void): void {
    this.listeners.push(listener)
  }

  /** The options a new check is started with. */
  checkOptions(): CheckOptions {
    return this._calibrationId
      ? { operatingPoint: this._operatingPoint, calibrationId: this._calibrationId }
      : { operatingPoint: this._operatingPoint }
  }

  private save(): void {
    const value = { operatingPoint: this._operatingPoint, calibrationId: this._calibrationId }
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(value))
    for (const listener of this.listeners) listener()
  }
}
