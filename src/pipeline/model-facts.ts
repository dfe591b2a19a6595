/**
 * The figures a teacher and a review panel are told about the shipped detector: operating points, held-out
 * accuracy and false-positive rates by writer group, read from the model card and the fairness audit beside it
 * (resources/models/detector.card.json, fairness.json). A fairness file made for another model is ignored,
 * never shown as if it described this one.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelFacts, RateInterval } from '../shared/api'
import { checkCard, type DetectorCard } from '../engine/detector/card'
import type { ModelCardFloor } from '../engine/calibration'
import type { MeasuredRate, ModelCardSummary, ReportContext } from '../engine/report'
import type { DocumentResult } from '../shared/types'
import { resourcesDir } from './resources'

interface FairnessRow {
  group: string
  nHuman: number
  nAi: number
  fpr: RateInterval | null
  tpr: RateInterval | null
}

interface FairnessFile {
  model: { sha256: string }
  dimensions: { key: string; rowsByOperatingPoint: Record<string, FairnessRow[]> }[]
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** Essay AUROC across corpora (each human corpus and generator family scored by a model trained without it). */
function heldOut(card: DetectorCard): ModelFacts['heldOut'] {
  const cross = card.metrics.crossCorpus
  const model = isRecord(cross) ? cross.essayAuroc : null
  if (!isRecord(model)) return null
  const { auroc, nHuman, nAi } = model
  return typeof auroc === 'number' && typeof nHuman === 'number' && typeof nAi === 'number'
    ? { auroc, nHuman, nAi }
    : null
}

async function readFairness(modelDir: string, sha256: string): Promise<FairnessFile | null> {
  try {
    const parsed = JSON.parse(await readFile(join(modelDir, 'fairness.json'), 'utf8')) as unknown
    if (!isRecord(parsed) || !isRecord(parsed.model) || !Array.isArray(parsed.dimensions)) return null
    const file = parsed as unknown as FairnessFile
    return file.model.sha256 === sha256 ? file : null
  } catch {
    return null
  }
}

/** Writer groups: each population, then all non-native writers pooled. */
function writerRows(fairness: FairnessFile, op: string): FairnessRow[] {
  const rows = (key: string): FairnessRow[] =>
    fairness.dimensions.find((d) => d.key === key)?.rowsByOperatingPoint[op] ?? []
  const pooled = rows('nativeness')
    .filter((r) => r.group === 'non-native')
    .map((r) => ({ ...r, group: `${r.group}: all groups` }))
  return [...rows('writer'), ...pooled].filter((r) => r.nHuman > 0)
}

/** Plain names of the corpora the model card left out of training one at a time. */
const UNSEEN_NAMES: Record<string, string> = {
  outfox: 'US school essays, grades 6–12',
  'asap-essays': 'US school essays, reading responses and stories, grades 7–10',
  'commonlit-summaries': 'US school summaries',
  'ellipse-ell-essays': 'English learners, grades 8–12',
  'fce-learners': 'Cambridge exam answers by English learners',
  'gede-preview': 'adult essay-forum writers and IELTS candidates',
  'micusp-papers': 'upper-level university papers',
  'general-prose': 'news, stories and abstracts'
}

function unseenWriters(card: DetectorCard): ModelFacts['unseenWriters'] {
  const cross = card.metrics.crossCorpus
  const corpora = isRecord(cross) && isRecord(cross.humanCorpora) ? cross.humanCorpora : null
  if (!corpora) return undefined
  const out: NonNullable<ModelFacts['unseenWriters']> = []
  for (const [key, value] of Object.entries(corpora)) {
    const all = isRecord(value) && isRecord(value.all) ? value.all : null
    const either = all && isRecord(all.docOrPassage) ? all.docOrPassage : null
    if (!either || typeof either.rate !== 'number' || typeof either.n !== 'number') continue
    out.push({
      group: UNSEEN_NAMES[key] ?? key,
      n: either.n,
      rate: either.rate,
      upper: typeof either.upper95 === 'number' ? either.upper95 : 1
    })
  }
  return out
}

export async function loadModelFacts(card: DetectorCard, modelDir: string): Promise<ModelFacts> {
  const fairness = await readFairness(modelDir, card.sha256)
  const names = card.operatingPoints.map((o) => o.name)
  let groups: ModelFacts['fairness'] = null
  let detection: ModelFacts['detection'] = null
  if (fairness) {
    const rowsAt = new Map(names.map((name) => [name, writerRows(fairness, name)]))
    const row = (name: string, group: string): FairnessRow | undefined =>
      rowsAt.get(name)?.find((r) => r.group === group)
    groups = writerRows(fairness, card.defaultOperatingPoint).map(({ group, nHuman }) => ({
      group: group === 'all' ? 'all held-out student essays' : group,
      n: nHuman,
      fpr: Object.fromEntries(names.map((name) => [name, row(name, group)?.fpr ?? null]))
    }))
    detection = {
      n: row(card.defaultOperatingPoint, 'all')?.nAi ?? 0,
      tpr: Object.fromEntries(names.map((name) => [name, row(name, 'all')?.tpr ?? null]))
    }
  }
  return {
    name: card.name,
    version: card.version,
    sha256: card.sha256,
    tooShortWords: card.tooShortWords,
    heldOut: heldOut(card),
    operatingPoints: card.operatingPoints.map(
      ({ name, targetFpr, threshold, fpr, fprUpper, measuredOn }) => ({
        name,
        targetFpr,
        threshold,
        fpr,
        fprUpper,
        measuredOn
      })
    ),
    fairness: groups,
    detection,
    unseenWriters: unseenWriters(card)
  }
}

/** The part of the model card a report quotes, at the operating point its verdicts used. */
export function reportModelCard(facts: ModelFacts, operatingPoint: string): ModelCardSummary {
  const rates: MeasuredRate[] = []
  for (const row of facts.fairness ?? []) {
    const r = row.fpr[operatingPoint]
    if (r)
      rates.push({
        population: row.group,
        n: row.n,
        rate: r.estimate,
        interval: [r.lower, r.upper],
        kind: 'false-positive'
      })
  }
  const tpr = facts.detection?.tpr[operatingPoint]
  if (facts.detection && tpr)
    rates.push({
      population: 'AI-written essays (held out)',
      n: facts.detection.n,
      rate: tpr.estimate,
      interval: [tpr.lower, tpr.upper],
      kind: 'detection'
    })
  return {
    modelName: facts.name,
    modelVersion: facts.version,
    operatingPoint,
    rates,
    caveats: [
      `Measured on held-out essays the model never trained on, at the “${operatingPoint}” setting.`,
      `Documents under ${facts.tooShortWords} words are not scored.`,
      'Paraphrased or “humanized” AI text is often missed; AI-polished student writing can be flagged.'
    ],
    cardLocation: 'detector.card.md and fairness.md, shipped with Inkprint in resources/models'
  }
}

/** The facts for the model in `modelDir` (card and fairness file only, no ONNX session); null if unreadable. */
export async function readModelFacts(
  modelDir: string = join(resourcesDir(), 'models')
): Promise<ModelFacts | null> {
  try {
    const checked = checkCard(JSON.parse(await readFile(join(modelDir, 'detector.card.json'), 'utf8')))
    return checked.ok ? await loadModelFacts(checked.card, modelDir) : null
  } catch {
    return null
  }
}

/**
 * Adds the measured rates to a report context, at the operating point the results were judged at (when they
 * share one; else the model's first, the default). Results scored by another model get no rates.
 */
export function withModelCard(
  ctx: ReportContext,
  results: DocumentResult[],
  facts: ModelFacts | null
): ReportContext {
  const detectors = results.map((r) => r.detector).filter((d) => d !== null && d !== undefined)
  if (!facts || detectors.length === 0 || detectors.some((d) => d.model.sha256 !== facts.sha256)) return ctx
  const names = new Set(detectors.map((d) => d.operatingPoint.name))
  const op = names.size === 1 ? [...names][0] : (facts.operatingPoints[0]?.name ?? 'balanced')
  return { ...ctx, modelCard: reportModelCard(facts, op) }
}

/**
 * The shipped operating point a local calibration for `targetFpr` may not undercut while it has too few
 * essays: the most permissive point whose target is at or below the school's target (else the strictest).
 */
export function modelCardFloor(facts: ModelFacts | null, targetFpr: number): ModelCardFloor | undefined {
  const points = [...(facts?.operatingPoints ?? [])].sort((a, b) => a.targetFpr - b.targetFpr)
  const point = points.filter((p) => p.targetFpr <= targetFpr + 1e-12).at(-1) ?? points[0]
  return point ? { name: point.name, threshold: point.threshold, fpr: point.fpr } : undefined
}
