import type {
  ApiResult,
  CalibrationChoice,
  CalibrationRequest,
  CheckOptions,
  ExportReportRequest
} from '../shared/api'
import type { PathGrants } from './path-grants'
import { DEFAULT_OPERATING_POINT, isOperatingPointName } from '../shared/operating-points'

const MAX_PATHS = 100_000

/** The refusal every verb gives a malformed or unauthorised request. */
export const invalid = (message: string): ApiResult<never> => ({
  ok: false,
  error: { code: 'invalid-request', message }
})

/** What a check reads, after its ids were resolved: paths main issued itself. */
export interface ResolvedCalibrationRequest {
  name: string
  humanPaths: string[]
  aiPaths: string[]
}

/**
 * Payloads from the renderer are untrusted: check shape and bounds before anything touches the disk. Documents
 * are named by ids main granted (see path-grants.ts); an id it never issued is refused, so is a path.
 */
export function validateStartBatch(
  arg: unknown,
  grants: PathGrants
): ApiResult<{ paths: string[]; options: CheckOptions }> {
  if (typeof arg !== 'object' || arg === null) return invalid('Expected { ids, options }.')
  const { ids, options } = arg as { ids?: unknown; options?: unknown }
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_PATHS)
    return invalid('Expected a non-empty list of ids of chosen files.')
  const checked = validateCheckOptions(options)
  if (!checked.ok) return checked
  const paths = grants.resolve(ids)
  return paths.ok ? { ok: true, value: { paths: paths.value, options: checked.value } } : paths
}

/** Re-judging names kept results by their path (nothing is read from disk), with the settings to judge at. */
export function validateRejudge(arg: unknown): ApiResult<{ paths: string[]; options: CheckOptions }> {
  if (typeof arg !== 'object' || arg === null) return invalid('Expected { paths, options }.')
  const { paths, options } = arg as { paths?: unknown; options?: unknown }
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_PATHS)
    return invalid('Expected a non-empty list of paths.')
  if (!paths.every((p) => typeof p === 'string' && p.length > 0 && p.length < 4096 && !p.includes('\0')))
    return invalid('Every path must be a non-empty string.')
  const checked = validateCheckOptions(options)
  return checked.ok ? { ok: true, value: { paths: paths as string[], options: checked.value } } : checked
}

function validateCheckOptions(options: unknown): ApiResult<CheckOptions> {
  const o = (options ?? {}) as { operatingPoint?: unknown; profiles?: unknown; calibrationId?: unknown }
  const operatingPoint = o.operatingPoint ?? DEFAULT_OPERATING_POINT
  if (!isOperatingPointName(operatingPoint)) return invalid('Unknown operating point.')
  const profiles = o.profiles ?? []
  if (!Array.isArray(profiles) || !profiles.every((p) => typeof p === 'string'))
    return invalid('Profiles must be a list of profile ids.')
  if (o.calibrationId !== undefined && !isShortString(o.calibrationId))
    return invalid('A calibration id must be a short string.')
  const value: CheckOptions = { operatingPoint, profiles }
  if (typeof o.calibrationId === 'string') value.calibrationId = o.calibrationId
  return { ok: true, value }
}

function isShortString(v: unknown, max = 200): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max && !v.includes('\0')
}

function isPathList(v: unknown, allowEmpty = false): v is string[] {
  return (
    Array.isArray(v) &&
    (allowEmpty || v.length > 0) &&
    v.length <= MAX_PATHS &&
    v.every((p) => isShortString(p, 4096))
  )
}

export function validateExportReport(arg: unknown): ApiResult<ExportReportRequest> {
  const a = (arg ?? {}) as Partial<Record<keyof ExportReportRequest, unknown>>
  if (!isPathList(a.paths)) return invalid('Expected a non-empty list of result paths.')
  if (a.scope !== 'document' && a.scope !== 'class') return invalid('Scope must be "document" or "class".')
  if (a.format !== 'pdf' && a.format !== 'html' && a.format !== 'json' && a.format !== 'csv')
    return invalid('Format must be pdf, html, json or csv.')
  if (a.scope === 'document' && a.paths.length !== 1) return invalid('A document report is for one document.')
  return { ok: true, value: { paths: a.paths, scope: a.scope, format: a.format } }
}

export function validateCalibrationRequest(
  arg: unknown,
  grants: PathGrants
): ApiResult<ResolvedCalibrationRequest> {
  const a = (arg ?? {}) as Partial<Record<keyof CalibrationRequest, unknown>>
  if (!isShortString(a.name)) return invalid('A calibration needs a name.')
  if (!Array.isArray(a.humanIds) || a.humanIds.length === 0 || a.humanIds.length > MAX_PATHS)
    return invalid('Choose at least one folder of human-written documents.')
  if (a.aiIds !== undefined && (!Array.isArray(a.aiIds) || a.aiIds.length > MAX_PATHS))
    return invalid('AI examples must be a list of ids of chosen folders.')
  const humanPaths = grants.resolve(a.humanIds, 'folders')
  if (!humanPaths.ok) return humanPaths
  const aiPaths = a.aiIds?.length ? grants.resolve(a.aiIds, 'folders') : { ok: true as const, value: [] }
  if (!aiPaths.ok) return aiPaths
  return { ok: true, value: { name: a.name.trim(), humanPaths: humanPaths.value, aiPaths: aiPaths.value } }
}

export function validateCalibrationChoice(arg: unknown): ApiResult<CalibrationChoice> {
  const a = (arg ?? {}) as Partial<Record<keyof CalibrationChoice, unknown>>
  if (!isShortString(a.calibrationId)) return invalid('Expected a calibration id.')
  if (!isShortString(a.name) || a.name.trim() === '') return invalid('A calibration needs a name.')
  if (typeof a.targetFpr !== 'number' || !(a.targetFpr > 0 && a.targetFpr < 0.5))
    return invalid('The target false-positive rate must be between 0 and 50%.')
  return { ok: true, value: { calibrationId: a.calibrationId, name: a.name.trim(), targetFpr: a.targetFpr } }
}
