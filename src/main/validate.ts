import type { ApiResult, CheckOptions, OperatingPointName } from '../shared/api'

const OPERATING_POINTS: readonly OperatingPointName[] = ['strict', 'balanced', 'sensitive']
const MAX_PATHS = 100_000

const invalid = (message: string): ApiResult<never> => ({
  ok: false,
  error: { code: 'invalid-request', message }
})

/** Payloads from the renderer are untrusted: check shape and bounds before anything touches the disk. */
export function validateStartBatch(arg: unknown): ApiResult<{ paths: string[]; options: CheckOptions }> {
  if (typeof arg !== 'object' || arg === null) return invalid('Expected { paths, options }.')
  const { paths, options } = arg as { paths?: unknown; options?: unknown }
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_PATHS)
    return invalid('Expected a non-empty list of paths.')
  if (!paths.every((p) => typeof p === 'string' && p.length > 0 && p.length < 4096 && !p.includes('\0')))
    return invalid('Every path must be a non-empty string.')
  const o = (options ?? {}) as { operatingPoint?: unknown; profiles?: unknown }
  const operatingPoint = o.operatingPoint ?? 'balanced'
  if (!OPERATING_POINTS.includes(operatingPoint as OperatingPointName))
    return invalid('Unknown operating point.')
  const profiles = o.profiles ?? []
  if (!Array.isArray(profiles) || !profiles.every((p) => typeof p === 'string'))
    return invalid('Profiles must be a list of profile ids.')
  return {
    ok: true,
    value: {
      paths: paths as string[],
      options: { operatingPoint: operatingPoint as OperatingPointName, profiles }
    }
  }
}
