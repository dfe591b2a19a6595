/**
 * The guided calibration flow: choose known-human (and optionally AI) folders, score them with progress, review
 * the false-positive table for a target rate, save. Also the saved calibrations Settings offers.
 */
import type { CalibrationProgress, CalibrationView, GrantedPath } from '../../../../shared/api'
import type { InkprintClient } from '../services/inkprint-client'
import type { SettingsStore } from './settings.svelte'

export type CalibrationStep = 'choose' | 'scoring' | 'review' | 'saved'

/** Strict targets first: the default (1%) and below keep honest students safe; 5% flags about one per class. */
export const TARGET_FPRS = [0.001, 0.005, 0.01, 0.02, 0.05]

/** The target a new calibration starts on: the strict side, as the shipped "balanced" setting. */
export const DEFAULT_TARGET_FPR = 0.01

const POLL_MS = 250

export class CalibrationFlowStore {
  step = $state<CalibrationStep>('choose')
  name = $state('')
  /** Folders chosen in main's dialog (granted: ids with names). */
  human = $state.raw<GrantedPath[]>([])
  ai = $state.raw<GrantedPath[]>([])
  targetFpr = $state(DEFAULT_TARGET_FPR)
  private _progress = $state<CalibrationProgress | null>(null)
  private _preview = $state.raw<CalibrationView | null>(null)
  private _saved = $state.raw<CalibrationView[]>([])
  private _error = $state<string | null>(null)

  constructor(
    private readonly client: InkprintClient,
    private readonly settings: SettingsStore,
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))
  ) {}

  get progress(): CalibrationProgress | null {
    return this._progress
  }

  get preview(): CalibrationView | null {
    return this._preview
  }

  get saved(): CalibrationView[] {
    return this._saved
  }

  get error(): string | null {
    return this._error
  }

  reset(): void {
    this.step = 'choose'
    this._progress = null
    this._preview = null
    this._error = null
  }

  async chooseHuman(): Promise<void> {
    const answer = await this.client.pickFolder()
    if (answer.ok && answer.value.length > 0) {
      this.human = answer.value
      if (!this.name) this.name = answer.value[0].name
    } else if (!answer.ok) this._error = answer.error.message
  }

  async chooseAi(): Promise<void> {
    const answer = await this.client.pickFolder()
    if (answer.ok && answer.value.length > 0) this.ai = answer.value
    else if (!answer.ok) this._error = answer.error.message
  }

  async start(): Promise<void> {
    this._error = null
    const name = this.name.trim()
    if (!name || this.human.length === 0) {
      this._error =
        'Give the calibration a name and choose a folder of essays you know were written by students.'
      return
    }
    const started = await this.client.startCalibration({
      name,
      humanIds: this.human.map((folder) => folder.id),
      aiIds: this.ai.map((folder) => folder.id)
    })
    if (!started.ok) {
      this._error = started.error.message
      return
    }
    this.step = 'scoring'
    let progress = started.value
    this._progress = progress
    while (progress.phase === 'human' || progress.phase === 'ai') {
      await this.wait(POLL_MS)
      const answer = await this.client.calibrationProgress(progress.calibrationId)
      if (!answer.ok) {
        this._error = answer.error.message
        this.step = 'choose'
        return
      }
      progress = answer.value
      this._progress = progress
    }
    if (progress.phase === 'failed') {
      this._error = progress.error?.message ?? 'The calibration failed.'
      this.step = 'choose'
      return
    }
    await this.setTarget(this.targetFpr)
    if (this._preview) this.step = 'review'
  }

  async setTarget(targetFpr: number): Promise<void> {
    this.targetFpr = targetFpr
    const id = this._progress?.calibrationId
    if (!id) return
    const answer = await this.client.previewCalibration({
      calibrationId: id,
      name: this.name.trim(),
      targetFpr
    })
    if (answer.ok) this._preview = answer.value
    else this._error = answer.error.message
  }

  /** Saves the reviewed calibration and selects it for new checks. */
  async save(): Promise<void> {
    const id = this._progress?.calibrationId
    if (!id) return
    const answer = await this.client.saveCalibration({
      calibrationId: id,
      name: this.name.trim(),
      targetFpr: this.targetFpr
    })
    if (!answer.ok) {
      this._error = answer.error.message
      return
    }
    this._preview = answer.value
    this.settings.setCalibration(answer.value.id)
    this.step = 'saved'
    await this.loadSaved()
  }

  async loadSaved(): Promise<void> {
    const answer = await this.client.listCalibrations()
    if (!answer.ok) return
    this._saved = answer.value
    // A selection whose profile was deleted elsewhere falls back to the shipped operating point.
    const selected = this.settings.calibrationId
    if (selected && !answer.value.some((c) => c.id === selected)) this.settings.setCalibration(null)
  }

  async remove(id: string): Promise<void> {
    const answer = await this.client.deleteCalibration(id)
    if (!answer.ok) this._error = answer.error.message
    if (this.settings.calibrationId === id) this.settings.setCalibration(null)
    await this.loadSaved()
  }
}
