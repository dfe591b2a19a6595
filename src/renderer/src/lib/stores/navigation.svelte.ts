/** Which view the window shows, and which document is open. Dialogs (settings, about) are local to the app bar. */

export type View = 'start' | 'table' | 'document' | 'calibration'

export class NavigationStore {
  private _view = $state<View>('start')
  private _selectedPath = $state<string | null>(null)

  get view(): View {
    return this._view
  }

  get selectedPath(): string | null {
    return this._selectedPath
  }

  openDocument(path: string): void {
    this._selectedPath = path
    this._view = 'document'
  }

  showTable(): void {
    this._view = 'table'
  }

  /** The guided calibration flow (from Settings). */
  showCalibration(): void {
    this._view = 'calibration'
  }

  showStart(): void {
    this._selectedPath = null
    this._view = 'start'
  }
}
