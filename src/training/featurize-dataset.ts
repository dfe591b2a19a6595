/**
 * Featurises the shared datasets with the app's own TypeScript featurizer and writes a sparse cache
 * that src/training/train.py reads. Usage:
 *   npx tsx src/training/featurize-dataset.ts [dataDir=../shared/data] [outDir=.cache/training]
 * Output: samples.jsonl (one line per sample: metadata + offset/nnz into the binaries),
 * indices.bin (int32 LE) and values.bin (float32 LE). Deterministic: fixed seed, fixed order.
 */
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
  type WriteStream
} from 'node:fs'
import { join, resolve } from 'node:path'
import { normalise } from '../engine/detector/normalise'
import { featurize, FEATURIZER_CONFIG } from '../engine/detector/featurize'
import { sentenceSpans, words } from '../engine/detector/style'
import {
  bucket100,
  describe,
  IMITATION,
  TRAINING_DATASETS as DATASETS,
  formattingCues,
  keepRecord,
  readDataset,
  trainable,
  type RawRecord,
  type RecordInfo
} from './dataset-records'

/** Passage windows written per document: all of them for evaluation (capped), the first few train. */
const MAX_WINDOWS = 24

const TRUNCATIONS = [15, 30, 50, 80, 120, 200]

const dataDir = resolve(process.argv[2] ?? '../shared/data')
const outDir = resolve(process.argv[3] ?? '.cache/training')
/** Optional third argument: a comma-separated subset (e.g. 'imitation'); golden texts only in the full run. */
const only = process.argv[4] ? process.argv[4].split(',') : null
mkdirSync(outDir, { recursive: true })

class SampleWriter {
  private meta: WriteStream
  private idx: WriteStream
  private val: WriteStream
  private offset = 0
  count = 0
  constructor(dir: string) {
    this.meta = createWriteStream(join(dir, 'samples.jsonl'))
    this.idx = createWriteStream(join(dir, 'indices.bin'))
    this.val = createWriteStream(join(dir, 'values.bin'))
  }
  write(text: string, meta: Record<string, unknown>): void {
    const f = featurize(text)
    const { indices, values } = f.vector
    this.idx.write(Buffer.from(indices.buffer, indices.byteOffset, indices.byteLength))
    this.val.write(Buffer.from(values.buffer, values.byteOffset, values.byteLength))
    this.meta.write(
      JSON.stringify({ ...meta, words: f.words, offset: this.offset, nnz: indices.length }) + '\n'
    )
    this.offset += indices.length
    this.count++
  }
  async close(): Promise<void> {
    const ends = [this.meta, this.idx, this.val].map((s) => new Promise<void>((res) => s.end(() => res())))
    await Promise.all(ends)
  }
}

/** Groups sentences into windows of at least `target` words (the last short one merges backwards). */
export function windowSpans(text: string, target: number): [number, number][] {
  const out: [number, number][] = []
  let start = -1
  let count = 0
  for (const [s, e] of sentenceSpans(text)) {
    if (start < 0) start = s
    count += words(text.slice(s, e)).length
    if (count >= target) {
      out.push([start, e])
      start = -1
      count = 0
    }
  }
  if (start >= 0) {
    const last = out[out.length - 1]
    if (count < target / 2 && last) last[1] = text.length
    else out.push([start, text.length])
  }
  return out
}

function baseMeta(r: RawRecord, info: RecordInfo): Record<string, unknown> {
  return {
    rec: r.id,
    ds: info.dataset,
    corpus: info.corpus,
    writers: info.writers,
    kindOf: typeof r.meta.kind === 'string' ? r.meta.kind : '',
    promptId: typeof r.meta.prompt_id === 'string' ? r.meta.prompt_id : '',
    writer: typeof r.meta.writer === 'string' ? r.meta.writer.replace(/^.*session /, '') : '',
    level: typeof r.meta.level_name === 'string' ? r.meta.level_name : '',
    personaLevel: personaLevel(r.meta.persona),
    label: r.label,
    gen: r.generator,
    fam: info.family,
    domain: info.domain,
    group: r.group ?? '',
    split: info.split,
    pair: info.pairKey,
    attack: info.attack,
    edit: info.edit,
    student: info.student,
    trainable: trainable(info.dataset, r)
  }
}

function personaLevel(p: unknown): string {
  if (typeof p !== 'object' || p === null) return ''
  const level = (p as Record<string, unknown>).level
  if (typeof level !== 'string') return ''
  if (/learner|esl|ell/i.test(level)) return 'English learner'
  if (/grade\s*([6-8])\b/i.test(level)) return 'grades 6-8'
  if (/grade/i.test(level)) return 'grades 9-12'
  if (/univ|college|undergrad|graduate|freshman|sophomore|junior|senior|year/i.test(level))
    return 'university'
  return 'other'
}

interface SpliceSource {
  human?: string
  ai?: string
  info?: RecordInfo
}

function writeRecord(
  w: SampleWriter,
  r: RawRecord,
  info: RecordInfo,
  splices: Map<string, SpliceSource>
): void {
  const norm = normalise(r.text)
  if (norm.text.length === 0) return
  const meta = baseMeta(r, info)
  w.write(norm.text, {
    ...meta,
    kind: 'doc',
    fmtRaw: formattingCues(r.text),
    fmtNorm: formattingCues(norm.text)
  })
  const nWords = words(norm.text).length
  if (r.label !== 'mixed' && nWords >= 160) {
    windowSpans(norm.text, 110)
      .slice(0, MAX_WINDOWS)
      .forEach(([s, e], pos) => w.write(norm.text.slice(s, e), { ...meta, kind: 'window', pos }))
  }
  if (r.label !== 'mixed' && nWords >= 900) {
    // Long papers: ~500-word chunks, so training sees essay-sized pieces of them.
    windowSpans(norm.text, 500)
      .slice(0, 6)
      .forEach(([s, e], pos) => w.write(norm.text.slice(s, e), { ...meta, kind: 'chunk', pos }))
  }
  if (r.segments && r.label === 'mixed') {
    // Passages of known authorship: majority label of the original characters they cover.
    windowSpans(norm.text, 40).forEach(([s, e], pos) => {
      const o0 = norm.origStart[s] ?? 0
      const o1 = norm.origEnd[e - 1] ?? o0
      let ai = 0
      for (const seg of r.segments ?? []) {
        const overlap = Math.max(0, Math.min(o1, seg.end) - Math.max(o0, seg.start))
        if (seg.label === 'ai') ai += overlap
      }
      const truth = ai * 2 >= o1 - o0 ? 'ai' : 'human'
      w.write(norm.text.slice(s, e), { ...meta, kind: 'seg-passage', doc: r.id, pos, truth })
    })
  }
  if (
    info.domain === 'essay' &&
    info.split === 'test' &&
    r.label !== 'mixed' &&
    info.attack === 'none' &&
    info.dataset !== IMITATION
  ) {
    // Prefixes of held-out essays: how short is too short to judge.
    const spans = [...norm.text.matchAll(/\S+/g)]
    for (const n of TRUNCATIONS) {
      const last = spans[n - 1]
      if (!last || spans.length < n + 10) continue
      w.write(norm.text.slice(0, last.index + last[0].length), { ...meta, kind: 'trunc', truncWords: n })
    }
  }
  const spliceable = info.domain === 'essay' && info.split !== 'train' && info.attack === 'none'
  if (spliceable && (r.label === 'human' || (r.label === 'ai' && info.edit !== 'summary'))) {
    const src = splices.get(info.pairKey) ?? {}
    if (r.label === 'human' && !src.human) src.human = norm.text
    if (r.label === 'ai' && !src.ai) src.ai = norm.text
    if (r.label === 'human') src.info = info
    splices.set(info.pairKey, src)
  }
}

/** Mixed documents built by splicing human and AI passages written for the same prompt. */
function writeSplices(w: SampleWriter, splices: Map<string, SpliceSource>): number {
  let n = 0
  for (const [key, src] of splices) {
    if (!src.human || !src.ai || !src.info) continue
    const h = windowSpans(src.human, 70).map(([s, e]) => src.human?.slice(s, e) ?? '')
    const a = windowSpans(src.ai, 70).map(([s, e]) => src.ai?.slice(s, e) ?? '')
    if (h.length < 2 || a.length < 1) continue
    const pattern = bucket100('splice|' + key) % 3
    const parts: { text: string; truth: 'human' | 'ai' }[] =
      pattern === 0
        ? [
            ...h.slice(0, 2).map((t) => ({ text: t, truth: 'human' as const })),
            ...a.slice(0, 2).map((t) => ({ text: t, truth: 'ai' as const }))
          ]
        : pattern === 1
          ? [
              ...a.slice(0, 2).map((t) => ({ text: t, truth: 'ai' as const })),
              ...h.slice(0, 3).map((t) => ({ text: t, truth: 'human' as const }))
            ]
          : [
              { text: h[0] ?? '', truth: 'human' as const },
              ...a.slice(0, 2).map((t) => ({ text: t, truth: 'ai' as const })),
              ...h.slice(1, 3).map((t) => ({ text: t, truth: 'human' as const }))
            ]
    const doc = 'splice:' + key
    const meta = {
      ds: 'splice',
      split: src.info.split,
      pair: key,
      group: '',
      domain: 'essay',
      trainable: false
    }
    parts.forEach((p, pos) =>
      w.write(p.text, { ...meta, kind: 'splice-passage', doc, pos, truth: p.truth, label: p.truth })
    )
    w.write(parts.map((p) => p.text).join(' '), { ...meta, kind: 'splice-doc', doc, label: 'mixed' })
    n++
  }
  return n
}

async function main(): Promise<void> {
  if (!existsSync(dataDir)) throw new Error(`data directory not found: ${dataDir}`)
  const w = new SampleWriter(outDir)
  const splices = new Map<string, SpliceSource>()
  const started = Date.now()
  for (const ds of only ?? DATASETS.filter((d) => d !== IMITATION)) {
    let kept = 0
    for (const r of readDataset(dataDir, ds)) {
      const info = describe(ds, r)
      if (!keepRecord(ds, r, info)) continue
      writeRecord(w, r, info, splices)
      kept++
    }
    process.stdout.write(`${ds}: ${kept} records (${((Date.now() - started) / 1000).toFixed(0)} s)\n`)
  }
  const nSplices = writeSplices(w, splices)
  const goldenPath = resolve('src/training/golden-texts.json')
  const golden = only
    ? []
    : (JSON.parse(readFileSync(goldenPath, 'utf8')) as { name: string; text: string }[])
  for (const g of golden)
    w.write(normalise(g.text).text, { kind: 'golden', rec: g.name, split: 'none', label: 'none' })
  await w.close()
  const summary = { samples: w.count, splices: nSplices, featurizer: FEATURIZER_CONFIG, dataDir }
  writeFileSync(join(outDir, 'featurizer.json'), JSON.stringify(FEATURIZER_CONFIG, null, 2))
  process.stdout.write(JSON.stringify(summary) + '\n')
}

main().catch((e: unknown) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n')
  process.exit(1)
})
