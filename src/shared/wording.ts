/**
 * The careful words shared by the app and the reports, so a teacher reads the same verdict on screen and on
 * paper. Inkprint describes how writing reads and how often that reading is wrong; never what a student did.
 */
import type { DocumentVerdict, PassageLabel } from './types'

export const VERDICT_WORDS: Record<DocumentVerdict, string> = {
  'likely-ai': 'Reads like AI-generated writing',
  uncertain: 'Mixed or unclear signals',
  'likely-human': 'Reads like human writing',
  'limited-evidence': 'Limited evidence: too short for a verdict',
  'not-prose': 'Not judged: mostly code, formulas or symbols, which the detector was not trained on',
  'too-short': 'Too short to judge reliably',
  'unsupported-language': 'Language not supported (the detector is trained on English)'
}

export const PASSAGE_LABEL_WORDS: Record<PassageLabel, string> = {
  'likely-ai': 'Reads like AI',
  uncertain: 'Uncertain',
  'likely-human': 'Reads like human',
  'too-short': 'Too short to judge',
  'not-scored': 'Not scored'
}

/** 0.873 → "87%". Calibration is not sharp enough for more; extremes are written "<1%" and ">99%". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  if (value > 0 && value < 0.01) return '<1%'
  if (value < 1 && value > 0.99) return '>99%'
  return `${Math.round(value * 100)}%`
}

/** "1 in 100" for a rate of 0.01, rounded to a friendly denominator. */
export function oneIn(rate: number): string {
  const n = 1 / rate
  const rounded = n >= 100 ? Math.round(n / 10) * 10 : Math.round(n)
  return `1 in ${rounded}`
}
