/**
 * A school's own calibration: the detector's document scores on essays it knows are human (and optionally
 * known-AI ones), and the threshold that keeps false positives at the chosen rate. Numbers only: a profile
 * never holds student text, names or file names, so it can be kept, shared and audited safely.
 */
import {
  clopperPearsonInterval,
  DEFAULT_CONFIDENCE,
  documentsNeededFor,
  fprTable,
  thresholdForTargetFpr,
  wilsonInterval,
  zForConfidence,
  countFlagged,
  type FprTableRow,
  type ProportionInterval,
  type ThresholdChoice
} from '../stats'
import { formatRate, formatRateWithInterval } from './format'

export const CALIBRATION_SCHEMA_VERSION = 1

/** The "uncertain" band starts where 10% of human essays would be flagged (train.py's uncertainFloor). */
export const UNCERTAIN_FPR = 0.1

export interface CalibrationProfile {
  schemaVersion: typeof CALIBRATION_SCHEMA_VERSION
  id: string
  name: string
  /** ISO timestamp. */
  createdAt: string
  nHuman: number
  nAi: number
  /** The detector the scores came from; a profile only applies to that exact model. */
  model: { name: string; version: string; sha256: string }
  confidence: number
  targetFpr: number
  /** Flag a document when its AI probability is above this (the detector's rule). */
  threshold: number
  /**
   * Where `threshold` came from: these essays ('local'), or the model card's threshold for the same target
   * ('model-card'), kept when too few essays were given to show that a lower, local threshold is safe.
   * Absent in profiles saved before this field existed (they are 'local').
   */
  thresholdSource?: 'local' | 'model-card'
  /** The threshold these essays alone gave for the target (equal to `threshold` when the source is local). */
  localThreshold?: number
  /** The model card's operating point used as the floor, when the source is 'model-card'. */
  floor?: ModelCardFloor
  /**
   * Below this a document is "likely human", between it and the threshold "uncertain". Defined as the
   * detector defines its own: the threshold at a 10% FPR on the human essays (never above `threshold`).
   */
  uncertainFloor: number
  falsePositives: number
  /** Achieved FPR on the human essays with its Wilson interval. */
  fpr: ProportionInterval
  /** The same with the exact Clopper–Pearson interval, for the record. */
  fprExact: ProportionInterval
  /**
   * One-sided upper confidence bound (Clopper–Pearson): what an operating point states as `fprUpper`, the
   * same definition the shipped operating points use (detlib.py cp_upper).
   */
  fprUpperBound: number
  truePositives: number | null
  tpr: ProportionInterval | null
  /** Human essays needed for zero false positives to show FPR ≤ target (exact binomial, rule of three). */
  documentsNeeded: number
  enoughDocuments: boolean
  /** Document AI probabilities, sorted ascending (order carries no link to any file). */
  scores: { human: number[]; ai: number[] }
  table: FprTableRow[]
  description: string
  /** Plain sentences: too few documents, target not demonstrated, … */
  warnings: string[]
  /**
   * The shipped default setting on these same essays, when its threshold is stricter than this profile's:
   * how many of these honest students' essays it flags, against `falsePositives` here. Absent when the
   * profile is at least as strict as the shipped setting (or the model's figures were not available).
   */
  shippedComparison?: { name: string; threshold: number; falsePositives: number }
  /** Word counts of the human essays (10th percentile, median, 90th): what kind of text the profile fits. */
  lengths?: { p10: number; median: number; p90: number }
}

/** The shipped operating point for a target: a calibration without enough essays never goes below it. */
export interface ModelCardFloor {
  name: string
  threshold: number
  /** Its measured false-positive rate on held-out human essays. */
  fpr: number
}

export interface BuildProfileInput {
  name: string
  createdAt: string
  model: { name: string; version: string; sha256: string }
  humanScores: readonly number[]
  aiScores?: readonly number[]
  targetFpr: number
  confidence?: number
  /** Defaults to a slug of the name and the creation time. */
  id?: string
  /**
   * The model card's threshold for this target. With too few essays to demonstrate the target, the profile
   * keeps whichever threshold is stricter, so calibrating on a small class can never make Inkprint flag more
   * honest students than it would without a calibration.
   */
  modelCardFloor?: ModelCardFloor
  /** The setting Inkprint judges with when no calibration is chosen ("balanced"), to warn against a laxer one. */
  shippedDefault?: ModelCardFloor
  /** Word counts of the human essays, kept as three percentiles (never per essay). */
  humanWords?: readonly number[]
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? 0
}

/** The counts and rates at one threshold (flag when above). */
function choiceAt(
  threshold: number,
  human: readonly number[],
  ai: readonly number[],
  confidence: number
): ThresholdChoice {
  const z = zForConfidence(confidence)
  const falsePositives = countFlagged(human, threshold)
  const choice: ThresholdChoice = {
    threshold,
    falsePositives,
    nHuman: human.length,
    fpr: wilsonInterval(falsePositives, human.length, z)
  }
  if (ai.length > 0) {
    const tp = countFlagged(ai, threshold)
    choice.truePositives = tp
    choice.nAi = ai.length
    choice.tpr = wilsonInterval(tp, ai.length, z)
  }
  return choice
}

export function profileId(name: string, createdAt: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'calibration'
  return `${slug}-${createdAt.replace(/[^0-9]/g, '').slice(0, 14)}`
}

/** Builds the profile; throws RangeError when there are no human scores or the target is out of range. */
export function buildCalibrationProfile(input: BuildProfileInput): CalibrationProfile {
  const confidence = input.confidence ?? DEFAULT_CONFIDENCE
  const human = [...input.humanScores].sort((a, b) => a - b)
  const ai = [...(input.aiScores ?? [])].sort((a, b) => a - b)
  if (human.length === 0) throw new RangeError('A calibration needs at least one scored human essay.')
  if (!(input.targetFpr > 0 && input.targetFpr < 1))
    throw new RangeError('The target false-positive rate must be between 0 and 1.')
  const local = thresholdForTargetFpr(human, input.targetFpr, { aiScores: ai, confidence })
  const documentsNeeded = documentsNeededFor(input.targetFpr, confidence)
  const floor = input.modelCardFloor
  const useFloor = human.length < documentsNeeded && floor !== undefined && floor.threshold > local.threshold
  const choice = useFloor && floor ? choiceAt(floor.threshold, human, ai, confidence) : local
  const profile: CalibrationProfile = {
    schemaVersion: CALIBRATION_SCHEMA_VERSION,
    id: input.id ?? profileId(input.name, input.createdAt),
    name: input.name,
    createdAt: input.createdAt,
    nHuman: human.length,
    nAi: ai.length,
    model: { ...input.model },
    confidence,
    targetFpr: input.targetFpr,
    threshold: choice.threshold,
    thresholdSource: useFloor ? 'model-card' : 'local',
    localThreshold: local.threshold,
    ...(useFloor && floor ? { floor: { ...floor } } : {}),
    uncertainFloor: Math.min(choice.threshold, thresholdForTargetFpr(human, UNCERTAIN_FPR).threshold),
    falsePositives: choice.falsePositives,
    fpr: choice.fpr,
    fprExact: clopperPearsonInterval(choice.falsePositives, human.length, confidence),
    // one-sided at `confidence` = the upper end of the two-sided interval at 1 − 2(1 − confidence)
    fprUpperBound: clopperPearsonInterval(choice.falsePositives, human.length, 2 * confidence - 1).upper,
    truePositives: choice.truePositives ?? null,
    tpr: choice.tpr ?? null,
    documentsNeeded,
    enoughDocuments: human.length >= documentsNeeded,
    scores: { human, ai },
    table: fprTable(human, ai, confidence),
    description: '',
    warnings: []
  }
  const words = [...(input.humanWords ?? [])].filter((w) => w > 0).sort((a, b) => a - b)
  if (words.length >= 5) {
    profile.lengths = {
      p10: percentile(words, 0.1),
      median: percentile(words, 0.5),
      p90: percentile(words, 0.9)
    }
  }
  const shipped = input.shippedDefault
  if (shipped && choice.threshold < shipped.threshold) {
    profile.shippedComparison = {
      name: shipped.name,
      threshold: shipped.threshold,
      falsePositives: countFlagged(human, shipped.threshold)
    }
  }
  profile.warnings = calibrationWarnings(profile)
  profile.description = describeCalibration(profile)
  return profile
}

/** "Calibrated on 212 human essays, 'Grade 10 2021': FPR 0.5% [0.1–2.6%]; catches 91% [84–95%] of 120 AI essays." */
export function describeCalibration(p: CalibrationProfile): string {
  const level = Math.round(p.confidence * 100)
  let s =
    `Calibrated on ${p.nHuman} human essay${p.nHuman === 1 ? '' : 's'}, '${p.name}': ` +
    `flags ${p.falsePositives} of ${p.nHuman}, FPR ${formatRateWithInterval(p.fpr.estimate, p.fpr.lower, p.fpr.upper)} ` +
    `(${level}% interval)`
  if (p.tpr && p.truePositives !== null) {
    s += `; catches ${p.truePositives} of ${p.nAi} AI essays, ${formatRateWithInterval(p.tpr.estimate, p.tpr.lower, p.tpr.upper)}`
  }
  return s + '.'
}

export function calibrationWarnings(p: CalibrationProfile): string[] {
  const out: string[] = []
  const level = Math.round(p.confidence * 100)
  if (!p.enoughDocuments) {
    out.push(
      `Too few documents for the chosen target: ${p.nHuman} human essays cannot show a false-positive rate of ` +
        `${formatRate(p.targetFpr)} or less. You need at least ${p.documentsNeeded} known-human essays ` +
        `(with none flagged) to show that with ${level}% confidence.`
    )
    if (p.thresholdSource === 'model-card' && p.floor)
      out.push(
        `Until more essays are added, Inkprint keeps the model’s own threshold for this target ` +
          `(${p.floor.threshold.toFixed(3)}, the “${p.floor.name}” setting, which flagged ` +
          `${formatRate(p.floor.fpr)} of held-out human essays): these essays alone would set it lower ` +
          `(${(p.localThreshold ?? p.threshold).toFixed(3)}), and a lower threshold flags more honest students.`
      )
  } else if (p.fpr.upper > p.targetFpr) {
    out.push(
      `The measured false-positive rate is ${formatRate(p.fpr.estimate)}, but with ${p.nHuman} essays it could ` +
        `be as high as ${formatRate(p.fpr.upper)} (${level}% upper bound), above the ${formatRate(p.targetFpr)} target.`
    )
  }
  const shipped = p.shippedComparison
  if (shipped && p.falsePositives > shipped.falsePositives) {
    out.push(
      `This calibration flags more honest students than Inkprint’s own “${shipped.name}” setting: ` +
        `${p.falsePositives} of these ${p.nHuman} human essays, against ${shipped.falsePositives} with the ` +
        `shipped setting (threshold ${p.threshold.toFixed(3)} instead of ${shipped.threshold.toFixed(3)}). ` +
        `Choose a stricter target unless you are sure.`
    )
  }
  if (p.nAi > 0 && p.nAi < 30) {
    out.push(`Only ${p.nAi} AI essays: the detection rate is a rough guide.`)
  }
  return out
}
