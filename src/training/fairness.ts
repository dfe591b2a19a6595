/**
 * The model card's fairness table: false-positive rate per writer group (native / non-native / unknown),
 * grade band and length band, at every operating point, on held-out essays the detector never trained on.
 * Usage:
 *   npx tsx src/training/fairness.ts [dataDir=../shared/data] [--ai-per-dataset 250] [--limit N]
 * Writes resources/models/fairness.json, resources/models/fairness.md and docs/plots/fairness-*.svg.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { OperatingPoint } from '../shared/types'
import {
  auditPlots,
  seededSample,
  summariseByGroup,
  type GroupRow,
  type ScoredRecord
} from '../engine/calibration'
import { loadDetector } from '../pipeline/detector'
import { scoreText } from '../pipeline/audit'
import { heldOutEssays, lengthBand, type FairnessRecord } from './fairness-groups'
import { fairnessMarkdown } from './fairness-report'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'ai-per-dataset': { type: 'string', default: '250' }, limit: { type: 'string' } }
})
const root = resolve(__dirname, '../..')
const dataDir = resolve(positionals[0] ?? join(root, '../shared/data'))
const modelDir = join(root, 'resources/models')
const plotDir = join(root, 'docs/plots')

export interface Dimension {
  key: string
  title: string
  groupOf: (r: FairnessRecord, words: number) => string | null
}

const DIMENSIONS: Dimension[] = [
  { key: 'writer', title: 'Writer population', groupOf: (r) => r.writer },
  { key: 'nativeness', title: 'Native vs non-native English writers', groupOf: (r) => r.nativeness },
  {
    key: 'grade',
    title: 'Grade band (ELLIPSE, the only set with grades)',
    groupOf: (r) => r.grade ?? (r.label === 'human' ? 'z: other sets (no grade stated)' : null)
  },
  { key: 'length', title: 'Length band (all held-out essays)', groupOf: (_r, words) => lengthBand(words) }
]

interface Scored {
  record: FairnessRecord
  p: number | null
  words: number
  verdictAtDefault: string
}

/** The detector's own rule: likely AI above the threshold (checked against its verdicts below). */
const flaggedAt = (p: number, threshold: number): boolean => p > threshold

async function main(): Promise<void> {
  const t0 = Date.now()
  const detector = await loadDetector(modelDir)
  const card = JSON.parse(readFileSync(join(modelDir, 'detector.card.json'), 'utf8')) as {
    operatingPoints: (OperatingPoint & { targetFpr?: number })[]
  }
  let records = heldOutEssays(dataDir, Number(values['ai-per-dataset']))
  if (values.limit)
    records = seededSample(records, Number(values.limit), 'fairness-limit', (r) => `${r.writer}|${r.label}`)
  process.stderr.write(`fairness: ${records.length} held-out essays from ${dataDir}\n`)

  const scored: Scored[] = []
  let opAtDefault: OperatingPoint | null = null
  let model: { name: string; version: string; sha256: string } | null = null
  for (const [i, record] of records.entries()) {
    const { summary, words } = await scoreText(detector, record.text, 'balanced')
    opAtDefault ??= summary.operatingPoint
    model ??= summary.model
    const usable =
      summary.aiProbability !== null &&
      summary.verdict !== 'too-short' &&
      summary.verdict !== 'unsupported-language'
    scored.push({
      record,
      p: usable ? summary.aiProbability : null,
      words,
      verdictAtDefault: summary.verdict
    })
    if ((i + 1) % 200 === 0) process.stderr.write(`  scored ${i + 1}/${records.length}\n`)
  }
  await detector.close()
  // The re-thresholding below must agree with the detector's own verdicts at its default point.
  const balanced = card.operatingPoints.find((o) => o.name === 'balanced') ?? opAtDefault
  const disagreements = balanced
    ? scored.filter(
        (s) => s.p !== null && flaggedAt(s.p, balanced.threshold) !== (s.verdictAtDefault === 'likely-ai')
      ).length
    : 0

  const dimensions = DIMENSIONS.map((dim) => {
    const rowsByOperatingPoint: Record<string, GroupRow[]> = {}
    let forPlots: ScoredRecord[] = []
    for (const op of card.operatingPoints) {
      const recs: ScoredRecord[] = scored.map((s) => ({
        id: s.record.id,
        label: s.record.label,
        group: dim.groupOf(s.record, s.words),
        score: s.p,
        flagged: s.p !== null && flaggedAt(s.p, op.threshold),
        words: s.words
      }))
      rowsByOperatingPoint[op.name] = summariseByGroup(recs)
      if (op.name === 'balanced') forPlots = recs
    }
    if (balanced) {
      const plots = auditPlots(forPlots, rowsByOperatingPoint.balanced ?? [], {
        title: dim.title,
        threshold: balanced.threshold,
        operatingPoint: 'balanced',
        maxFpr: 0.2
      })
      mkdirSync(plotDir, { recursive: true })
      writeFileSync(join(plotDir, `fairness-${dim.key}-roc.svg`), plots.rocSvg)
      writeFileSync(join(plotDir, `fairness-${dim.key}-scores.svg`), plots.histogramSvg)
    }
    return { key: dim.key, title: dim.title, rowsByOperatingPoint }
  })

  const byDataset: Record<string, { human: number; ai: number }> = {}
  for (const s of scored) {
    const c = (byDataset[s.record.dataset] ??= { human: 0, ai: 0 })
    if (s.record.label === 'human') c.human++
    else if (s.record.label === 'ai') c.ai++
  }
  const report = {
    generatedAt: new Date().toISOString(),
    model: model ?? { name: 'unknown', version: '', sha256: '' },
    data: {
      split: 'test (by prompt / pair_id, src/training/dataset-records.ts splitOf, seed inkprint-detector-v1)',
      aiPerDataset: Number(values['ai-per-dataset']),
      limit: values.limit ? Number(values.limit) : null,
      byDataset
    },
    operatingPoints: card.operatingPoints,
    verdictRuleDisagreements: disagreements,
    dimensions,
    seconds: Math.round((Date.now() - t0) / 1000)
  }
  writeFileSync(join(modelDir, 'fairness.json'), JSON.stringify(report, null, 2) + '\n')
  writeFileSync(join(modelDir, 'fairness.md'), fairnessMarkdown(report))
  process.stderr.write(`fairness: done in ${report.seconds} s; ${disagreements} verdict-rule disagreements\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`fairness: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exitCode = 1
})
