/**
 * Per-group error rates for the fairness audit: for each group, how many human texts the detector flags
 * (FPR, with a Wilson interval), how many AI texts it catches (TPR) and how well it separates the two (AUROC).
 * Works on scores only; reading and scoring texts is the pipeline's job.
 */
import {
  auroc,
  DEFAULT_CONFIDENCE,
  rocCurve,
  wilsonInterval,
  zForConfidence,
  type BinaryLabel,
  type ProportionInterval,
  type RocPoint
} from '../stats'

export interface ScoredRecord {
  id: string
  label: 'human' | 'ai' | 'mixed'
  /** Group value for the field audited; null when the record has none. */
  group: string | null
  /** Document AI probability; null when not scored (too short, not English). */
  score: number | null
  /** True when the document verdict was "likely AI" at the operating point. */
  flagged: boolean
  words: number
}

export interface GroupRow {
  group: string
  nHuman: number
  nAi: number
  nMixed: number
  /** Records that got no score (too short / not English); left out of every rate. */
  notScored: number
  falsePositives: number
  fpr: ProportionInterval | null
  truePositives: number
  tpr: ProportionInterval | null
  auroc: number | null
  /** 'group': this group's humans vs its own AI texts; 'all-ai': vs every AI text (the group has none). */
  aurocAgainst: 'group' | 'all-ai' | null
  meanHumanScore: number | null
}

export const ALL_GROUPS = 'all'
export const NO_GROUP = '(none)'

function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null
}

function rowFor(
  group: string,
  records: readonly ScoredRecord[],
  allAi: readonly number[],
  z: number
): GroupRow {
  const scored = records.filter((r) => r.score !== null)
  const human = scored.filter((r) => r.label === 'human')
  const ai = scored.filter((r) => r.label === 'ai')
  const fp = human.filter((r) => r.flagged).length
  const tp = ai.filter((r) => r.flagged).length
  const humanScores = human.map((r) => r.score as number)
  const versus = ai.length > 0 ? ai.map((r) => r.score as number) : allAi
  const area = humanScores.length && versus.length ? aurocOf(humanScores, versus) : null
  return {
    group,
    nHuman: human.length,
    nAi: ai.length,
    nMixed: scored.filter((r) => r.label === 'mixed').length,
    notScored: records.length - scored.length,
    falsePositives: fp,
    fpr: human.length ? wilsonInterval(fp, human.length, z) : null,
    truePositives: tp,
    tpr: ai.length ? wilsonInterval(tp, ai.length, z) : null,
    auroc: area,
    aurocAgainst: area === null ? null : ai.length > 0 ? 'group' : 'all-ai',
    meanHumanScore: mean(humanScores)
  }
}

export function aurocOf(humanScores: readonly number[], aiScores: readonly number[]): number | null {
  const labels: BinaryLabel[] = [
    ...humanScores.map((): BinaryLabel => 0),
    ...aiScores.map((): BinaryLabel => 1)
  ]
  return auroc([...humanScores, ...aiScores], labels)
}

export function rocOf(humanScores: readonly number[], aiScores: readonly number[]): RocPoint[] {
  const labels: BinaryLabel[] = [
    ...humanScores.map((): BinaryLabel => 0),
    ...aiScores.map((): BinaryLabel => 1)
  ]
  return rocCurve([...humanScores, ...aiScores], labels)
}

/** One row for everything ('all') and one per group value, groups sorted by name; mixed texts are counted only. */
export function summariseByGroup(
  records: readonly ScoredRecord[],
  confidence = DEFAULT_CONFIDENCE
): GroupRow[] {
  const z = zForConfidence(confidence)
  const allAi = records.filter((r) => r.label === 'ai' && r.score !== null).map((r) => r.score as number)
  const groups = new Map<string, ScoredRecord[]>()
  for (const r of records) {
    const key = r.group ?? NO_GROUP
    const list = groups.get(key)
    if (list) list.push(r)
    else groups.set(key, [r])
  }
  const rows = [...groups.keys()].sort().map((g) => rowFor(g, groups.get(g) ?? [], allAi, z))
  return [rowFor(ALL_GROUPS, records, allAi, z), ...rows]
}
