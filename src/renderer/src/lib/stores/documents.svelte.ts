/**
 * Results and the running batch. The store turns user intentions (open files, drop, cancel) into client calls and
 * folds BatchEvents into state. Results arriving in a burst are applied together (see FLUSH_INTERVAL_MS), so a
 * class folder never floods the UI thread with one re-render per file; the progress counters update at once.
 */
import type { BatchEvent, GrantedPath } from '../../../../shared/api'
import type { DocumentResult } from '../../../../shared/types'
import type { InkprintClient } from '../services/inkprint-client'
import type { NavigationStore } from './navigation.svelte'
import type { SettingsStore } from './settings.svelte'

export interface BatchProgress {
  /** Null between asking for a batch and hearing its id: early events adopt the first id they carry. */
  id: string | null
  total: number
  done: number
  currentFile: string | null
  /** A scan being read by OCR: which page of how many. */
  currentPage: { page: number; pages: number } | null
  startedAt: number
  /** When the first file finished: time before it is start-up (workers, model), not per-file work. */
  firstDoneAt: number | null
  /** How many files had finished at firstDoneAt (a burst of reused results can arrive together). */
  firstDone: number
  lastProgressAt: number
  running: boolean
  cancelled: boolean
  /** Why the batch stopped before its end (a result could not be saved); null otherwise. */
  stopped: string | null
  elapsedMs: number | null
}

export type Scheduler = (flush: () => void) => void

/**
 * Applies results at most about five times a second, on an animation frame: a 300-file class arrives at 20+ files
 * a second, and re-rendering the table for each one kept the UI thread busy for over 100 ms at a time.
 */
const FLUSH_INTERVAL_MS = 200

const frameScheduler: Scheduler = (flush) =>
  setTimeout(() => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => flush())
    else flush()
  }, FLUSH_INTERVAL_MS)

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/** Files that must finish (after the first) before a time-left estimate is shown: early rates jump around. */
export const ESTIMATE_AFTER_FILES = 3

export interface Undoable {
  /** "Removed Ava Chen" / "Forgot 20 results of Year 10". */
  label: string
  count: number
}

function folderKey(path: string): string {
  return path.replace(/[\\/]+$/, '')
}

export class DocumentsStore {
  private _results = $state.raw<DocumentResult[]>([])
  private _batch = $state<BatchProgress | null>(null)
  private _message = $state<string | null>(null)
  private pending: DocumentResult[] = []
  /** The most recent finished file, opened directly when a batch had just one. */
  private lastPath: string | null = null
  private flushQueued = false
  private _undoable = $state<Undoable | null>(null)
  private _currentClass = $state<string | null>(null)
  private _rejudging = $state(false)

  constructor(
    private readonly client: InkprintClient,
    private readonly settings: SettingsStore,
    private readonly navigation: NavigationStore,
    private readonly schedule: Scheduler = frameScheduler,
    private readonly now: () => number = () => Date.now()
  ) {
    // A changed setting re-judges the results already shown: no need to open the folder again.
    settings.onChange(() => void this.rejudge())
  }

  get results(): DocumentResult[] {
    return this._results
  }

  get batch(): BatchProgress | null {
    return this._batch
  }

  /** Last problem talking to the checker (not per-file errors, which live in each result). */
  get message(): string | null {
    return this._message
  }

  get running(): boolean {
    return this._batch?.running ?? false
  }

  /**
   * Estimated time left from the pace since the first file finished (start-up excluded); null until a few
   * files have finished after it, so the estimate does not jump about at the start.
   */
  get remainingMs(): number | null {
    const b = this._batch
    if (!b || !b.running || b.firstDoneAt === null) return null
    const since = b.done - b.firstDone
    if (since < ESTIMATE_AFTER_FILES) return null
    return ((b.lastProgressAt - b.firstDoneAt) / since) * (b.total - b.done)
  }

  /** The last removal, which "Undo" can put back; null when there is nothing to undo. */
  get undoable(): Undoable | null {
    return this._undoable
  }

  /** The folder (class) of the batch opened last: the table shows it on its own. */
  get currentClass(): string | null {
    return this._currentClass
  }

  get rejudging(): boolean {
    return this._rejudging
  }

  find(path: string): DocumentResult | undefined {
    return this._results.find((r) => r.path === path)
  }

  /** Subscribes to batch events; returns the unsubscribe function. */
  connect(): () => void {
    return this.client.onBatchEvent((event) => this.handleEvent(event))
  }

  async loadPrevious(): Promise<void> {
    const answer = await this.client.listResults()
    if (answer.ok) this._results = answer.value
  }

  async openFiles(): Promise<void> {
    const answer = await this.client.pickFiles()
    if (!answer.ok) this._message = answer.error.message
    else if (answer.value.length > 0) await this.checkGranted(answer.value)
  }

  async openFolder(): Promise<void> {
    const answer = await this.client.pickFolder()
    if (!answer.ok) this._message = answer.error.message
    else if (answer.value.length > 0) await this.checkGranted(answer.value)
  }

  /** Checks what the OS asked Inkprint to open (Open with…, a second launch); waits while a batch runs. */
  async checkOpenRequests(): Promise<void> {
    if (this.running) return
    const answer = await this.client.takeOpenRequests()
    if (answer.ok && answer.value.length > 0) await this.checkGranted(answer.value)
  }

  async checkDroppedFiles(files: Iterable<File>): Promise<void> {
    const answer = await this.client.grantDroppedFiles(files)
    if (!answer.ok) {
      this._message = answer.error.message
      return
    }
    if (answer.value.length === 0) {
      this._message = 'Those items could not be opened. Drop files or folders from your computer.'
      return
    }
    await this.checkGranted(answer.value)
  }

  /** Checks files and folders main granted (dialogs, drops, open requests): by id, never by path. */
  async checkGranted(items: GrantedPath[]): Promise<void> {
    if (this.running) {
      this._message = 'A check is already running. Cancel it or wait for it to finish.'
      return
    }
    this._message = null
    const startedAt = this.now()
    this._currentClass =
      items.length === 1 && !/\.[a-z0-9]{2,5}$/i.test(items[0].path) ? folderKey(items[0].path) : null
    this._batch = {
      id: null,
      total: items.length,
      done: 0,
      currentFile: null,
      currentPage: null,
      startedAt,
      firstDoneAt: null,
      firstDone: 0,
      lastProgressAt: startedAt,
      running: true,
      cancelled: false,
      stopped: null,
      elapsedMs: null
    }
    const answer = await this.client.startBatch(
      items.map((item) => item.id),
      this.settings.checkOptions()
    )
    if (!answer.ok) {
      this._batch = null
      this._message = answer.error.message
      return
    }
    const batch = this._batch
    if (batch && (batch.id === null || batch.id === answer.value.batchId)) {
      batch.id = answer.value.batchId
      if (batch.running) batch.total = answer.value.total
    }
    if (answer.value.total > 1 || items.length > 1) this.navigation.showTable()
  }

  async cancel(): Promise<void> {
    const id = this._batch?.id
    if (!id || !this.running) return
    const answer = await this.client.cancelBatch(id)
    if (!answer.ok) this._message = answer.error.message
  }

  async clear(): Promise<void> {
    const answer = await this.client.clearResults()
    if (!answer.ok) {
      this._message = answer.error.message
      return
    }
    const count = this._results.length
    this._results = []
    this._batch = null
    this._undoable =
      count > 0 ? { label: `Forgot ${count} ${count === 1 ? 'result' : 'results'}`, count } : null
    this.navigation.showStart()
  }

  /** Forgets some results (one row, or one class); "Undo" puts them back. */
  async remove(paths: string[], label: string): Promise<void> {
    if (paths.length === 0) return
    const answer = await this.client.removeResults(paths)
    if (!answer.ok) {
      this._message = answer.error.message
      return
    }
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throw-away index; nothing renders it
    const gone = new Set(paths)
    this._results = this._results.filter((r) => !gone.has(r.path))
    this._undoable = { label, count: answer.value.removed }
    if (this.navigation.selectedPath && gone.has(this.navigation.selectedPath)) this.navigation.showTable()
  }

  async undo(): Promise<void> {
    const answer = await this.client.undoRemove()
    if (!answer.ok) {
      this._message = answer.error.message
      return
    }
    this._undoable = null
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throw-away index; nothing renders it
    const back = new Set(answer.value.map((r) => r.path))
    this._results = [...this._results.filter((r) => !back.has(r.path)), ...answer.value]
    if (answer.value.length > 0 && this.navigation.view === 'start') this.navigation.showTable()
  }

  dismissUndo(): void {
    this._undoable = null
  }

  /** Records the teacher's reviewed mark and note; the kept result is updated in place. */
  async setReview(path: string, reviewed: boolean, note: string): Promise<boolean> {
    const answer = await this.client.setReview(path, reviewed, note)
    if (!answer.ok) {
      this._message = answer.error.message
      return false
    }
    this.replace([answer.value])
    return true
  }

  /** Judges the results shown again with the current settings (after a setting changed); no file is re-read. */
  async rejudge(): Promise<void> {
    const paths = this._results.filter((r) => r.detector).map((r) => r.path)
    if (paths.length === 0 || this.running) return
    this._rejudging = true
    const answer = await this.client.rejudgeResults(paths, this.settings.checkOptions())
    this._rejudging = false
    if (!answer.ok) {
      this._message = answer.error.message
      return
    }
    this.replace(answer.value)
  }

  /** Hides the finished batch's progress card. */
  dismissBatch(): void {
    if (!this.running) this._batch = null
  }

  private replace(updated: DocumentResult[]): void {
    if (updated.length === 0) return
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throw-away index; nothing renders it
    const byPath = new Map(updated.map((r) => [r.path, r]))
    this._results = this._results.map((r) => byPath.get(r.path) ?? r)
  }

  dismissMessage(): void {
    this._message = null
  }

  handleEvent(event: BatchEvent): void {
    const batch = this._batch
    if (!batch) return
    if (batch.id === null) batch.id = event.batchId
    if (batch.id !== event.batchId) return
    if (event.type === 'file-started') {
      batch.currentFile = baseName(event.path)
      batch.currentPage = null
      batch.total = event.total
    } else if (event.type === 'file-progress') {
      batch.currentFile = baseName(event.path)
      batch.currentPage = { page: event.page, pages: event.pages }
      batch.lastProgressAt = this.now()
    } else if (event.type === 'file-done') {
      this.pending.push(event.result)
      batch.total = event.total
      batch.done = event.done
      batch.lastProgressAt = this.now()
      if (batch.firstDoneAt === null) {
        batch.firstDoneAt = batch.lastProgressAt
        batch.firstDone = event.done
      }
      this.queueFlush()
    } else {
      this.flush()
      batch.running = false
      batch.cancelled = event.cancelled
      batch.stopped = event.stopped ?? null
      if (event.stopped) this._message = event.stopped
      batch.done = event.done
      batch.total = event.total
      batch.elapsedMs = event.elapsedMs
      batch.currentFile = null
      batch.currentPage = null
      if (event.total === 1 && !event.cancelled && this.lastPath) this.navigation.openDocument(this.lastPath)
      else if (event.total > 1 && this.navigation.view === 'start') this.navigation.showTable()
    }
  }

  private queueFlush(): void {
    if (this.flushQueued) return
    this.flushQueued = true
    this.schedule(() => this.flush())
  }

  /** Replaces kept results by newer versions of the same files (e.g. compared again with known writing). */
  replaceResults(updated: DocumentResult[]): void {
    if (updated.length === 0) return
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throw-away index; nothing renders it
    const byPath = new Map(updated.map((r) => [r.path, r]))
    this._results = this._results.map((r) => byPath.get(r.path) ?? r)
  }

  /** Applies pending results; a re-checked file replaces its earlier result rather than adding a row. */
  private flush(): void {
    this.flushQueued = false
    if (this.pending.length === 0) return
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throw-away index; nothing renders it
    const incoming = new Map(this.pending.map((r) => [r.path, r]))
    this.lastPath = this.pending[this.pending.length - 1].path
    this.pending = []
    const kept = this._results.filter((r) => !incoming.has(r.path))
    this._results = [...kept, ...incoming.values()]
  }
}
