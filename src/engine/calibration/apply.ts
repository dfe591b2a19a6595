/**
 * Applying a school's calibration to a detector result: the document verdict is re-decided with the
 * school's threshold and the operating point says where its figures were measured. Passage scores and
 * labels are the detector's and stay as they are.
 */
import type { DetectorSummary } from '../../shared/types'
import { judgeAt } from '../detector/verdict'
import type { CalibrationProfile } from './profile'

/** Why a profile cannot be applied to this result, in plain words; null when it can. */
export function calibrationMismatch(summary: DetectorSummary, profile: CalibrationProfile): string | null {
  if (summary.model.sha256 !== profile.model.sha256) {
    return (
      `The calibration '${profile.name}' was measured with a different detector model ` +
      `(${profile.model.name} ${profile.model.version}); calibrate again with this version.`
    )
  }
  return null
}

export function calibratedMeasuredOn(profile: CalibrationProfile): string {
  return `calibrated on ${profile.nHuman} essays ('${profile.name}', ${profile.createdAt.slice(0, 10)})`
}

/**
 * The summary with the profile's threshold as its operating point and the verdict decided again by the one rule
 * (engine/detector/verdict.ts) with the profile's threshold and uncertain floor. Unchanged when the profile
 * belongs to another model (see calibrationMismatch).
 */
export function applyCalibration(summary: DetectorSummary, profile: CalibrationProfile): DetectorSummary {
  if (calibrationMismatch(summary, profile) !== null) return summary
  const operatingPoint = {
    name: `calibrated: ${profile.name}`,
    threshold: profile.threshold,
    fpr: profile.fpr.estimate,
    fprUpper: profile.fprUpperBound,
    measuredOn: calibratedMeasuredOn(profile)
  }
  return judgeAt(summary, operatingPoint, profile.uncertainFloor)
}
