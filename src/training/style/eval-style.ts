/**
 * npm run eval:style — fits and measures the style comparison (src/engine/style-compare) on corpora with several
 * texts per writer, and writes resources/style/style-compare.card.json (read by the app) and .card.md.
 *
 *   fce-learners   two exam answers per candidate (different questions), first language per candidate
 *   micusp-papers  university papers; writers with two or more papers ("cross-paper"), and every paper cut into
 *                  ~400-word parts ("same paper": same topic, an easier case, reported apart)
 *   imitation      our chat-assistant texts written for FCE prompts / mirroring MICUSP papers (data/imitation)
 *
 * Writers are split in two by a hash of their id: calibration writers fit the weights, the reference spreads and
 * the thresholds; every figure reported is measured on the other half. Deterministic; no network.
 *
 *   npx tsx src/training/style/eval-style.ts [--data ../shared/data] [--imitation data/imitation/imitation.jsonl]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  FUNCTION_WORDS,
  mergeCounts,
  styleCounts,
  type StyleCounts
} from '../../engine/style-compare/features'
import {
  DIFFERENCE_NAMES,
  MEASURES,
  differenceVector,
  transformed,
  type StyleReference
} from '../../engine/style-compare/measures'
import type { StyleCalibrationTable, StyleCompareCard, StyleModel } from '../../engine/style-compare/card'
import { STYLE_LIMITS, styleDistance } from '../../engine/style-compare/compare'
import { STYLE_FEATURES_VERSION } from '../../engine/style-compare/features'
import { auroc, wilsonInterval, type BinaryLabel } from '../../engine/stats'
import { renderStyleCard } from './render-card'

const args = process.argv.slice(2)
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt
}
const DATA = resolve(opt('--data', '../shared/data'))
const IMITATION = resolve(opt('--imitation', 'data/imitation/imitation.jsonl'))
const OUT = resolve(opt('--out', 'resources/style'))
const SETTING_TAIL = 0.05
const PART_WORDS = 400
const BOOT = 400

interface Rec {
  id: string
  text: string
  label: string
  group?: string
  meta: Record<string, unknown>
}
function readJsonl(path: string): Rec[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Rec)
}

function fnv(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}
type Role = 'fit' | 'cal' | 'test'
/** 40% of writers fit the weights, 30% set the thresholds and tail tables, 30% are held out for every figure. */
const role = (writer: string): Role => {
  const h = fnv(`style-split:${writer}`) % 10
  return h < 4 ? 'fit' : h < 7 ? 'cal' : 'test'
}
/** Deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const words = (s: string): number => (s.match(/\S+/g) ?? []).length

// ---------------------------------------------------------------- corpora
interface Text {
  writer: string
  group: string
  /** Finer group: first language for FCE. */
  l1: string
  topic: string
  discipline: string
  paper: string
  part: number
  counts: StyleCounts
}

const t0 = Date.now()
const fce: Text[] = readJsonl(join(DATA, 'fce-learners/data.jsonl')).map((r) => ({
  writer: `fce:${String(r.meta.writer_id)}`,
  group: 'non-native',
  l1: String(r.meta.l1 ?? 'unknown'),
  topic: String(r.meta.prompt_id),
  discipline: 'fce',
  paper: r.id,
  part: 0,
  counts: styleCounts(r.text)
}))

function splitParts(text: string): string[] {
  const paras = text.split(/\n\s*\n/).filter((p) => p.trim())
  const parts: string[] = []
  let cur: string[] = []
  let n = 0
  for (const p of paras) {
    cur.push(p)
    n += words(p)
    if (n >= PART_WORDS) {
      parts.push(cur.join('\n\n'))
      cur = []
      n = 0
    }
  }
  if (n >= 250) parts.push(cur.join('\n\n'))
  return parts
}
const micusp: Text[] = []
const micuspRecs = readJsonl(join(DATA, 'micusp-papers/data.jsonl'))
for (const r of micuspRecs) {
  const pid = String(r.meta.paper_id)
  const writer = `micusp:${pid.split('.').slice(0, 3).join('.')}`
  // The first part holds the title and abstract: skipped; at most 8 parts per paper.
  splitParts(r.text)
    .slice(1, 9)
    .forEach((part, i) =>
      micusp.push({
        writer,
        group: String(r.group ?? 'unknown'),
        l1: String(r.meta.first_lang ?? 'unknown'),
        topic: pid,
        discipline: String(r.meta.discipline),
        paper: pid,
        part: i,
        counts: styleCounts(part)
      })
    )
}
console.log(
  `features: ${fce.length} FCE answers, ${micusp.length} MICUSP parts (${((Date.now() - t0) / 1000).toFixed(1)} s)`
)

// ---------------------------------------------------------------- reference spreads (calibration writers)
function sd(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1))
}
const refTexts = [...fce, ...micusp].filter((t) => role(t.writer) === 'fit')
const reference: StyleReference = {
  measureSd: MEASURES.map((m) => {
    const vs = refTexts.map((t) => m.value(t.counts)).filter((v): v is number => v !== null)
    return Math.max(1e-3, sd(vs.map((v) => transformed(m, v))))
  }),
  functionWordSd: FUNCTION_WORDS.map((_, i) =>
    Math.max(
      1e-3,
      sd(refTexts.map((t) => (t.counts.words ? Math.sqrt(t.counts.functionWords[i] / t.counts.words) : 0)))
    )
  )
}

// ---------------------------------------------------------------- pairs
interface Pair {
  source: 'fce' | 'micusp-cross' | 'micusp-same-paper'
  k: number
  same: boolean
  writer: string
  group: string
  l1: string
  role: Role
  x: number[]
  q: StyleCounts
  known: StyleCounts
}
const pairs: Pair[] = []
function addPair(p: Omit<Pair, 'x'>): void {
  pairs.push({ ...p, x: differenceVector(p.q, p.known, reference) })
}
const byWriter = <T extends Text>(ts: T[]): Map<string, T[]> => {
  const m = new Map<string, T[]>()
  for (const t of ts) m.set(t.writer, [...(m.get(t.writer) ?? []), t])
  return m
}

// FCE: known = one answer, questioned = the other answer, or another candidate's answer to that same question.
const fceWriters = byWriter(fce)
const fceByTopic = new Map<string, Text[]>()
for (const t of fce) fceByTopic.set(t.topic, [...(fceByTopic.get(t.topic) ?? []), t])
{
  const rand = rng(14)
  for (const [writer, ts] of fceWriters) {
    if (ts.length !== 2) continue
    const cal = role(writer)
    for (const [known, q] of [
      [ts[0], ts[1]],
      [ts[1], ts[0]]
    ] as const) {
      const base = {
        source: 'fce' as const,
        k: 1,
        writer,
        group: known.group,
        l1: known.l1,
        role: cal,
        known: known.counts
      }
      addPair({ ...base, same: true, q: q.counts })
      const others = (fceByTopic.get(q.topic) ?? []).filter(
        (o) => o.writer !== writer && role(o.writer) === cal
      )
      for (let j = 0; j < 2 && others.length > 0; j++) {
        const o = others[Math.floor(rand() * others.length)]
        addPair({ ...base, same: false, q: o.counts })
      }
    }
  }
}

// MICUSP: known = k parts; questioned = a part of another paper by the same writer (cross-paper) or a part of the
// same paper (same-paper), against a part by another writer of the same discipline.
const micWriters = byWriter(micusp)
const micByDiscipline = new Map<string, Text[]>()
for (const t of micusp) micByDiscipline.set(t.discipline, [...(micByDiscipline.get(t.discipline) ?? []), t])
function otherWriterPart(t: Text, rand: () => number): Text | null {
  const r = role(t.writer)
  let pool = (micByDiscipline.get(t.discipline) ?? []).filter(
    (o) => o.writer !== t.writer && role(o.writer) === r
  )
  if (pool.length === 0) pool = micusp.filter((o) => o.writer !== t.writer && role(o.writer) === r)
  return pool.length ? pool[Math.floor(rand() * pool.length)] : null
}
{
  const rand = rng(1414)
  for (const [writer, ts] of micWriters) {
    const cal = role(writer)
    const papers = [...new Set(ts.map((t) => t.paper))]
    for (const paper of papers) {
      const own = ts.filter((t) => t.paper === paper)
      const others = ts.filter((t) => t.paper !== paper)
      // round-robin over the other papers, so k known texts come from as many papers as possible
      const otherPapers = [...new Set(others.map((t) => t.paper))].map((p) =>
        others.filter((t) => t.paper === p)
      )
      const rr: Text[] = []
      for (let i = 0; rr.length < others.length; i++) for (const op of otherPapers) if (op[i]) rr.push(op[i])
      for (const q of own.slice(0, 2)) {
        const diff = otherWriterPart(q, rand)
        for (const k of [1, 2, 3]) {
          const base = { k, writer, group: q.group, l1: q.l1, role: cal }
          if (rr.length >= k) {
            const known = mergeCounts(rr.slice(0, k).map((t) => t.counts))
            addPair({ ...base, source: 'micusp-cross', same: true, q: q.counts, known })
            if (diff) addPair({ ...base, source: 'micusp-cross', same: false, q: diff.counts, known })
          }
          // same paper: known = k parts at least one part away from the questioned one
          const far = own.filter((t) => Math.abs(t.part - q.part) >= 2)
          if (far.length >= k) {
            const known = mergeCounts(far.slice(0, k).map((t) => t.counts))
            addPair({ ...base, source: 'micusp-same-paper', same: true, q: q.counts, known })
            if (diff) addPair({ ...base, source: 'micusp-same-paper', same: false, q: diff.counts, known })
          }
        }
      }
    }
  }
}
console.log(
  `pairs: ${pairs.length} (fit ${pairs.filter((p) => p.role === 'fit').length}, calibration ${pairs.filter((p) => p.role === 'cal').length}, test ${pairs.filter((p) => p.role === 'test').length})`
)

// ---------------------------------------------------------------- fit (calibration writers only)
function fitLogistic(xs: number[][], ys: number[], lambda = 1e-3, iters = 800, lr = 0.5): StyleModel {
  const d = xs[0].length
  const mean = new Array<number>(d).fill(0)
  const s = new Array<number>(d).fill(0)
  for (const x of xs) x.forEach((v, j) => (mean[j] += v / xs.length))
  for (const x of xs) x.forEach((v, j) => (s[j] += (v - mean[j]) ** 2 / xs.length))
  const sdv = s.map((v) => Math.sqrt(v) || 1)
  const z = xs.map((x) => x.map((v, j) => (v - mean[j]) / sdv[j]))
  // class weights: same and different pairs count equally
  const nPos = ys.filter((y) => y === 1).length
  const wPos = xs.length / (2 * nPos)
  const wNeg = xs.length / (2 * (xs.length - nPos))
  const w = new Array<number>(d).fill(0)
  let b = 0
  for (let it = 0; it < iters; it++) {
    const g = new Array<number>(d).fill(0)
    let gb = 0
    for (let i = 0; i < z.length; i++) {
      let t = b
      for (let j = 0; j < d; j++) t += w[j] * z[i][j]
      const p = 1 / (1 + Math.exp(-t))
      const cw = ys[i] === 1 ? wPos : wNeg
      const e = cw * (p - ys[i])
      for (let j = 0; j < d; j++) g[j] += e * z[i][j]
      gb += e
    }
    for (let j = 0; j < d; j++) w[j] -= lr * (g[j] / z.length + lambda * w[j])
    b -= (lr * gb) / z.length
  }
  return { names: [...DIFFERENCE_NAMES], mean, sd: sdv, weights: w, bias: b }
}
const fitPairs = pairs.filter((p) => p.role === 'fit')
const calPairs = pairs.filter((p) => p.role === 'cal')
const model = fitLogistic(
  fitPairs.map((p) => p.x),
  fitPairs.map((p) => (p.same ? 0 : 1))
)
const cardStub = { reference, model } as unknown as StyleCompareCard
const dist = (q: StyleCounts, known: StyleCounts): number => styleDistance(q, known, cardStub)
const pairScore = new Map<Pair, number>()
for (const p of pairs) pairScore.set(p, dist(p.q, p.known))
const score = (p: Pair): number => pairScore.get(p) ?? 0

// ---------------------------------------------------------------- figures with intervals
function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[i]
}
/** Cluster bootstrap by writer: 95% percentile interval of a statistic over pairs. */
function bootstrap(ps: Pair[], stat: (ps: Pair[]) => number | null, seed: number): [number, number] | null {
  const byW = new Map<string, Pair[]>()
  for (const p of ps) byW.set(p.writer, [...(byW.get(p.writer) ?? []), p])
  const clusters = [...byW.values()]
  const rand = rng(seed)
  const vals: number[] = []
  for (let b = 0; b < BOOT; b++) {
    const sample: Pair[] = []
    for (let i = 0; i < clusters.length; i++) sample.push(...clusters[Math.floor(rand() * clusters.length)])
    const v = stat(sample)
    if (v !== null && Number.isFinite(v)) vals.push(v)
  }
  if (vals.length < BOOT / 2) return null
  vals.sort((a, b) => a - b)
  return [quantile(vals, 0.025), quantile(vals, 0.975)]
}
const aurocOf = (ps: Pair[]): number | null =>
  auroc(
    ps.map(score),
    ps.map((p): BinaryLabel => (p.same ? 0 : 1))
  )
const r3 = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : Math.round(v * 1000) / 1000
const r3i = (i: [number, number] | null): [number, number] | null =>
  i ? [r3(i[0]) ?? 0, r3(i[1]) ?? 0] : null

interface AurocRow {
  source: string
  knownTexts: number
  group: string
  nSame: number
  nDifferent: number
  writers: number
  auroc: number | null
  interval: [number, number] | null
}
function aurocRow(source: string, k: number, group: string, ps: Pair[], seed: number): AurocRow {
  return {
    source,
    knownTexts: k,
    group,
    nSame: ps.filter((p) => p.same).length,
    nDifferent: ps.filter((p) => !p.same).length,
    writers: new Set(ps.map((p) => p.writer)).size,
    auroc: r3(aurocOf(ps)),
    interval: r3i(bootstrap(ps, aurocOf, seed))
  }
}

// Tables per k from calibration writers' pairs: FCE (k = 1 only) and MICUSP cross-paper; same-paper excluded
// (same topic: too easy, it would understate how much a student's own texts differ).
const tables: StyleCalibrationTable[] = []
const subsample = (xs: number[], n = 400): number[] => {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length <= n) return s.map((v) => r3(v) ?? 0)
  return Array.from({ length: n }, (_, i) => r3(s[Math.round((i * (s.length - 1)) / (n - 1))]) ?? 0)
}
const tableSources = (p: Pair): boolean => p.source === 'fce' || p.source === 'micusp-cross'
interface RateRow {
  source: string
  knownTexts: number
  group: string
  n: number
  writers: number
  flagged: number
  rate: number
  interval: [number, number]
}
const falseAlarmRows: RateRow[] = []
function rateRow(source: string, k: number, group: string, ps: Pair[], threshold: number): RateRow {
  const flagged = ps.filter((p) => score(p) >= threshold).length
  const w = wilsonInterval(flagged, ps.length)
  return {
    source,
    knownTexts: k,
    group,
    n: ps.length,
    writers: new Set(ps.map((p) => p.writer)).size,
    flagged,
    rate: r3(ps.length ? flagged / ps.length : 0) ?? 0,
    interval: [r3(w.lower) ?? 0, r3(w.upper) ?? 0]
  }
}
for (const k of [1, 2, 3]) {
  const cal = calPairs.filter((p) => p.k === k && tableSources(p))
  const same = cal.filter((p) => p.same).map(score)
  const different = cal.filter((p) => !p.same).map(score)
  const threshold = quantile(
    [...same].sort((a, b) => a - b),
    1 - SETTING_TAIL
  )
  const test = pairs.filter((p) => p.role === 'test' && p.k === k && tableSources(p) && p.same)
  const row = rateRow('all', k, 'all', test, threshold)
  const sources = [...new Set(test.map((p) => p.source))].join(' + ')
  tables.push({
    knownTexts: k,
    same: subsample(same),
    different: subsample(different),
    nSame: same.length,
    nDifferent: different.length,
    threshold: r3(threshold) ?? 0,
    falseAlarmRate: row.rate,
    falseAlarmInterval: row.interval,
    measuredOn: `same-student pairs of held-out writers with ${k} known text${k === 1 ? '' : 's'} (${sources}; n=${row.n}, ${row.writers} writers)`
  })
  falseAlarmRows.push(row)
  for (const src of ['fce', 'micusp-cross'] as const) {
    const ps = test.filter((p) => p.source === src)
    if (ps.length === 0) continue
    for (const g of ['all', ...new Set(ps.map((p) => p.group))]) {
      const sel = g === 'all' ? ps : ps.filter((p) => p.group === g)
      if (sel.length >= 10) falseAlarmRows.push(rateRow(src, k, g, sel, threshold))
    }
    if (src === 'fce')
      for (const l1 of [...new Set(ps.map((p) => p.l1))].sort()) {
        const sel = ps.filter((p) => p.l1 === l1)
        if (sel.length >= 30) falseAlarmRows.push(rateRow(src, k, `L1 ${l1}`, sel, threshold))
      }
  }
}

const aurocRows: AurocRow[] = []
let seed = 100
for (const src of ['fce', 'micusp-cross', 'micusp-same-paper'] as const)
  for (const k of [1, 2, 3]) {
    const ps = pairs.filter((p) => p.role === 'test' && p.source === src && p.k === k)
    if (ps.length === 0) continue
    aurocRows.push(aurocRow(src, k, 'all', ps, seed++))
    for (const g of [...new Set(ps.map((p) => p.group))].sort()) {
      const sel = ps.filter((p) => p.group === g)
      if (sel.filter((p) => p.same).length >= 10) aurocRows.push(aurocRow(src, k, g, sel, seed++))
    }
  }
const calAuroc = r3(aurocOf(calPairs))

// ---------------------------------------------------------------- AI imitation texts
/** The wider of a cluster-bootstrap interval and the Wilson interval (which stays honest at 0 events). */
function widest(boot: [number, number] | null, k: number, n: number): [number, number] {
  const w = wilsonInterval(k, n)
  return [r3(Math.min(boot?.[0] ?? 1, w.lower)) ?? 0, r3(Math.max(boot?.[1] ?? 0, w.upper)) ?? 0]
}
interface ImitationRow {
  set: string
  knownTexts: number
  n: number
  texts: number
  standsOut: number
  rate: number
  interval: [number, number]
  /** The students' own answers to the same prompt, same known writing: how often they stand out. */
  ownRate: number
  ownN: number
  aurocVsOwn: number | null
  aurocInterval: [number, number] | null
}
const imitationRows: ImitationRow[] = []
let imitationNote = ''
if (existsSync(IMITATION)) {
  const imit = readJsonl(IMITATION)
  const rand = rng(2014)
  const byId = new Map(fce.map((t) => [t.paper, t]))
  for (const label of ['ai', 'mixed']) {
    const ai: Pair[] = []
    const own: Pair[] = []
    const recs = imit.filter((r) => r.label === label && String(r.meta.prompt_id ?? '').startsWith('fce-'))
    for (const r of recs) {
      const q = styleCounts(r.text)
      const prompt = String(r.meta.prompt_id)
      const src = typeof r.meta.source_record === 'string' ? byId.get(r.meta.source_record) : undefined
      const persona = (r.meta.persona ?? {}) as { l1?: string }
      // Students who answered this prompt (held-out writers); the source student first, then the persona's L1.
      let cands = (fceByTopic.get(prompt) ?? []).filter(
        (t) => role(t.writer) === 'test' && (fceWriters.get(t.writer)?.length ?? 0) === 2
      )
      if (src && role(src.writer) === 'test') cands = [src, ...cands.filter((t) => t.writer !== src.writer)]
      else {
        const sameL1 = cands.filter((t) => t.l1 === persona.l1)
        if (sameL1.length >= 5) cands = sameL1
        for (let i = cands.length - 1; i > 0; i--) {
          const j = Math.floor(rand() * (i + 1))
          ;[cands[i], cands[j]] = [cands[j], cands[i]]
        }
      }
      for (const answer of cands.slice(0, 10)) {
        const known = (fceWriters.get(answer.writer) ?? []).find((t) => t !== answer)
        if (!known) continue
        const base = {
          source: 'fce' as const,
          k: 1,
          group: answer.group,
          l1: answer.l1,
          role: 'test' as const,
          known: known.counts
        }
        const ap = { ...base, same: false, writer: `imit:${r.id}`, q, x: [] }
        const op = { ...base, same: true, writer: `imit:${r.id}`, q: answer.counts, x: [] }
        pairScore.set(ap, dist(q, known.counts))
        pairScore.set(op, dist(answer.counts, known.counts))
        ai.push(ap)
        own.push(op)
      }
    }
    if (ai.length === 0) continue
    const th = tables[0].threshold
    const flagged = ai.filter((p) => score(p) >= th).length
    const ownFlagged = own.filter((p) => score(p) >= th).length
    const both = [...ai, ...own]
    imitationRows.push({
      set:
        label === 'ai'
          ? 'FCE prompts: AI answer written for the student’s prompt'
          : 'FCE: student answer polished by AI (mixed)',
      knownTexts: 1,
      n: ai.length,
      texts: new Set(ai.map((p) => p.writer)).size,
      standsOut: flagged,
      rate: r3(flagged / ai.length) ?? 0,
      interval: widest(
        bootstrap(ai, (ps) => ps.filter((p) => score(p) >= th).length / ps.length, 7),
        flagged,
        ai.length
      ),
      ownRate: r3(ownFlagged / own.length) ?? 0,
      ownN: own.length,
      aurocVsOwn: r3(aurocOf(both)),
      aurocInterval: r3i(bootstrap(both, aurocOf, 8))
    })
  }
  // MICUSP mirrors: an AI section of a named paper, against known parts of that paper (same topic) or of the
  // writer's other papers.
  const mirrors = imit.filter(
    (r) => r.label === 'ai' && String(r.meta.source_record ?? '').startsWith('micusp-')
  )
  for (const k of [1, 2, 3]) {
    const ai: Pair[] = []
    const own: Pair[] = []
    for (const r of mirrors) {
      const pid = String(r.meta.source_record).slice('micusp-'.length)
      const parts = micusp.filter((t) => t.paper === pid)
      if (parts.length < k + 1 || role(parts[0].writer) !== 'test') continue
      const known = mergeCounts(parts.slice(1, 1 + k).map((t) => t.counts))
      const q = styleCounts(r.text)
      const base = {
        source: 'micusp-same-paper' as const,
        k,
        group: parts[0].group,
        l1: parts[0].l1,
        role: 'test' as const,
        known,
        x: []
      }
      const ap = { ...base, same: false, writer: `imit:${r.id}`, q }
      const op = { ...base, same: true, writer: `imit:${r.id}`, q: parts[0].counts }
      pairScore.set(ap, dist(q, known))
      pairScore.set(op, dist(parts[0].counts, known))
      ai.push(ap)
      own.push(op)
    }
    if (ai.length === 0) continue
    const th = tables[k - 1].threshold
    const flagged = ai.filter((p) => score(p) >= th).length
    const both = [...ai, ...own]
    imitationRows.push({
      set: 'MICUSP: AI section mirroring the student’s paper, known = parts of that paper',
      knownTexts: k,
      n: ai.length,
      texts: ai.length,
      standsOut: flagged,
      rate: r3(flagged / ai.length) ?? 0,
      interval: widest(
        bootstrap(ai, (ps) => ps.filter((p) => score(p) >= th).length / ps.length, 9 + k),
        flagged,
        ai.length
      ),
      ownRate: r3(own.filter((p) => score(p) >= th).length / own.length) ?? 0,
      ownN: own.length,
      aurocVsOwn: r3(aurocOf(both)),
      aurocInterval: r3i(bootstrap(both, aurocOf, 20 + k))
    })
  }
} else imitationNote = `imitation texts not found at ${IMITATION}: not measured`

// ---------------------------------------------------------------- write the card
const headline = aurocRows.find((r) => r.source === 'micusp-cross' && r.knownTexts === 2 && r.group === 'all')
const card: StyleCompareCard = {
  name: 'inkprint-style-compare',
  version: '1.0.0',
  createdAt: new Date().toISOString().slice(0, 10),
  featuresVersion: STYLE_FEATURES_VERSION,
  reference: {
    measureSd: reference.measureSd.map((v) => Math.round(v * 1e5) / 1e5),
    functionWordSd: reference.functionWordSd.map((v) => Math.round(v * 1e5) / 1e5)
  },
  model: {
    names: model.names,
    mean: model.mean.map((v) => Math.round(v * 1e5) / 1e5),
    sd: model.sd.map((v) => Math.round(v * 1e5) / 1e5),
    weights: model.weights.map((v) => Math.round(v * 1e5) / 1e5),
    bias: Math.round(model.bias * 1e5) / 1e5
  },
  minWords: { questioned: 100, known: 150, passage: 80 },
  settingTail: SETTING_TAIL,
  tables,
  limits: [...STYLE_LIMITS],
  figures: {
    headline: {
      what: 'AUROC same vs different writer, 2 known texts, MICUSP cross-paper, held-out writers',
      ...headline
    },
    calibrationAuroc: calAuroc,
    auroc: aurocRows,
    falseAlarm: falseAlarmRows,
    imitation: imitationRows,
    imitationNote,
    data: {
      fceAnswers: fce.length,
      fceWriters: fceWriters.size,
      micuspParts: micusp.length,
      micuspWriters: micWriters.size,
      micuspWritersWithSeveralPapers: [...micWriters.values()].filter(
        (ts) => new Set(ts.map((t) => t.paper)).size > 1
      ).length,
      pairs: pairs.length
    }
  }
}
mkdirSync(OUT, { recursive: true })
writeFileSync(join(OUT, 'style-compare.card.json'), JSON.stringify(card, null, 1) + '\n')
writeFileSync(join(OUT, 'style-compare.card.md'), renderStyleCard(card))
console.log(`AUROC (held-out writers):`)
for (const r of aurocRows)
  console.log(
    `  ${r.source.padEnd(18)} k=${r.knownTexts} ${r.group.padEnd(11)} ${r.auroc} [${r.interval?.join('–')}] same=${r.nSame} diff=${r.nDifferent} writers=${r.writers}`
  )
console.log('false alarms at the setting:')
for (const r of falseAlarmRows)
  console.log(
    `  ${r.source.padEnd(14)} k=${r.knownTexts} ${r.group.padEnd(16)} ${r.flagged}/${r.n} = ${r.rate} [${r.interval.join('–')}]`
  )
console.log('imitation:')
for (const r of imitationRows)
  console.log(
    `  ${r.set} k=${r.knownTexts}: ${r.standsOut}/${r.n} = ${r.rate} [${r.interval.join('–')}]; own ${r.ownRate} of ${r.ownN}; AUROC ${r.aurocVsOwn} [${r.aurocInterval?.join('–')}]`
  )
if (imitationNote) console.log(imitationNote)
console.log(
  `wrote ${join(OUT, 'style-compare.card.json')} and .md (${((Date.now() - t0) / 1000).toFixed(1)} s)`
)
