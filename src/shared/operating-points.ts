/**
 * The shipped operating points, by name: the one list every layer reads (the detector's card check, the CLI's
 * flags, main's validation, the settings screen). Their thresholds and measured rates are data in the model card.
 */
export const OPERATING_POINT_NAMES = ['strict', 'balanced', 'sensitive'] as const

export type OperatingPointName = (typeof OPERATING_POINT_NAMES)[number]

/** The setting new checks use when none is chosen (about 1% of human essays flagged). */
export const DEFAULT_OPERATING_POINT: OperatingPointName = 'balanced'

export function isOperatingPointName(value: unknown): value is OperatingPointName {
  return (OPERATING_POINT_NAMES as readonly unknown[]).includes(value)
}
