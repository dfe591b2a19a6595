/**
 * The one IPC contract between the renderer and the engine host (Electron main, or the loopback test bridge).
 * The preload implements `InkprintApi` with `satisfies`; main registers `ApiHandlers` under `API_CHANNELS`, a
 * table keyed by verb: a verb without a channel, or a channel without a verb, does not compile.
 *
 * The renderer never names a path for main to read. Main hands out `GrantedPath`s (opaque ids) for what the
 * teacher chose in its dialogs, dropped on the window, or asked the OS to open, and accepts only those ids back.
 */
import type { KnownWritingSet } from './known-writing'
import type { OperatingPointName } from './operating-points'
import type { DocumentResult, ErrorCode } from './types'

/** Every invoke returns data, never throws across the boundary. */
export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } }

export type ApiErrorCode = ErrorCode | 'invalid-request' | 'unknown-batch' | 'not-available'

export type { OperatingPointName } from './operating-points'

export interface CheckOptions {
  operatingPoint: OperatingPointName
  /** Watermark profile ids to test; empty means all enabled profiles. */
  profiles?: string[]
  /** A saved local calibration (see listCalibrations) to judge documents with instead of the shipped point. */
  calibrationId?: string
  /** Students' known writing (style counts) to compare each document with; omitted: no comparison. */
  knownWriting?: KnownWritingSet
}

export type ReportScope = 'document' | 'class'
export type ReportFileFormat = 'pdf' | 'html' | 'json' | 'csv'

export interface ExportReportRequest {
  /** Paths of results kept on this machine; main looks them up itself, never trusting result objects. */
  paths: string[]
  scope: ReportScope
  format: ReportFileFormat
}

export interface ExportedReport {
  /** Files written (empty when the teacher cancelled the folder dialog). */
  files: string[]
  warnings: string[]
  cancelled: boolean
}

/**
 * A file or folder main let the renderer use: chosen in a dialog, dropped on the window, or handed over by the
 * OS. Verbs that read documents take the `id`, never a path.
 */
export interface GrantedPath {
  /** An unguessable token main maps to the path (valid until Inkprint quits). */
  id: string
  /** The file or folder name, to show. */
  name: string
  /** The full path, to show and to match results by (results name their file by path); never accepted back. */
  path: string
}

export interface CalibrationRequest {
  name: string
  /** Granted ids of files or folders of documents known to be human-written. */
  humanIds: string[]
  /** Granted ids of optional known-AI documents, for the detection rate. */
  aiIds?: string[]
}

export interface CalibrationProgress {
  calibrationId: string
  phase: 'human' | 'ai' | 'done' | 'failed'
  done: number
  total: number
  /** Set when phase is 'failed'. */
  error: { code: ErrorCode; message: string } | null
}

/** One row of the false-positive table: what a threshold would flag. Intervals are 95% Wilson. */
export interface CalibrationTableRow {
  threshold: number
  falsePositives: number
  fpr: number
  fprLower: number
  fprUpper: number
  tpr: number | null
}

/** A calibration as the app shows it: numbers only, never text or file names. */
export interface CalibrationView {
  /** The saved profile's id, or the running calibration's id for a preview. */
  id: string
  name: string
  createdAt: string
  nHuman: number
  nAi: number
  targetFpr: number
  threshold: number
  falsePositives: number
  fpr: { estimate: number; lower: number; upper: number }
  tpr: { estimate: number; lower: number; upper: number } | null
  documentsNeeded: number
  enoughDocuments: boolean
  /** The shipped default setting on the same essays, when it is stricter (see CalibrationProfile). */
  shippedComparison?: { name: string; threshold: number; falsePositives: number } | null
  description: string
  warnings: string[]
  model: { name: string; version: string }
  table: CalibrationTableRow[]
  /** Self-contained SVG documents made by Inkprint's own plot code (numbers only). */
  plots: { histogram: string; roc: string | null }
}

export interface CalibrationChoice {
  calibrationId: string
  name: string
  targetFpr: number
}

export interface WatermarkProfileInfo {
  id: string
  name: string
  scheme: 'kgw' | 'unigram' | 'aaronson' | 'synthid'
  tokenizer: string
  publicDefaultKey: boolean
  source: 'shipped' | 'imported'
  enabled: boolean
  /** Null when the profile can be tested on this machine; else why not, in plain words. */
  unavailable: string | null
  description: string
}

export type ProfileImportOutcome =
  | { imported: true; profile: WatermarkProfileInfo }
  | { imported: false; cancelled: boolean; errors: string[] }

export interface BatchStarted {
  batchId: string
  /** Files found after expanding folders. */
  total: number
}

export type BatchEvent =
  | { type: 'file-started'; batchId: string; path: string; index: number; total: number }
  /** A scan or photo being read by OCR: page `page` of the `pages` that need it. */
  | {
      type: 'file-progress'
      batchId: string
      path: string
      index: number
      total: number
      stage: 'ocr'
      page: number
      pages: number
    }
  | { type: 'file-done'; batchId: string; index: number; total: number; done: number; result: DocumentResult }
  | {
      type: 'batch-done'
      batchId: string
      total: number
      done: number
      cancelled: boolean
      elapsedMs: number
      /** Why the batch stopped before its end when it was not cancelled (a result could not be saved), in words. */
      stopped?: string
    }

export interface RateInterval {
  estimate: number
  lower: number
  upper: number
}

/** What the About page shows about the shipped detector, read from its model card and fairness audit. */
export interface ModelFacts {
  name: string
  version: string
  sha256: string
  /** Below this many words a document is "too short to judge". */
  tooShortWords: number
  /** Document AUROC on held-out essays, with the counts it was measured on. */
  heldOut: { auroc: number; nHuman: number; nAi: number } | null
  operatingPoints: {
    name: string
    targetFpr: number
    threshold: number
    fpr: number
    fprUpper: number
    measuredOn: string
  }[]
  /**
   * Human essays flagged, by writer group, at each operating point (`inkprint audit` on held-out essays).
   * Null when the audit is missing or was produced by another model.
   */
  fairness: { group: string; n: number; fpr: Record<string, RateInterval | null> }[] | null
  /** Held-out AI essays flagged at each operating point. */
  detection: { n: number; tpr: Record<string, RateInterval | null> } | null
  /**
   * Human writing from corpora left OUT of training, at the default setting: the share with a "likely AI"
   * verdict or any passage shaded, with its 95% upper bound (the model card's leave-one-corpus-out figures).
   */
  unseenWriters?: { group: string; n: number; rate: number; upper: number }[]
}

export interface AppInfo {
  version: string
  model: { name: string; version: string; sha256: string } | null
  /** Model card and fairness figures for the About page; null without a detector. */
  modelFacts?: ModelFacts | null
  platform: string
}

/** The request/response verbs. Each takes one JSON-serialisable argument. */
export interface InvokeApi {
  appInfo: (arg: null) => ApiResult<AppInfo>
  /** Opens a native dialog; returns what was chosen, granted (empty when cancelled). */
  pickFiles: (arg: null) => ApiResult<GrantedPath[]>
  pickFolder: (arg: null) => ApiResult<GrantedPath[]>
  /**
   * Grants dropped files and folders. Only the preload calls it, with paths Electron resolved from real File
   * objects (`webUtils.getPathForFile`); the page gets `grantDroppedFiles` instead and can never name a path.
   */
  grantDroppedPaths: (arg: { paths: string[] }) => ApiResult<GrantedPath[]>
  /** Starts checking granted files/folders (by id); progress arrives as BatchEvents. */
  startBatch: (arg: { ids: string[]; options: CheckOptions }) => ApiResult<BatchStarted>
  cancelBatch: (arg: { batchId: string }) => ApiResult<null>
  /** Results kept from earlier sessions on this machine. */
  listResults: (arg: null) => ApiResult<DocumentResult[]>
  clearResults: (arg: null) => ApiResult<null>
  /** Asks for a folder, then writes a document or class report of kept results there. */
  exportReport: (arg: ExportReportRequest) => ApiResult<ExportedReport>
  /** Starts scoring known-human (and AI) documents; poll calibrationProgress until done. */
  startCalibration: (arg: CalibrationRequest) => ApiResult<CalibrationProgress>
  calibrationProgress: (arg: { calibrationId: string }) => ApiResult<CalibrationProgress>
  /** The table, plots and threshold for a target false-positive rate, from a finished calibration. */
  previewCalibration: (arg: CalibrationChoice) => ApiResult<CalibrationView>
  saveCalibration: (arg: CalibrationChoice) => ApiResult<CalibrationView>
  listCalibrations: (arg: null) => ApiResult<CalibrationView[]>
  deleteCalibration: (arg: { id: string }) => ApiResult<null>
  listProfiles: (arg: null) => ApiResult<WatermarkProfileInfo[]>
  /** Opens a file dialog for a profile JSON, validates it and keeps a copy on this machine. */
  importProfile: (arg: null) => ApiResult<ProfileImportOutcome>
  setProfileEnabled: (arg: { id: string; enabled: boolean }) => ApiResult<WatermarkProfileInfo[]>
  /** Files and folders the OS asked Inkprint to open ("Open with…", a second launch), not yet checked; granted. */
  takeOpenRequests: (arg: null) => ApiResult<GrantedPath[]>
  /** Students' known writing kept on this computer (as style counts), and hand corrections of students. */
  listKnownWriting: (arg: null) => ApiResult<KnownWritingSummary>
  /** Asks for files (or a folder) and adds them as known writing of `student`; kept results are compared again. */
  addKnownWriting: (arg: { student: string; from: 'files' | 'folder' }) => ApiResult<KnownWritingSummary>
  /** Removes one known text (by file name) or all of a student's known writing. */
  removeKnownWriting: (arg: { student: string; fileName?: string }) => ApiResult<KnownWritingSummary>
  /** Corrects which student a checked file belongs to (null: back to the name in the file name). */
  assignStudent: (arg: { path: string; student: string | null }) => ApiResult<KnownWritingSummary>
  /** Forgets the kept results for these paths (one row, or one class); undoRemove puts them back. */
  removeResults: (arg: { paths: string[] }) => ApiResult<{ removed: number }>
  /** Puts back what the last removeResults or clearResults forgot (until Inkprint quits). */
  undoRemove: (arg: null) => ApiResult<DocumentResult[]>
  /** Records the teacher's reviewed mark and private note on a kept result. */
  setReview: (arg: { path: string; reviewed: boolean; note: string }) => ApiResult<DocumentResult>
  /** Judges kept results again with other settings (no file is read again); returns the updated results. */
  rejudgeResults: (arg: { paths: string[]; options: CheckOptions }) => ApiResult<DocumentResult[]>
  /** Opens a report file this window just saved, or shows it in its folder. */
  openReport: (arg: { file: string; reveal: boolean }) => ApiResult<null>
}

/** Known writing as the app shows it: names, file names and word counts (the counts themselves stay in main). */
export interface KnownWritingSummary {
  students: {
    student: string
    words: number
    texts: { fileName: string; words: number; addedAt: string }[]
  }[]
  /** Hand corrections: checked file path → student. */
  assignments: Record<string, string>
  /** Kept results compared again after this change (replace them in the table). */
  updated: DocumentResult[]
  /** Files that could not be read, in words. */
  warnings: string[]
}

export type InvokeChannel = keyof InvokeApi
export type InvokeArg<C extends InvokeChannel> = Parameters<InvokeApi[C]>[0]
export type InvokeReturn<C extends InvokeChannel> = ReturnType<InvokeApi[C]>

/** Every verb's IPC channel. The mapped type makes a missing verb, an extra key or a misspelt channel an error. */
export type ChannelTable = { readonly [V in InvokeChannel]: `inkprint:${V}` }

export const API_CHANNELS = {
  appInfo: 'inkprint:appInfo',
  pickFiles: 'inkprint:pickFiles',
  pickFolder: 'inkprint:pickFolder',
  grantDroppedPaths: 'inkprint:grantDroppedPaths',
  startBatch: 'inkprint:startBatch',
  cancelBatch: 'inkprint:cancelBatch',
  listResults: 'inkprint:listResults',
  clearResults: 'inkprint:clearResults',
  exportReport: 'inkprint:exportReport',
  startCalibration: 'inkprint:startCalibration',
  calibrationProgress: 'inkprint:calibrationProgress',
  previewCalibration: 'inkprint:previewCalibration',
  saveCalibration: 'inkprint:saveCalibration',
  listCalibrations: 'inkprint:listCalibrations',
  deleteCalibration: 'inkprint:deleteCalibration',
  listProfiles: 'inkprint:listProfiles',
  importProfile: 'inkprint:importProfile',
  setProfileEnabled: 'inkprint:setProfileEnabled',
  takeOpenRequests: 'inkprint:takeOpenRequests',
  listKnownWriting: 'inkprint:listKnownWriting',
  addKnownWriting: 'inkprint:addKnownWriting',
  removeKnownWriting: 'inkprint:removeKnownWriting',
  assignStudent: 'inkprint:assignStudent',
  removeResults: 'inkprint:removeResults',
  undoRemove: 'inkprint:undoRemove',
  setReview: 'inkprint:setReview',
  rejudgeResults: 'inkprint:rejudgeResults',
  openReport: 'inkprint:openReport'
} as const satisfies ChannelTable

/** The verbs, in the table's order. Keys of API_CHANNELS are exactly InvokeChannel (checked by satisfies above). */
export const API_VERBS = Object.keys(API_CHANNELS) as InvokeChannel[]

/** Verbs only the preload calls: the page gets a safer function in their place (see InkprintApi). */
export const PRELOAD_ONLY_VERBS = ['grantDroppedPaths'] as const satisfies readonly InvokeChannel[]
export type PreloadOnlyVerb = (typeof PRELOAD_ONLY_VERBS)[number]
/** The verbs the page calls as they are. */
export type PageVerb = Exclude<InvokeChannel, PreloadOnlyVerb>
export const PAGE_VERBS = API_VERBS.filter(
  (verb): verb is PageVerb => !(PRELOAD_ONLY_VERBS as readonly string[]).includes(verb)
)

export const EVENT_CHANNEL = 'inkprint:batch-event'

/** The server side: one handler per verb. Served by Electron's ipcMain and by the test bridge alike. */
export type ApiHandlers = {
  [C in InvokeChannel]: (arg: InvokeArg<C>) => Promise<InvokeReturn<C>>
}

/** What the renderer sees on `window.inkprint`. */
export type InkprintApi = {
  [C in PageVerb]: (arg: InvokeArg<C>) => Promise<InvokeReturn<C>>
} & {
  /** Subscribes to batch events; returns the unsubscribe function. */
  onBatchEvent: (listener: (event: BatchEvent) => void) => () => void
  /**
   * Grants dropped File objects: the preload resolves each to its path on disk (Electron webUtils) and asks
   * main for ids. Files with no path on disk (made by the page, dragged from a web page) are left out.
   */
  grantDroppedFiles: (files: readonly File[]) => Promise<ApiResult<GrantedPath[]>>
}
