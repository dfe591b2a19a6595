/**
 * Which essays the fairness table uses and how they are grouped. Only the detector's TEST split (by prompt /
 * pair, from dataset-records.ts, the same split train.py and evaluate.py use) is read, so no essay here was
 * seen in training or used to set a threshold.
 */
import type { AuditRecord } from '../pipeline/audit'
import { seededSample } from '../engine/calibration'
import { describe, readDataset, type RawRecord } from './dataset-records'

export const FAIRNESS_DATASETS = [
  'outfox',
  'ellipse-ell-essays',
  'gede-preview',
  'asap-essays',
  'commonlit-summaries',
  'fce-learners',
  'micusp-papers',
  'argugpt-machine',
  'ndhal-asap-fce-gpt',
  'imitation'
] as const

export interface FairnessRecord extends AuditRecord {
  dataset: string
  writer: string
  nativeness: string
  grade: string | null
}

const IELTS = /IELTS/i

/** Writer population of a human essay, or the population whose prompts an AI essay answered. */
export function writerGroup(dataset: string, r: RawRecord): string | null {
  if (dataset === 'outfox') return 'native: PERSUADE, US grades 6–12'
  if (dataset === 'asap-essays') return 'unknown: ASAP, US grades 7–10'
  if (dataset === 'commonlit-summaries') return 'unknown: CommonLit summaries, US grades 3–12'
  if (dataset === 'fce-learners') return 'non-native: Cambridge FCE exam answers'
  if (dataset === 'micusp-papers')
    return r.group === 'native'
      ? 'native: MICUSP university papers'
      : 'non-native: MICUSP university papers (non-native or bilingual)'
  if (dataset === 'ellipse-ell-essays') return 'non-native: ELLIPSE ELL, grades 8–12'
  if (dataset === 'gede-preview') {
    return IELTS.test(String(r.meta.corpus ?? ''))
      ? 'non-native: IELTS adults'
      : 'unknown: essay-forum writers (Argument Annotated Essays)'
  }
  return null
}

export function nativenessOf(writer: string | null): string | null {
  return writer === null ? null : writer.split(':')[0]
}

/** ELLIPSE grade bands; other sets state no grade. */
export function gradeBand(dataset: string, r: RawRecord): string | null {
  if (dataset !== 'ellipse-ell-essays') return null
  const g = Number(r.meta.grade)
  if (!Number.isFinite(g)) return null
  return g <= 8 ? 'a: grade 8' : g <= 10 ? 'b: grades 9–10' : 'c: grades 11–12'
}

export function lengthBand(words: number): string {
  if (words < 150) return 'a: under 150 words'
  if (words < 300) return 'b: 150–299 words'
  if (words < 500) return 'c: 300–499 words'
  return 'd: 500+ words'
}

/**
 * Held-out essays: every test-split human student essay and a seeded sample of at most `aiPerDataset`
 * unattacked AI essays per dataset (attacked and AI-polished texts belong to the detector's own evaluation).
 */
export function heldOutEssays(
  dataDir: string,
  aiPerDataset: number,
  seed = 'inkprint-fairness-v1'
): FairnessRecord[] {
  const out: FairnessRecord[] = []
  for (const dataset of FAIRNESS_DATASETS) {
    const ai: FairnessRecord[] = []
    for (const r of readDataset(dataDir, dataset)) {
      const info = describe(dataset, r)
      const studentWriting = r.label === 'human' ? info.student : info.domain !== 'news'
      if (info.split !== 'test' || !studentWriting || r.label === 'mixed') continue
      if (r.label === 'ai' && info.attack !== 'none') continue
      const writer = writerGroup(dataset, r)
      const rec: FairnessRecord = {
        id: r.id,
        text: r.text,
        label: r.label,
        generator: r.generator,
        domain: r.domain,
        dataset,
        writer: writer ?? 'AI-only sets (ArguGPT, ASAP/FCE prompts, our imitation corpus)',
        nativeness: nativenessOf(writer) ?? 'AI-only sets',
        grade: r.label === 'human' ? gradeBand(dataset, r) : null
      }
      if (r.label === 'human') out.push(rec)
      else ai.push(rec)
    }
    out.push(...seededSample(ai, aiPerDataset, `${seed}|${dataset}`, (x) => x.writer))
  }
  return out
}
