/**
 * Detector benchmark: model load time and median time to score a 600-word essay (one core, one intra-op
 * thread, after loading). Usage: npx tsx scripts/bench-detector.ts [modelDir]
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadDetector } from '../src/pipeline/detector'
import type { Passage } from '../src/shared/types'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

/** A 600-word essay made of our own fixed paragraphs (no dataset text), split into ~6 passages. */
function essay(): { text: string; passages: Passage[] } {
  const golden = JSON.parse(readFileSync(resolve('src/training/golden-texts.json'), 'utf8')) as {
    text: string
  }[]
  const pool = golden.map((g) => g.text).filter((t) => t.split(/\s+/).length > 60)
  const paras: string[] = []
  let words = 0
  for (let i = 0; words < 600; i++) {
    const p = pool[i % pool.length] ?? ''
    paras.push(p)
    words += p.split(/\s+/).length
  }
  const text = paras.join('\n\n')
  const passages: Passage[] = []
  let pos = 0
  paras.forEach((p, index) => {
    const start = text.indexOf(p, pos)
    pos = start + p.length
    passages.push({
      index,
      start,
      end: pos,
      page: null,
      words: p.split(/\s+/).length,
      kind: 'prose',
      paragraphs: [index, index]
    })
  })
  return { text, passages }
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? 'resources/models')
  const loads: number[] = []
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    const d = await loadDetector(dir)
    loads.push(performance.now() - t0)
    await d.close()
  }
  const detector = await loadDetector(dir)
  const { text, passages } = essay()
  for (let i = 0; i < 3; i++) await detector.scoreDocument(text, passages, { operatingPoint: 'balanced' })
  const times: number[] = []
  for (let i = 0; i < 25; i++) {
    const t0 = performance.now()
    await detector.scoreDocument(text, passages, { operatingPoint: 'balanced' })
    times.push(performance.now() - t0)
  }
  const result = {
    words: text.split(/\s+/).length,
    passages: passages.length,
    loadMsMedian: Number(median(loads).toFixed(1)),
    scoreMsMedian: Number(median(times).toFixed(2)),
    scoreMsMax: Number(Math.max(...times).toFixed(2))
  }
  process.stdout.write(JSON.stringify(result) + '\n')
  await detector.close()
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n')
  process.exit(1)
})
