/** Exporting evidence reports: one request at a time, and a plain message about what was written or went wrong. */
import type { ReportFileFormat, ReportScope } from '../../../../shared/api'
import type { InkprintClient } from '../services/inkprint-client'

export interface ExportMessage {
  tone: 'success' | 'error'
  text: string
  files: string[]
}

export const REPORT_FORMATS: { value: ReportFileFormat; label: string }[] = [
  { value: 'pdf', label: 'PDF' },
  { value: 'html', label: 'Web page (HTML)' },
  { value: 'json', label: 'Data (JSON)' },
  { value: 'csv', label: 'Spreadsheet (CSV)' }
]

function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))
  return cut > 0 ? file.slice(0, cut) : file
}

export class ReportsStore {
  private _busy = $state(false)
  private _message = $state<ExportMessage | null>(null)
  private _scope = $state<ReportScope | null>(null)

  constructor(private readonly client: InkprintClient) {}

  get busy(): boolean {
    return this._busy
  }

  /** The last outcome, for the scope it belongs to (a class export's message is not shown on a document). */
  messageFor(scope: ReportScope): ExportMessage | null {
    return this._scope === scope ? this._message : null
  }

  async exportReport(paths: string[], scope: ReportScope, format: ReportFileFormat): Promise<void> {
    if (this._busy || paths.length === 0) return
    this._busy = true
    this._scope = scope
    this._message = null
    const answer = await this.client.exportReport({ paths, scope, format })
    this._busy = false
    if (!answer.ok) {
      this._message = { tone: 'error', text: `The report was not saved: ${answer.error.message}`, files: [] }
    } else if (!answer.value.cancelled) {
      const { files, warnings } = answer.value
      const text =
        files.length === 1
          ? `Report saved: ${files[0]}`
          : scope === 'class'
            ? `Saved the class report and ${files.length - 1} student reports in ${folderOf(files[0])}.`
            : `${files.length} report files saved.`
      this._message = { tone: 'success', text: [text, ...warnings].join(' '), files }
    }
  }

  /** Opens a saved report with the computer's default program, or shows it in its folder. */
  async open(file: string, reveal: boolean): Promise<void> {
    const answer = await this.client.openReport(file, reveal)
    if (!answer.ok && this._message)
      this._message = { ...this._message, tone: 'error', text: answer.error.message }
  }

  dismiss(): void {
    this._message = null
  }
}
