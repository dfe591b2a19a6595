/**
 * A check result judged with a school's calibration: the verdict decided again at the calibration's threshold
 * (by the one rule, engine/detector/verdict.ts), the operating point naming the calibration, and a note when the
 * text is far shorter or longer than the essays it was made from. Used by every check (CheckSession).
 */
import type { DocumentResult } from '../shared/types'
import { applyCalibration, calibrationMismatch, type CalibrationProfile } from '../engine/calibration'

/**
 * A check result judged with a school's calibration instead of the shipped operating point. `mismatch` is a
 * plain sentence (and the result is unchanged) when the profile was made with another model.
 */
export function applyCalibrationToResult(
  result: DocumentResult,
  profile: CalibrationProfile
): { result: DocumentResult; mismatch: string | null } {
  if (!result.detector) return { result, mismatch: null }
  const mismatch = calibrationMismatch(result.detector, profile)
  if (mismatch) return { result, mismatch }
  return { result: { ...result, detector: applyCalibration(result.detector, profile) }, mismatch: null }
}

/** applyCalibrationToResult, plus the profile's identity and Wilson interval on the operating point. */
export function calibrated(result: DocumentResult, profile: CalibrationProfile): DocumentResult {
  const applied = applyCalibrationToResult(result, profile)
  const detector = applied.result.detector
  if (applied.mismatch)
    return {
      ...result,
      warnings: [...result.warnings, { code: 'extraction-note', message: applied.mismatch }]
    }
  if (!detector) return result
  const lengthNote = lengthMismatch(result.words, profile)
  const calibration = {
    id: profile.id,
    name: profile.name,
    n: profile.nHuman,
    fprInterval: [profile.fpr.lower, profile.fpr.upper] as [number, number]
  }
  const warnings = applied.result.warnings.filter((w) => !w.message.startsWith(LENGTH_NOTE_START))
  if (lengthNote) warnings.push({ code: 'extraction-note', message: lengthNote })
  return {
    ...applied.result,
    warnings,
    detector: { ...detector, operatingPoint: { ...detector.operatingPoint, calibration } }
  }
}

const LENGTH_NOTE_START = 'This text is much'

/**
 * A calibration fits the kind of essay it was made from. When this text is far shorter or longer than most of
 * the calibration essays (under half the 10th percentile, over twice the 90th), say so; null otherwise.
 */
export function lengthMismatch(words: number, profile: CalibrationProfile): string | null {
  const l = profile.lengths
  if (!l || words <= 0) return null
  const shorter = words < l.p10 / 2
  const longer = words > l.p90 * 2
  if (!shorter && !longer) return null
  return (
    `${LENGTH_NOTE_START} ${shorter ? 'shorter' : 'longer'} (${words} words) than the essays the calibration ` +
    `'${profile.name}' was made from (most between ${l.p10} and ${l.p90} words): its threshold may not fit this ` +
    `kind of writing. Check that the genre and level match too.`
  )
}
