/** An in-memory InkprintApi for store and App tests: records calls and lets the test emit batch events. */
import type {
  ApiResult,
  BatchEvent,
  CalibrationView,
  ExportedReport,
  GrantedPath,
  InkprintApi,
  KnownWritingSummary,
  ProfileImportOutcome,
  WatermarkProfileInfo
} from '../../src/shared/api'
import type { DocumentResult } from '../../src/shared/types'

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })
const noKnownWriting = (): KnownWritingSummary => ({
  students: [],
  assignments: {},
  updated: [],
  warnings: []
})

/** How the fake "main" grants a path: a readable stand-in for main's random id. */
export function granted(path: string): GrantedPath {
  return { id: `grant:${path}`, name: path.split('/').pop() ?? path, path }
}

export interface FakeApi extends InkprintApi {
  calls: { channel: string; arg: unknown }[]
  emit: (event: BatchEvent) => void
  /** Emits file-started/file-done for each result and batch-done, as the pipeline would. */
  runBatch: (batchId: string, results: DocumentResult[], cancelledAfter?: number) => void
}

export function createFakeApi(
  options: {
    picked?: string[]
    previous?: DocumentResult[]
    batchId?: string
    exported?: ApiResult<ExportedReport>
    calibration?: CalibrationView
    profiles?: WatermarkProfileInfo[]
    imported?: ProfileImportOutcome
    /** Files the OS asked to open, handed over once. */
    openRequests?: string[]
  } = {}
): FakeApi {
  let saved: CalibrationView[] = []
  let profiles = options.profiles ?? []
  let polls = 0
  const listeners = new Set<(event: BatchEvent) => void>()
  const calls: FakeApi['calls'] = []
  const record = (channel: string, arg: unknown): void => {
    calls.push({ channel, arg })
  }
  const emit = (event: BatchEvent): void => {
    for (const listener of listeners) listener(event)
  }
  return {
    calls,
    emit,
    runBatch: (batchId, results, cancelledAfter) => {
      const total = results.length
      const upTo = cancelledAfter ?? total
      results.slice(0, upTo).forEach((result, index) => {
        emit({ type: 'file-started', batchId, path: result.path, index, total })
        emit({ type: 'file-done', batchId, index, total, done: index + 1, result })
      })
      emit({ type: 'batch-done', batchId, total, done: upTo, cancelled: upTo < total, elapsedMs: 1234 })
    },
    appInfo: async (arg) => (record('appInfo', arg), ok({ version: 'test', model: null, platform: 'test' })),
    pickFiles: async (arg) => (record('pickFiles', arg), ok((options.picked ?? []).map(granted))),
    pickFolder: async (arg) => (record('pickFolder', arg), ok((options.picked ?? []).map(granted))),
    startBatch: async (arg) => (
      record('startBatch', arg),
      ok({ batchId: options.batchId ?? 'batch-1', total: arg.ids.length })
    ),
    cancelBatch: async (arg) => (record('cancelBatch', arg), ok(null)),
    listResults: async (arg) => (record('listResults', arg), ok(options.previous ?? [])),
    clearResults: async (arg) => (record('clearResults', arg), ok(null)),
    exportReport: async (arg) => (
      record('exportReport', arg),
      options.exported ?? ok({ files: [`/reports/${arg.format}`], warnings: [], cancelled: false })
    ),
    startCalibration: async (arg) => (
      record('startCalibration', arg),
      ok({ calibrationId: 'cal-1', phase: 'human', done: 0, total: 3, error: null })
    ),
    // Scoring finishes on the second poll, so a test sees progress first.
    calibrationProgress: async (arg) => (
      record('calibrationProgress', arg),
      ok({
        calibrationId: 'cal-1',
        phase: ++polls >= 2 ? 'done' : 'human',
        done: polls,
        total: 3,
        error: null
      })
    ),
    previewCalibration: async (arg) => {
      record('previewCalibration', arg)
      if (!options.calibration) return { ok: false, error: { code: 'not-found', message: 'none' } }
      return ok({ ...options.calibration, targetFpr: arg.targetFpr, name: arg.name })
    },
    saveCalibration: async (arg) => {
      record('saveCalibration', arg)
      if (!options.calibration) return { ok: false, error: { code: 'not-found', message: 'none' } }
      const view = { ...options.calibration, id: 'saved-1', name: arg.name, targetFpr: arg.targetFpr }
      saved = [view]
      return ok(view)
    },
    listCalibrations: async (arg) => (record('listCalibrations', arg), ok(saved)),
    deleteCalibration: async (arg) => (record('deleteCalibration', arg), (saved = []), ok(null)),
    listProfiles: async (arg) => (record('listProfiles', arg), ok(profiles)),
    importProfile: async (arg) => (
      record('importProfile', arg),
      ok(options.imported ?? { imported: false, cancelled: true, errors: [] })
    ),
    setProfileEnabled: async (arg) => {
      record('setProfileEnabled', arg)
      profiles = profiles.map((p) => (p.id === arg.id ? { ...p, enabled: arg.enabled } : p))
      return ok(profiles)
    },
    takeOpenRequests: async (arg) => (
      record('takeOpenRequests', arg),
      ok((options.openRequests?.splice(0) ?? []).map(granted))
    ),
    listKnownWriting: async (arg) => (record('listKnownWriting', arg), ok(noKnownWriting())),
    addKnownWriting: async (arg) => (record('addKnownWriting', arg), ok(noKnownWriting())),
    removeKnownWriting: async (arg) => (record('removeKnownWriting', arg), ok(noKnownWriting())),
    assignStudent: async (arg) => (record('assignStudent', arg), ok(noKnownWriting())),
    removeResults: async (arg) => (record('removeResults', arg), ok({ removed: arg.paths.length })),
    undoRemove: async (arg) => (record('undoRemove', arg), ok(options.previous ?? [])),
    setReview: async (arg) => {
      record('setReview', arg)
      const base = (options.previous ?? []).find((r) => r.path === arg.path)
      if (!base) return { ok: false, error: { code: 'not-found', message: 'none' } }
      return ok({ ...base, review: { reviewed: arg.reviewed, note: arg.note, updatedAt: 'now' } })
    },
    rejudgeResults: async (arg) => (record('rejudgeResults', arg), ok([])),
    openReport: async (arg) => (record('openReport', arg), ok(null)),
    onBatchEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    grantDroppedFiles: async (files) => (
      record(
        'grantDroppedFiles',
        files.map((f) => f.name)
      ),
      ok(files.map((file) => granted(`/dropped/${file.name}`)))
    )
  }
}
