/**
 * Benchmark: tokenizer loading, then all shipped watermark profiles + fingerprints on 600-word essays.
 *
 *   npx tsx scripts/bench-watermarks.ts [runs=9] [essays.jsonl]
 *
 * Each run uses a DIFFERENT essay. Two timings per essay: "cold" clears the per-seed caches first (a single
 * document checked on its own), "batch" keeps them (a class set, where common n-grams recur between essays).
 * The first run also pays one-time setup (fixed hash tables, Unigram masks, SynthID table), reported apart.
 * Essays: the first human essays of ≥ 600 words from ../shared/data/outfox/data.jsonl (read in place, never
 * copied), else a built-in synthetic text.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadTokenizers } from '../src/pipeline/tokenizers'
import { loadProfiles } from '../src/pipeline/profiles'
import { clearWatermarkCaches, runWatermarkChecks } from '../src/engine/watermark'
import { findFingerprints } from '../src/engine/fingerprints'

const WORDS = 600

function essays(count: number, path: string): string[] {
  const out: string[] = []
  if (existsSync(path)) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue
      const record = JSON.parse(line) as { text?: string; label?: string }
      const words = (record.text ?? '').split(/\s+/).filter(Boolean)
      if (record.label === 'human' && words.length >= WORDS) out.push(words.slice(0, WORDS).join(' '))
      if (out.length >= count + 1) return out
    }
  }
  // fallback: deterministic pseudo-prose
  const vocab =
    'the a students school learning online class teachers time because however many would could think that this is important for their future in and of to'.split(
      ' '
    )
  let x = 1
  while (out.length < count + 1) {
    const words: string[] = []
    for (let i = 0; i < WORDS; i++) {
      x = (x * 1103515245 + 12345) % 2147483648
      words.push(vocab[x % vocab.length] + (i % 17 === 16 ? '.' : ''))
    }
    out.push(words.join(' '))
  }
  return out
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Wall and process CPU time of fn (CPU time is less distorted when other jobs share the cores). */
function timed(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  fn()
  const wall = performance.now() - t0
  const c = process.cpuUsage(c0)
  return { wall, cpu: (c.user + c.system) / 1000 }
}
const ms = (x: number): string => `${x.toFixed(1)} ms`

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 9)
  const dataPath = process.argv[3] ?? join(__dirname, '../../shared/data/outfox/data.jsonl')
  const profiles = await loadProfiles(join(__dirname, '../resources/profiles'))

  const t0 = performance.now()
  const tokenizers = await loadTokenizers(profiles)
  const loadTotal = performance.now() - t0
  console.log(
    `tokenizer load: total ${ms(loadTotal)} (${Object.entries(tokenizers.loadMs)
      .map(([k, v]) => `${k} ${ms(v)}`)
      .join(', ')})`
  )

  const texts = essays(runs, dataPath)
  const first = performance.now()
  runWatermarkChecks(texts[0], profiles, tokenizers)
  findFingerprints(texts[0], {}, { format: 'docx' })
  console.log(`first run (includes one-time tables): ${ms(performance.now() - first)}`)

  const cold: number[] = []
  const coldCpu: number[] = []
  const batch: number[] = []
  const batchCpu: number[] = []
  const fingerprints: number[] = []
  const perProfile = new Map<string, number[]>()
  const tokenize: number[] = []
  for (let i = 1; i <= runs; i++) {
    const text = texts[i]
    clearWatermarkCaches()
    let results = runWatermarkChecks('', [], tokenizers)
    const t = timed(() => {
      results = runWatermarkChecks(text, profiles, tokenizers)
      findFingerprints(text, {}, { format: 'docx' })
    })
    cold.push(t.wall)
    coldCpu.push(t.cpu)
    if (i === 1)
      console.log(
        results
          .map(
            (r) =>
              `  ${r.profileId}: ${r.status}, ${r.tokensScored} tokens, p=${r.pValue?.toPrecision(3) ?? '—'}`
          )
          .join('\n')
      )
    const start = performance.now()
    findFingerprints(text, {}, { format: 'docx' })
    fingerprints.push(performance.now() - start)
    // breakdown on the same text, one profile at a time, cold (tokenization included in each)
    for (const p of profiles) {
      clearWatermarkCaches()
      const t = timed(() => runWatermarkChecks(text, [p], tokenizers))
      const list = perProfile.get(p.id) ?? []
      list.push(t.cpu)
      perProfile.set(p.id, list)
    }
    const s = performance.now()
    tokenizers.get('gpt2')?.encode(text)
    tokenizers.get('llama')?.encode(text)
    tokenize.push(performance.now() - s)
  }
  // batch: the same essays in a row without clearing, after one warm-up pass over other essays' n-grams
  clearWatermarkCaches()
  runWatermarkChecks(texts[0], profiles, tokenizers)
  for (let i = 1; i <= runs; i++) {
    const t = timed(() => {
      runWatermarkChecks(texts[i], profiles, tokenizers)
      findFingerprints(texts[i], {}, { format: 'docx' })
    })
    batch.push(t.wall)
    batchCpu.push(t.cpu)
  }
  const summary = (xs: number[]): string =>
    `median ${ms(median(xs))}, min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}`
  console.log(
    `\n${runs} different ${WORDS}-word essays, all ${profiles.length} profiles + fingerprints (target < 100 ms):`
  )
  console.log(
    `  cold document (per-seed caches cleared): wall ${summary(cold)}; CPU median ${ms(median(coldCpu))}`
  )
  console.log(
    `  batch (caches kept across essays):       wall ${summary(batch)}; CPU median ${ms(median(batchCpu))}`
  )
  console.log(
    `  (load average during the run: ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')} on ${(await import('node:os')).cpus().length} cores)`
  )
  console.log(`  fingerprints alone: median ${ms(median(fingerprints))}`)
  console.log(`  tokenization alone (gpt2 + llama): median ${ms(median(tokenize))}`)
  console.log('  per profile, cold (median CPU time, incl. its tokenization):')
  for (const [id, list] of perProfile) console.log(`    ${id.padEnd(30)} ${ms(median(list))}`)
}

void main()
