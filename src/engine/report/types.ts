/** What a report needs besides the results. Injected, so the same input always renders the same bytes. */

/** A school's own calibration (known-human essays), when one was used instead of the model card's. */
export interface CalibrationInfo {
  name: string
  /** Number of known-human essays it was measured on. */
  n: number
  /** Measured false-positive rate at the chosen operating point. */
  fpr: number
  /** 95% interval on that rate. */
  interval: [number, number]
}

/** One measured error rate from the model card, for one population of writers. */
export interface MeasuredRate {
  /** Who wrote the texts, e.g. "native-speaker student essays", "non-native (TOEFL) essays". */
  population: string
  n: number
  /** False-positive rate for human populations; detection rate for AI populations (see `kind`). */
  rate: number
  interval?: [number, number]
  kind: 'false-positive' | 'detection'
}

/** The part of the model card a report quotes. Optional: without it the report says where to find it. */
export interface ModelCardSummary {
  modelName: string
  modelVersion: string
  /** The operating point the rates were measured at (the one the report's verdicts used). */
  operatingPoint?: string
  rates: MeasuredRate[]
  /** Short plain-words caveats from the card, e.g. "Not evaluated on texts under 150 words". */
  caveats?: string[]
  /** Where the full card lives, e.g. "resources/models/detector/MODEL_CARD.md". */
  cardLocation?: string
}

export interface ReportContext {
  /** ISO date-time the report was made; passed in, never read from the clock inside the engine. */
  generatedAt: string
  inkprintVersion: string
  calibration?: CalibrationInfo
  modelCard?: ModelCardSummary
}
