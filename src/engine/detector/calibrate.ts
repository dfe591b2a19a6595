/** Platt calibration with an interval from the parameter covariance, and threshold-based labels. */
import type { PassageLabel } from '../../shared/types'
import type { DetectorCard, PlattParams } from './card'

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-Math.max(-40, Math.min(40, z))))
}

export interface Calibrated {
  probability: number
  interval: [number, number]
}

/** p = sigmoid(a·logit + b); the 90% interval uses Var(a·z + b) = [z 1] Σ [z 1]ᵀ. */
export function calibrate(logit: number, params: PlattParams): Calibrated {
  const eta = params.a * logit + params.b
  const [[saa, sab], [, sbb]] = params.cov
  const variance = Math.max(0, logit * logit * saa + 2 * logit * sab + sbb)
  const half = 1.6449 * Math.sqrt(variance)
  return { probability: sigmoid(eta), interval: [sigmoid(eta - half), sigmoid(eta + half)] }
}

/**
 * A label never disagrees with the number beside it: "reads like AI" needs a probability above one half as
 * well as above the card's threshold, and "reads like human" one below one half.
 */
export function passageLabel(probability: number, card: DetectorCard): PassageLabel {
  const { likelyAi, likelyHuman } = card.passageThresholds
  if (probability > likelyAi && probability > 0.5) return 'likely-ai'
  if (probability < likelyHuman && probability < 0.5) return 'likely-human'
  return 'uncertain'
}
