/**
 * The handler table behind every verb of the IPC contract. No electron import: Electron's ipcMain serves it in
 * the app, and the loopback test bridge serves the very same table to the renderer running in Chromium.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { ApiHandlers, ApiResult, BatchEvent, CheckOptions } from '../shared/api'
import { CheckSession, resolveCalibration, type CheckSettings } from '../pipeline/check-session'
import { rejudgeKept } from '../pipeline/rejudge'
import type { CheckEngine } from '../pipeline/batch/engine'
import { InProcessEngine } from '../pipeline/batch/in-process-engine'
import { CalibrationStore } from '../pipeline/calibration'
import { ResultsStore } from '../pipeline/results-store'
import { loadContextWithUserProfiles } from '../pipeline/user-profiles'
import { INKPRINT_VERSION } from '../pipeline/version'
import { readModelFacts } from '../pipeline/model-facts'
import { cleanReview, removeResults, restoreResults, setReview } from '../pipeline/results-edit'
import type { DocumentResult } from '../shared/types'
import { createCalibrationHandlers } from './calibration-handlers'
import { CalibrationService } from './calibration-service'
import { writeReportSet, type PrintPdf } from '../pipeline/report/export'
import { ProfilesService } from './profiles-service'
import { createPathGrantHandlers, PathGrants } from './path-grants'
import { validateExportReport, validateRejudge, validateStartBatch } from './validate'
import { createKnownWritingHandlers } from './known-writing-handlers'
import { KnownWritingService } from './known-writing-service'

export interface HandlerDeps {
  emit: (event: BatchEvent) => void
  pickFiles: () => Promise<string[]>
  pickFolder: () => Promise<string[]>
  /** Asks where to write a report; null when the teacher cancelled. */
  pickReportFolder?: () => Promise<string | null>
  /** Asks for a watermark profile JSON file; null when cancelled. */
  pickProfileFile?: () => Promise<string | null>
  /** Prints report HTML to PDF bytes (Electron's printToPDF in the app, a local Chromium in the bridge). */
  printPdf?: PrintPdf
  /** Where this machine keeps the current session's results (never uploaded). */
  storeDir: string
  /** Saved calibration profiles; default `<storeDir>/calibrations`. */
  calibrationDir?: string
  /** Imported watermark profiles and which profiles are off; default `<storeDir>/profiles`. */
  profilesDir?: string
  /** Defaults to checking in this process with the shipped models (what the test bridge uses). */
  engine?: CheckEngine
  /** Called after a profile was imported, so an engine that caches profiles (worker pool) can reload. */
  onProfilesImported?: () => void
  model?: () => Promise<{ name: string; version: string; sha256: string } | null>
  /** Files and folders the OS asked to open (OpenRequests.take in the app); none when absent. */
  takeOpenRequests?: () => string[]
  /** Opens a file with its default application (shell.openPath), or shows it in its folder (showItemInFolder). */
  openFile?: (file: string, reveal: boolean) => Promise<void>
}

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })
const fail = (
  code: 'not-found' | 'not-available' | 'invalid-request',
  message: string
): ApiResult<never> => ({
  ok: false,
  error: { code, message }
})

export function createHandlers(deps: HandlerDeps): ApiHandlers {
  const profilesDir = deps.profilesDir ?? join(deps.storeDir, 'profiles')
  const context = resettable(() => loadContextWithUserProfiles(profilesDir))
  const engine = deps.engine ?? new InProcessEngine(() => context.get())
  const model =
    deps.model ??
    (async () => {
      const card = (await context.get()).detector?.card
      return card ? { name: card.name, version: card.version, sha256: card.sha256 } : null
    })
  const store = new ResultsStore(join(deps.storeDir, 'results.jsonl'))
  const calibrations = new CalibrationService(
    new CalibrationStore(deps.calibrationDir ?? join(deps.storeDir, 'calibrations')),
    engine
  )
  const profiles = new ProfilesService(
    profilesDir,
    () => context.get(),
    () => context.reset()
  )
  const known = new KnownWritingService(deps.storeDir)
  /** The only paths the renderer may have read: those main issued (dialogs, drops, open requests). */
  const grants = new PathGrants()
  const running = new Map<string, AbortController>()
  /** What the last removal forgot, so that "Undo" can put it back (kept in memory only, until quit). */
  let lastRemoved: DocumentResult[] = []
  /** Report files this window saved: the only files openReport will open or reveal. */
  const savedReports = new Set<string>()
  const facts = resettable(() => readModelFacts())
  /** The settings a check or a re-judging uses, resolved once: the calibration and the profiles that are on. */
  const settingsFor = async (options: CheckOptions): Promise<ApiResult<CheckSettings>> => {
    const calibration = await resolveCalibration(calibrations.store, options.calibrationId)
    if (calibration === 'unknown')
      return fail('not-found', 'That calibration is no longer on this computer. Choose another in Settings.')
    return ok({
      operatingPoint: options.operatingPoint,
      calibration,
      profileIds: await profiles.resolve(options.profiles ?? []),
      includeText: true
    })
  }

  return {
    appInfo: async () => {
      const current = await model()
      const known = await facts.get()
      return ok({
        version: INKPRINT_VERSION,
        model: current,
        modelFacts: current && known?.sha256 === current.sha256 ? known : null,
        platform: process.platform
      })
    },
    ...createPathGrantHandlers(grants, deps),
    startBatch: async (arg) => {
      const request = validateStartBatch(arg, grants)
      if (!request.ok) return request
      const settings = await settingsFor(request.value.options)
      if (!settings.ok) return settings
      // Files already checked with these settings (same content) keep their result: a batch cut short by a
      // crash, a quit or a cancel continues where it stopped when the teacher opens the folder again.
      const session = new CheckSession(settings.value, {
        engine,
        store,
        reuse: true,
        finish: await known.comparer()
      })
      const batchId = randomUUID()
      const controller = new AbortController()
      running.set(batchId, controller)
      const total = await new Promise<number>((resolve) => {
        void session.run({
          batchId,
          paths: request.value.paths,
          signal: controller.signal,
          onPlanned: resolve,
          sink: (event) => {
            if (event.type === 'batch-done') running.delete(batchId)
            deps.emit(event)
          }
        })
      })
      return ok({ batchId, total })
    },
    cancelBatch: async (arg) => {
      const controller = typeof arg?.batchId === 'string' ? running.get(arg.batchId) : undefined
      if (!controller)
        return { ok: false, error: { code: 'unknown-batch', message: 'No running batch has that id.' } }
      controller.abort()
      return ok(null)
    },
    listResults: async () => ok(await store.readAll()),
    clearResults: async () => {
      lastRemoved = await store.readAll()
      await store.clear()
      return ok(null)
    },
    removeResults: async (arg) => {
      const paths = (arg as { paths?: unknown } | null)?.paths
      if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === 'string'))
        return fail('invalid-request', 'Expected { paths }.')
      if (running.size > 0)
        return fail('not-available', 'Results cannot be removed while a check is running.')
      lastRemoved = await removeResults(store, paths as string[])
      return ok({ removed: lastRemoved.length })
    },
    undoRemove: async () => {
      const back = await restoreResults(store, lastRemoved)
      lastRemoved = []
      return ok(back)
    },
    setReview: async (arg) => {
      const a = (arg ?? {}) as { path?: unknown; reviewed?: unknown; note?: unknown }
      if (typeof a.path !== 'string' || typeof a.reviewed !== 'boolean' || typeof a.note !== 'string')
        return fail('invalid-request', 'Expected { path, reviewed, note }.')
      const updated = await setReview(
        store,
        a.path,
        cleanReview(a.reviewed, a.note, new Date().toISOString())
      )
      return updated ? ok(updated) : fail('not-found', 'That result is no longer kept on this computer.')
    },
    rejudgeResults: async (arg) => {
      const a = (arg ?? {}) as { paths?: unknown; options?: unknown }
      const request = validateRejudge({ paths: a.paths, options: a.options })
      if (!request.ok) return request
      if (running.size > 0) return fail('not-available', 'Wait for the running check to finish.')
      const settings = await settingsFor(request.value.options)
      if (!settings.ok) return settings
      const session = new CheckSession(settings.value, { engine, store, reuse: false })
      const card = (await context.get()).detector?.card ?? null
      return ok(await rejudgeKept(store, request.value.paths, (r) => session.rejudge(r, card)))
    },
    openReport: async (arg) => {
      const a = (arg ?? {}) as { file?: unknown; reveal?: unknown }
      if (typeof a.file !== 'string' || typeof a.reveal !== 'boolean')
        return fail('invalid-request', 'Expected { file, reveal }.')
      if (!savedReports.has(a.file))
        return fail('not-found', 'Only reports saved in this window can be opened.')
      if (!deps.openFile) return fail('not-available', 'Files cannot be opened from this window.')
      try {
        await deps.openFile(a.file, a.reveal)
        return ok(null)
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        return {
          ok: false,
          error: { code: 'unreadable', message: `The report could not be opened: ${reason}` }
        }
      }
    },
    exportReport: async (arg) => {
      const request = validateExportReport(arg)
      if (!request.ok) return request
      const { paths, scope, format } = request.value
      // Results come from this machine's store, never from the renderer.
      const byPath = new Map((await store.readAll()).map((r) => [r.path, r]))
      const results = paths.map((p) => byPath.get(p)).filter((r) => r !== undefined)
      if (results.length !== paths.length)
        return fail(
          'not-found',
          'Some of those results are no longer kept on this computer. Check them again.'
        )
      if (!deps.pickReportFolder) return fail('not-available', 'Reports cannot be saved from this window.')
      if (format === 'pdf' && !deps.printPdf)
        return fail('not-available', 'PDF printing is not available here.')
      const dir = await deps.pickReportFolder()
      if (!dir) return ok({ files: [], warnings: [], cancelled: true })
      const printPdf: PrintPdf = deps.printPdf ?? (() => Promise.reject(new Error('no printer')))
      try {
        const generatedAt = new Date().toISOString()
        const written = await writeReportSet(
          results,
          scope,
          format,
          dir,
          printPdf,
          generatedAt,
          await facts.get()
        )
        for (const file of written.files) savedReports.add(file)
        return ok(written)
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        return {
          ok: false,
          error: { code: 'unreadable', message: `The report could not be written: ${reason}` }
        }
      }
    },
    ...createCalibrationHandlers(calibrations, grants),
    ...createKnownWritingHandlers(known, store, { files: deps.pickFiles, folder: deps.pickFolder }),
    listProfiles: async () => ok(await profiles.list()),
    importProfile: async () => {
      if (!deps.pickProfileFile) return fail('not-available', 'Profiles cannot be imported from this window.')
      return ok(await profiles.importFile(await deps.pickProfileFile()))
    },
    setProfileEnabled: async (arg) => {
      if (typeof arg?.id !== 'string' || typeof arg.enabled !== 'boolean')
        return fail('invalid-request', 'Expected { id, enabled }.')
      const list = await profiles.setEnabled(arg.id, arg.enabled)
      return list ? ok(list) : fail('not-found', 'There is no watermark profile with that id.')
    }
  }
}

function resettable<T>(load: () => Promise<T>): {
  get: () => Promise<T>
  reset: () => void
} {
  let promise: Promise<T> | null = null
  return {
    get: () => (promise ??= load()),
    reset: () => {
      promise = null
    }
  }
}
