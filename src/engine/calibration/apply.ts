/**
 * Applying a school's calibration to a detector result: the document verdict is re-decided with the
 * school's threshold and the operating point says where its figures were measured. Passage scores and
 * labels are the detector's and stay as they are.
 */
import type { DetectorSummary, DocumentVerdict } from '../../shared/types'
import type { CalibrationProfile } from './profile'

/**
 * The document verdict rule, identical to the detector's (src/engine/detector/calibrate.ts documentVerdict):
 * "likely AI" above the threshold, "uncertain" above the uncertain floor (never above the threshold),
 * "likely human" otherwise. Too-short and non-English documents keep their verdict (see applyCalibration).
 */
export function verdictFor(p: number, threshold: number, uncertainFloor: number): DocumentVerdict {
  if (p > threshold) return 'likely-ai'
  if (p > Math.min(uncertainFloor, threshold, 0.5)) return 'uncertain'
  return 'likely-human'
}

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
 * The summary with the profile's threshold as its operating point and the verdict recomputed from the
 * document probability. Unchanged when the profile belongs to another model (see calibrationMismatch).
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
  const p = summary.aiProbability
  const keep =
    summary.verdict === 'too-short' ||
    summary.verdict === 'limited-evidence' ||
    summary.verdict === 'not-prose' ||
    summary.verdict === 'unsupported-language' ||
    p === null
  return {
    ...summary,
    operatingPoint,
    verdict: keep
      ? summary.verdict
      : consistentVerdict(verdictFor(p, profile.threshold, profile.uncertainFloor), summary)
  }
}

/**
 * A calibrated threshold can sit far below the passage labels' own line: a document whose every passage reads
 * like human writing (no text reads like AI) is then never called "likely AI" — it is at most "uncertain". A
 * verdict may not contradict the numbers shown beside it.
 */
export function consistentVerdict(verdict: DocumentVerdict, summary: DetectorSummary): DocumentVerdict {
  if (verdict === 'likely-ai' && summary.aiShare !== null && summary.aiShare <= 0) return 'uncertain'
  return verdict
}
