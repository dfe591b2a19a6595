/**
 * Known writing of students (kept on this computer as style measurements, not text) and hand corrections of
 * which student a file belongs to. Every change comes back with the kept results compared again.
 */
import type { KnownWritingSummary } from '../../../../shared/api'
import type { DocumentResult } from '../../../../shared/types'
import type { InkprintClient } from '../services/inkprint-client'

export class KnownWritingStore {
  private _summary = $state.raw<KnownWritingSummary | null>(null)
  private _message = $state<string | null>(null)
  private _busy = $state(false)

  constructor(
    private readonly client: InkprintClient,
    /** Receives results compared again after a change (the documents store replaces its rows). */
    private readonly onUpdated: (results: DocumentResult[]) => void
  ) {}

  get students(): KnownWritingSummary['students'] {
    return this._summary?.students ?? []
  }

  get message(): string | null {
    return this._message
  }

  get busy(): boolean {
    return this._busy
  }

  /** The hand correction for a file, if any. */
  assignedTo(path: string): string | null {
    return this._summary?.assignments[path] ?? null
  }

  async load(): Promise<void> {
    const answer = await this.client.listKnownWriting()
    if (answer.ok) this._summary = answer.value
    else this._message = answer.error.message
  }

  private async apply(call: Promise<Awaited<ReturnType<InkprintClient['listKnownWriting']>>>, done?: string) {
    this._busy = true
    this._message = null
    try {
      const answer = await call
      if (!answer.ok) {
        this._message = answer.error.message
        return
      }
      this._summary = answer.value
      this.onUpdated(answer.value.updated)
      const warnings = answer.value.warnings
      this._message =
        warnings.length > 0 ? `Some files could not be read: ${warnings.join(' ')}` : (done ?? null)
    } finally {
      this._busy = false
    }
  }

  async add(student: string, from: 'files' | 'folder'): Promise<void> {
    const name = student.trim()
    if (!name) {
      this._message = 'Type the student’s name first.'
      return
    }
    await this.apply(this.client.addKnownWriting(name, from))
  }

  async remove(student: string, fileName?: string): Promise<void> {
    await this.apply(this.client.removeKnownWriting(student, fileName))
  }

  async assign(path: string, student: string | null): Promise<void> {
    await this.apply(this.client.assignStudent(path, student))
  }
}
