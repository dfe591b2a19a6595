/**
 * The one place that talks to `window.inkprint` (the preload bridge, or the loopback test bridge). Stores call
 * intention-named methods here; everything returns `ApiResult` data, never throws, so a broken bridge shows up
 * as an error message in the UI rather than an unhandled rejection.
 */
import type {
  ApiResult,
  AppInfo,
  BatchEvent,
  BatchStarted,
  CalibrationChoice,
  CalibrationProgress,
  CalibrationRequest,
  CalibrationView,
  CheckOptions,
  ExportedReport,
  ExportReportRequest,
  GrantedPath,
  InkprintApi,
  KnownWritingSummary,
  ProfileImportOutcome,
  WatermarkProfileInfo
} from '../../../../shared/api'
import type { DocumentResult } from '../../../../shared/types'

function failure<T>(message: string): ApiResult<T> {
  return { ok: false, error: { code: 'not-available', message } }
}

async function guard<T>(call: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  try {
    return await call()
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { code: 'internal', message: `The checker did not answer: ${detail}` } }
  }
}

export class InkprintClient {
  constructor(private readonly api: InkprintApi | undefined) {}

  get available(): boolean {
    return this.api !== undefined
  }

  private call<T>(run: (api: InkprintApi) => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    const api = this.api
    if (!api) return Promise.resolve(failure('Inkprint’s checker is not connected to this window.'))
    return guard(() => run(api))
  }

  appInfo(): Promise<ApiResult<AppInfo>> {
    return this.call((api) => api.appInfo(null))
  }

  pickFiles(): Promise<ApiResult<GrantedPath[]>> {
    return this.call((api) => api.pickFiles(null))
  }

  takeOpenRequests(): Promise<ApiResult<GrantedPath[]>> {
    return this.call((api) => api.takeOpenRequests(null))
  }

  pickFolder(): Promise<ApiResult<GrantedPath[]>> {
    return this.call((api) => api.pickFolder(null))
  }

  /** Checks granted files and folders, by the ids main gave for them. */
  startBatch(ids: string[], options: CheckOptions): Promise<ApiResult<BatchStarted>> {
    return this.call((api) => api.startBatch({ ids, options }))
  }

  cancelBatch(batchId: string): Promise<ApiResult<null>> {
    return this.call((api) => api.cancelBatch({ batchId }))
  }

  listResults(): Promise<ApiResult<DocumentResult[]>> {
    return this.call((api) => api.listResults(null))
  }

  clearResults(): Promise<ApiResult<null>> {
    return this.call((api) => api.clearResults(null))
  }

  removeResults(paths: string[]): Promise<ApiResult<{ removed: number }>> {
    return this.call((api) => api.removeResults({ paths }))
  }

  undoRemove(): Promise<ApiResult<DocumentResult[]>> {
    return this.call((api) => api.undoRemove(null))
  }

  setReview(path: string, reviewed: boolean, note: string): Promise<ApiResult<DocumentResult>> {
    return this.call((api) => api.setReview({ path, reviewed, note }))
  }

  rejudgeResults(paths: string[], options: CheckOptions): Promise<ApiResult<DocumentResult[]>> {
    return this.call((api) => api.rejudgeResults({ paths, options }))
  }

  openReport(file: string, reveal: boolean): Promise<ApiResult<null>> {
    return this.call((api) => api.openReport({ file, reveal }))
  }

  exportReport(request: ExportReportRequest): Promise<ApiResult<ExportedReport>> {
    return this.call((api) => api.exportReport(request))
  }

  startCalibration(request: CalibrationRequest): Promise<ApiResult<CalibrationProgress>> {
    return this.call((api) => api.startCalibration(request))
  }

  calibrationProgress(calibrationId: string): Promise<ApiResult<CalibrationProgress>> {
    return this.call((api) => api.calibrationProgress({ calibrationId }))
  }

  previewCalibration(choice: CalibrationChoice): Promise<ApiResult<CalibrationView>> {
    return this.call((api) => api.previewCalibration(choice))
  }

  saveCalibration(choice: CalibrationChoice): Promise<ApiResult<CalibrationView>> {
    return this.call((api) => api.saveCalibration(choice))
  }

  listCalibrations(): Promise<ApiResult<CalibrationView[]>> {
    return this.call((api) => api.listCalibrations(null))
  }

  deleteCalibration(id: string): Promise<ApiResult<null>> {
    return this.call((api) => api.deleteCalibration({ id }))
  }

  listProfiles(): Promise<ApiResult<WatermarkProfileInfo[]>> {
    return this.call((api) => api.listProfiles(null))
  }

  importProfile(): Promise<ApiResult<ProfileImportOutcome>> {
    return this.call((api) => api.importProfile(null))
  }

  setProfileEnabled(id: string, enabled: boolean): Promise<ApiResult<WatermarkProfileInfo[]>> {
    return this.call((api) => api.setProfileEnabled({ id, enabled }))
  }

  /** Subscribes to batch progress; returns the unsubscribe function. */
  listKnownWriting(): Promise<ApiResult<KnownWritingSummary>> {
    return this.call((api) => api.listKnownWriting(null))
  }

  addKnownWriting(student: string, from: 'files' | 'folder'): Promise<ApiResult<KnownWritingSummary>> {
    return this.call((api) => api.addKnownWriting({ student, from }))
  }

  removeKnownWriting(student: string, fileName?: string): Promise<ApiResult<KnownWritingSummary>> {
    return this.call((api) => api.removeKnownWriting({ student, fileName }))
  }

  assignStudent(path: string, student: string | null): Promise<ApiResult<KnownWritingSummary>> {
    return this.call((api) => api.assignStudent({ path, student }))
  }

  onBatchEvent(listener: (event: BatchEvent) => void): () => void {
    return this.api ? this.api.onBatchEvent(listener) : () => {}
  }

  /** Grants dropped files; files with no place on this computer (e.g. dragged from a web page) are left out. */
  grantDroppedFiles(files: Iterable<File>): Promise<ApiResult<GrantedPath[]>> {
    return this.call((api) => api.grantDroppedFiles(Array.from(files)))
  }
}

/** The client for this window. Read once at start-up; tests construct their own `InkprintClient`. */
export function createWindowClient(): InkprintClient {
  return new InkprintClient(typeof window === 'undefined' ? undefined : window.inkprint)
}
