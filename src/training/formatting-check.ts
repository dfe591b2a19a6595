/**
 * Can formatting alone tell the classes apart? Layout cues that SURVIVE the normaliser are what the model
 * could learn instead of writing style (the raw-text cues show what the normaliser removes). A logistic
 * regression on the cues alone is fitted on the train split and its AUROC measured on the test split, for
 * the cues of the raw text and for the cues still visible after normalisation. Near 0.5 after normalisation
 * means the model cannot score from layout.
 * Usage: npx tsx src/training/formatting-check.ts [dataDir] [outFile=.cache/training/formatting.json]
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { normalise } from '../engine/detector/normalise'
import { auroc } from '../engine/stats'
import {
  describe,
  formattingCues,
  keepRecord,
  readDataset,
  trainable,
  TRAINING_DATASETS
} from './dataset-records'

const PER_CELL = 600

/**
 * Layout cues the normaliser cannot remove, measured on normalised text: sentences glued without a space,
 * enumerations ("1. ", "a) "), dashes used as bullets, a leading "Title"/"Essay" word, colon-headed phrases,
 * non-ASCII share, and the share of sentences starting in lower case.
 */
export function survivingCues(normalised: string): number[] {
  const words = Math.max(1, (normalised.match(/\S+/g) ?? []).length)
  const sentences = normalised.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0)
  const nonAscii = [...normalised].filter((ch) => (ch.codePointAt(0) ?? 0) > 0x7f).length
  return [
    Math.min(1, ((normalised.match(/[a-z][.!?][A-Z]/g) ?? []).length * 100) / words),
    Math.min(1, ((normalised.match(/(?:^|\s)(?:\d{1,2}[.)]|[a-h][)])\s/g) ?? []).length * 100) / words),
    Math.min(1, ((normalised.match(/(?:^|\s)-\s/g) ?? []).length * 100) / words),
    /^(title|essay|subject|topic|name)\b/i.test(normalised) ? 1 : 0,
    Math.min(1, ((normalised.match(/\b[A-Z][A-Za-z ]{2,30}:\s/g) ?? []).length * 100) / words),
    Math.min(1, (nonAscii * 100) / Math.max(1, normalised.length)),
    sentences.length > 0 ? sentences.filter((s) => /^[a-z]/.test(s)).length / sentences.length : 0
  ]
}

/** Plain logistic regression by gradient descent on a few standardised features (deterministic). */
function fitLogistic(x: number[][], y: number[], iterations = 400, rate = 0.5): (row: number[]) => number {
  const d = x[0]?.length ?? 0
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, r) => s + (r[j] ?? 0), 0) / x.length)
  const sd = Array.from({ length: d }, (_, j) =>
    Math.sqrt(x.reduce((s, r) => s + ((r[j] ?? 0) - (mean[j] ?? 0)) ** 2, 0) / x.length + 1e-9)
  )
  const z = x.map((r) => r.map((v, j) => (v - (mean[j] ?? 0)) / (sd[j] ?? 1)))
  const pos = y.filter((v) => v === 1).length
  const wPos = 0.5 / Math.max(1, pos)
  const wNeg = 0.5 / Math.max(1, y.length - pos)
  const w = new Array<number>(d).fill(0)
  let b = 0
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0)
    let gb = 0
    z.forEach((r, i) => {
      const s = b + r.reduce((acc, v, j) => acc + v * (w[j] ?? 0), 0)
      const p = 1 / (1 + Math.exp(-s))
      const e = (p - (y[i] ?? 0)) * (y[i] === 1 ? wPos : wNeg)
      r.forEach((v, j) => (g[j] = (g[j] ?? 0) + e * v))
      gb += e
    })
    for (let j = 0; j < d; j++) w[j] = (w[j] ?? 0) - rate * (g[j] ?? 0)
    b -= rate * gb
  }
  return (row) => b + row.reduce((acc, v, j) => acc + ((v - (mean[j] ?? 0)) / (sd[j] ?? 1)) * (w[j] ?? 0), 0)
}

function main(): void {
  const dataDir = resolve(process.argv[2] ?? '../shared/data')
  const outFile = resolve(process.argv[3] ?? '.cache/training/formatting.json')
  const rows: { split: string; y: number; raw: number[]; norm: number[] }[] = []
  // MixSet and APT-Eval are featurised for evaluation only: `trainable` leaves them out here
  for (const ds of TRAINING_DATASETS) {
    const cells = new Map<string, number>()
    for (const r of readDataset(dataDir, ds)) {
      if (r.label !== 'human' && r.label !== 'ai') continue
      const info = describe(ds, r)
      if (!keepRecord(ds, r, info) || !trainable(ds, r) || info.split === 'calib') continue
      const cell = `${info.split}|${r.label}`
      const n = cells.get(cell) ?? 0
      if (n >= PER_CELL) continue
      cells.set(cell, n + 1)
      rows.push({
        split: info.split,
        y: r.label === 'ai' ? 1 : 0,
        raw: formattingCues(r.text),
        norm: survivingCues(normalise(r.text).text)
      })
    }
  }
  const result: Record<string, number | null> = {}
  for (const key of ['raw', 'norm'] as const) {
    const train = rows.filter((r) => r.split === 'train')
    const test = rows.filter((r) => r.split === 'test')
    const score = fitLogistic(
      train.map((r) => r[key]),
      train.map((r) => r.y)
    )
    result[key] = auroc(
      test.map((r) => score(r[key])),
      test.map((r) => (r.y === 1 ? 1 : 0))
    )
  }
  const out = {
    rawTextAuroc: result.raw,
    afterNormalisationAuroc: result.norm,
    nTrain: rows.filter((r) => r.split === 'train').length,
    nTest: rows.filter((r) => r.split === 'test').length,
    cuesAfterNormalisation:
      'glued sentences, enumerations, dash bullets, leading Title/Essay word, colon headings, non-ASCII share, lower-case sentence starts'
  }
  writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n')
  process.stdout.write(JSON.stringify(out) + '\n')
}

if (require.main === module) main()
