/**
 * Extraction benchmark: a class set of 100 essays (PDF/DOCX/ODT/TXT in turn, 1–3 pages) built at run time
 * from real essay texts in a JSONL file, extracted one after another as a batch would.
 * Prints throughput, p50/p95 per document and peak RSS. Targets: 100 essays < 5 s, peak RSS < 400 MB.
 *
 *   npx tsx scripts/bench-extract.ts [essays.jsonl] [count]
 *
 * Default data: ../shared/data/outfox/data.jsonl beside the repo (read only; nothing is copied into the repo).
 * The essays are written to a temporary folder that is removed afterwards.
 *
 * Measured as the app runs it: our TypeScript is bundled (esbuild, which tsx brings along) with pdfjs-dist
 * kept external, and the batch runs in a fresh plain-Node child process. Running it under tsx instead would
 * measure tsx transpiling pdfjs (≈0.5 s and ≈150 MB extra), and the fixture builders' memory.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { DEFAULT_ESSAYS, FORMATS, writeCorpus } from './bench/corpus'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

async function main(): Promise<void> {
  const source = process.argv[2] ?? DEFAULT_ESSAYS
  const count = Number(process.argv[3] ?? 100)
  const dir = await mkdtemp(join(tmpdir(), 'inkprint-bench-'))
  try {
    const files = await writeCorpus(dir, count, source)
    const { times, words, failures, pdfPages, total, peakRssMb } = await runBatchInChild(files)
    const sorted = [...times].sort((a, b) => a - b)
    const fmt = (ms: number): string => `${ms.toFixed(1)} ms`
    console.log(`documents: ${files.length} (${FORMATS.join('/')} in turn), failures: ${failures}`)
    console.log(`words extracted: ${words}, PDF pages: ${pdfPages}`)
    console.log(
      `total: ${total.toFixed(2)} s (includes the one-off pdfjs import), ${(files.length / total).toFixed(1)} docs/s`
    )
    console.log(
      `per document: p50 ${fmt(percentile(sorted, 50))}, p95 ${fmt(percentile(sorted, 95))}, max ${fmt(sorted[sorted.length - 1] ?? 0)}`
    )
    for (const format of FORMATS) {
      const mine = times
        .filter((_, i) => i % FORMATS.length === FORMATS.indexOf(format))
        .sort((a, b) => a - b)
      console.log(`  ${format}: p50 ${fmt(percentile(mine, 50))}, p95 ${fmt(percentile(mine, 95))}`)
    }
    console.log(`peak RSS: ${peakRssMb.toFixed(0)} MB`)
    // Hostile office XML: a million entity references in one attribute and one text node (6–8 s before the
    // one-pass decoder of issue 13).
    const { parseXml } = await import('../src/pipeline/extract/xml')
    for (const unit of ['&amp;', '&#x1F600;']) {
      const value = unit.repeat(1_000_000)
      const t0 = performance.now()
      parseXml(`<w:document><w:p w:val="${value}"><w:t>${value}</w:t></w:p></w:document>`, 'docx')
      console.log(
        `XML with a 1,000,000-reference attribute and text node (${unit}): ${(performance.now() - t0).toFixed(0)} ms`
      )
    }
    const pass = total < 5 && peakRssMb < 400 && failures === 0
    console.log(pass ? 'targets met (100 essays < 5 s, peak RSS < 400 MB)' : 'TARGETS MISSED')
    process.exitCode = pass ? 0 : 1
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

interface BatchResult {
  times: number[]
  words: number
  failures: number
  pdfPages: number
  total: number
  peakRssMb: number
}

/** Bundles the extractor as electron-vite would (pdfjs external) and runs the batch in plain Node. */
async function runBatchInChild(files: string[]): Promise<BatchResult> {
  const root = resolve(__dirname, '..')
  // Inside the repo so the bundle resolves pdfjs-dist from node_modules; .cache is ignored by git.
  const work = join(root, 'node_modules', '.cache', 'inkprint-bench')
  await mkdir(work, { recursive: true })
  await build({
    entryPoints: [join(root, 'src/pipeline/extract/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['pdfjs-dist', 'fflate'],
    outfile: join(work, 'extract.cjs'),
    logLevel: 'warning'
  })
  await writeFile(join(work, 'files.json'), JSON.stringify(files))
  await writeFile(join(work, 'run.cjs'), CHILD_RUNNER)
  const out = execFileSync(process.execPath, [join(work, 'run.cjs')], { cwd: work, encoding: 'utf8' })
  return JSON.parse(out) as BatchResult
}

const CHILD_RUNNER = `
const { extractFile } = require('./extract.cjs')
const files = require('./files.json')
;(async () => {
  const times = []
  let words = 0, failures = 0, pdfPages = 0
  const started = performance.now()
  for (const path of files) {
    const t0 = performance.now()
    const outcome = await extractFile(path)
    times.push(performance.now() - t0)
    if (!outcome.ok) failures++
    else {
      words += outcome.doc.text.split(/\\s+/).length
      pdfPages += outcome.doc.pageCount ?? 0
    }
  }
  const total = (performance.now() - started) / 1000
  process.stdout.write(JSON.stringify({ times, words, failures, pdfPages, total, peakRssMb: process.resourceUsage().maxRSS / 1024 }))
})()
`

void main()
