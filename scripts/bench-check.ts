/**
 * Whole-check benchmark: generated class sets (PDF/DOCX/ODT/TXT) checked by the built CLI in a fresh Node
 * process, as a teacher or an IT department would run it, with 1 and 2 worker threads.
 *
 *   npx tsx scripts/bench-check.ts [--sizes 100,1000] [--workers 1,2] [--no-report-stage]
 *
 * Reports, per size and worker count: time to the first result from a cold start, total time, documents per
 * second, p50/p95 per document, peak RSS of the whole process (workers included), the per-stage breakdown summed
 * over documents, and the ratio of the whole check to reading + extracting alone (the floor no checker beats).
 * Needs `npm run build` first (out/main/cli.js).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { writeCorpus } from './bench/corpus'

interface Run {
  size: number
  workers: number
  firstResultS: number
  totalS: number
  perDoc: number[]
  stages: Record<string, number>
  peakRssMb: number
  failures: number
  /** Seconds spent rendering and writing reports (runs with --report only). */
  reportS: number | null
}

const ROOT = resolve(__dirname, '..')
const CLI = join(ROOT, 'out', 'main', 'cli.js')
const WRAPPER = join(__dirname, 'bench', 'peak-rss.cjs')

const arg = (name: string, fallback: string): number[] => {
  const i = process.argv.indexOf(name)
  return (i > 0 ? (process.argv[i + 1] ?? fallback) : fallback).split(',').map(Number)
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0

/** Runs the CLI with a tiny wrapper that reports the process's peak RSS (threads included) on exit. */
function runCli(dir: string, workers: number, size: number, reportDir?: string): Promise<Run> {
  const started = performance.now()
  const output = reportDir ? ['--report', reportDir, '--format', 'html'] : ['--format', 'jsonl']
  const args = [WRAPPER, CLI, 'check', dir, ...output, '--workers', String(workers)]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const run: Run = {
    size,
    workers,
    firstResultS: 0,
    totalS: 0,
    perDoc: [],
    stages: {},
    peakRssMb: 0,
    failures: 0,
    reportS: null
  }
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (run.perDoc.length === 0) run.firstResultS = (performance.now() - started) / 1000
    const r = JSON.parse(line) as { error: unknown; timingsMs: Record<string, number> }
    if (r.error) run.failures++
    run.perDoc.push(r.timingsMs.total ?? 0)
    for (const [stage, ms] of Object.entries(r.timingsMs)) run.stages[stage] = (run.stages[stage] ?? 0) + ms
  })
  createInterface({ input: child.stderr }).on('line', (line) => {
    const m = /^MAXRSS (\d+)/.exec(line)
    if (m) run.peakRssMb = Number(m[1]) / 1024
    const written = /report file\(s\) written to .* in ([\d.]+) s$/.exec(line)
    if (written) run.reportS = Number(written[1])
  })
  return new Promise((done) =>
    child.on('close', () => {
      run.totalS = (performance.now() - started) / 1000
      done(run)
    })
  )
}

function report(r: Run): void {
  const sorted = [...r.perDoc].sort((a, b) => a - b)
  const stageTotal = r.stages.total ?? 1
  const breakdown = ['read', 'extract', 'featurize', 'infer', 'watermark', 'fingerprint']
    .map((s) => `${s} ${(((r.stages[s] ?? 0) / stageTotal) * 100).toFixed(0)}%`)
    .join(', ')
  const floor = (r.stages.total ?? 0) / Math.max(1e-9, (r.stages.read ?? 0) + (r.stages.extract ?? 0))
  console.log(
    `${String(r.size).padStart(6)} docs, ${r.workers} worker(s): first result ${r.firstResultS.toFixed(2)} s, ` +
      `total ${r.totalS.toFixed(1)} s, ${(r.size / r.totalS).toFixed(1)} docs/s, per doc p50 ${percentile(sorted, 50).toFixed(0)} ms ` +
      `p95 ${percentile(sorted, 95).toFixed(0)} ms, peak RSS ${r.peakRssMb.toFixed(0)} MB, failures ${r.failures}`
  )
  console.log(
    `         stages (share of per-document time): ${breakdown}; whole check / extraction alone = ${floor.toFixed(1)}×`
  )
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('Build first: npm run build')
  const sizes = arg('--sizes', '100,1000')
  const workerCounts = arg('--workers', '1,2')
  for (const size of sizes) {
    const dir = await mkdtemp(join(tmpdir(), `inkprint-bench-${size}-`))
    try {
      const t0 = performance.now()
      await writeCorpus(dir, size)
      console.log(`corpus of ${size} documents written in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
      for (const workers of workerCounts) report(await runCli(dir, workers, size))
      if (process.argv.includes('--no-report-stage')) continue
      // The report stage: the same check with --report (HTML per document + class report), 2 workers.
      const reportDir = await mkdtemp(join(tmpdir(), `inkprint-bench-reports-`))
      const withReports = await runCli(dir, 2, size, reportDir)
      await rm(reportDir, { recursive: true, force: true })
      const reportS = withReports.reportS ?? NaN
      console.log(
        `         report stage (HTML per document as results arrive + class report): ${reportS.toFixed(1)} s, ` +
          `${((reportS * 1000) / size).toFixed(1)} ms per document; peak RSS with --report ${withReports.peakRssMb.toFixed(0)} MB`
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
}

void main()
