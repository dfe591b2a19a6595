/**
 * Whole-check benchmark (issue 16's targets): generated class sets (PDF/DOCX/ODT/TXT) checked by the built CLI
 * in fresh Node processes, as a teacher or an IT department runs it, plus one essay dropped on an open app.
 *
 *   npx tsx scripts/bench-check.ts [--sizes 100,1000] [--no-report-stage]
 *
 * Prints, with a "target:" line each (measured, limit, ratio): whole-check CPU per document against reading +
 * extracting it (`inkprint extract`), 100 essays with 2 workers from a cold start, the first result of one
 * essay from a cold start, one essay dropped on an open app (warm worker pool), 10,000 essays (measured with
 * --sizes …,10000, else projected from 1,000 and labelled so) and their peak RSS; then per-stage p50/p95 per
 * document and the five slowest documents with the reason. Needs `npm run build` first (out/main/cli.js).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { writeCorpus } from './bench/corpus'
import { fmt, loadAverage, percentile, printTarget } from './bench/targets'
import type { DocumentResult } from '../src/shared/types'

interface Run {
  firstResultS: number
  totalS: number
  results: DocumentResult[]
  peakRssMb: number
  cpuMs: number
  /** Seconds spent rendering and writing reports (runs with --report only). */
  reportS: number | null
}

const ROOT = resolve(__dirname, '..')
const CLI = join(ROOT, 'out', 'main', 'cli.js')
const WORKER = join(ROOT, 'out', 'main', 'check-worker.js')
const WRAPPER = join(__dirname, 'bench', 'peak-rss.cjs')

const arg = (name: string, fallback: string): number[] => {
  const i = process.argv.indexOf(name)
  return (i > 0 ? (process.argv[i + 1] ?? fallback) : fallback).split(',').map(Number)
}

/** Runs the built CLI with the wrapper that reports peak RSS and CPU time (threads included) on exit. */
function runCli(cliArgs: string[]): Promise<Run> {
  const started = performance.now()
  const child = spawn(process.execPath, [WRAPPER, CLI, ...cliArgs], { stdio: ['ignore', 'pipe', 'pipe'] })
  const run: Run = { firstResultS: 0, totalS: 0, results: [], peakRssMb: 0, cpuMs: 0, reportS: null }
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (run.results.length === 0) run.firstResultS = (performance.now() - started) / 1000
    run.results.push(JSON.parse(line) as DocumentResult)
  })
  createInterface({ input: child.stderr }).on('line', (line) => {
    const rss = /^MAXRSS (\d+)/.exec(line)
    if (rss) run.peakRssMb = Number(rss[1]) / 1024
    const cpu = /^CPUMS (\d+)/.exec(line)
    if (cpu) run.cpuMs = Number(cpu[1])
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

const check = (paths: string[], workers: number, extra: string[] = []): Promise<Run> =>
  runCli(['check', ...paths, '--format', 'jsonl', '--workers', String(workers), ...extra])

const stage = (r: DocumentResult, name: string): number =>
  name === 'extraction' ? (r.timingsMs.read ?? 0) + (r.timingsMs.extract ?? 0) : (r.timingsMs[name] ?? 0)
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0)
const median = (xs: number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50
  )

function summary(label: string, size: number, r: Run): void {
  const failures = r.results.filter((x) => x.error).length
  console.log(
    `${label}: ${size} docs, first result ${r.firstResultS.toFixed(2)} s, total ${r.totalS.toFixed(2)} s, ` +
      `${(size / r.totalS).toFixed(1)} docs/s, CPU ${(r.cpuMs / 1000).toFixed(1)} s (${(r.cpuMs / size).toFixed(1)} ms/doc), ` +
      `peak RSS ${r.peakRssMb.toFixed(0)} MB, failures ${failures}`
  )
}

function stageTable(results: DocumentResult[]): void {
  const ok = results.filter((r) => !r.error)
  console.log(`  per document (${ok.length} documents), ms:        p50      p95      sum share`)
  const total = sum(ok.map((r) => stage(r, 'total')))
  for (const name of ['extraction', 'featurize', 'infer', 'detector', 'watermark', 'fingerprint', 'total']) {
    const xs = ok.map((r) => stage(r, name)).sort((a, b) => a - b)
    const label = name === 'detector' ? 'detector (featurize + infer)' : name
    console.log(
      `    ${label.padEnd(30)} ${fmt(percentile(xs, 50)).padStart(8)} ${fmt(percentile(xs, 95)).padStart(8)} ` +
        `${((sum(xs) / total) * 100).toFixed(0).padStart(8)}%`
    )
  }
}

/** The five slowest documents and what made them slow. */
function slowest(results: DocumentResult[], workers: number): void {
  const order = new Map(results.map((r, i) => [r, i]))
  const top = [...results].sort((a, b) => stage(b, 'total') - stage(a, 'total')).slice(0, 5)
  console.log('  slowest 5 documents:')
  for (const r of top) {
    const stages = ['extraction', 'featurize', 'infer', 'watermark', 'fingerprint']
    const main = stages.reduce((a, b) => (stage(r, a) >= stage(r, b) ? a : b))
    const first = (order.get(r) ?? 0) < workers ? '; among the first results (one-time set-up)' : ''
    console.log(
      `    ${r.fileName}: ${fmt(stage(r, 'total'))} ms (${r.format}, ${r.words} words${r.pageCount ? `, ${r.pageCount} pages` : ''}); ` +
        `${stages.map((s) => `${s} ${fmt(stage(r, s))}`).join(', ')}; most in ${main}${first}`
    )
  }
}

/** One essay dropped on an open app: the app's warm worker pool, as src/main/index.ts makes it. */
async function appDrop(files: string[], warmUp: string[]): Promise<void> {
  const { WorkerEngine } = await import('../src/pipeline/batch/worker-engine')
  const { runBatch } = await import('../src/pipeline/batch/runner')
  const options = { operatingPoint: 'balanced' as const, profiles: [], includeText: true }
  const once = async (engine: InstanceType<typeof WorkerEngine>, path: string): Promise<number> => {
    const t0 = performance.now()
    await runBatch({ batchId: 'bench', paths: [path], options, engine, onEvent: () => {} })
    return performance.now() - t0
  }
  // Before: the pool started its workers, and loaded the models, when the first file arrived.
  const cold = new WorkerEngine({ script: WORKER, workers: 2, timeoutMs: 60_000, maxHeapMb: 1024 })
  const coldMs = await once(cold, files[0] as string)
  await cold.close()
  const engine = new WorkerEngine({
    script: WORKER,
    workers: 2,
    timeoutMs: 60_000,
    maxHeapMb: 1024,
    warm: true
  })
  // The app has been open a while: both workers have loaded their models (one short document each proves it;
  // idle-CPU detection fails on a machine where other jobs take the cores).
  const t0 = performance.now()
  await runBatch({ batchId: 'warm', paths: warmUp, options, engine, onEvent: () => {} })
  const loadMs = performance.now() - t0
  const times: number[] = []
  for (const f of files) times.push(await once(engine, f))
  await engine.close()
  console.log(
    `one essay dropped on an open app (warm pool; loading + one short document per worker took ${(loadMs / 1000).toFixed(1)} s): ` +
      `${times.map((t) => `${fmt(t)} ms`).join(', ')} for ${files.map((f) => f.split('.').pop()).join(', ')}; ` +
      `the same PDF on a pool that loads its models at the first file (as before): ${fmt(coldMs)} ms`
  )
  printTarget({
    name: 'one essay dropped on an open app, result',
    measured: median(times),
    limit: 150,
    unit: 'ms',
    note: `median of ${times.length} (max ${fmt(Math.max(...times))} ms); ${await loadAverage()}`
  })
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('Build first: npm run build')
  const sizes = arg('--sizes', '100,1000')
  const work = await mkdtemp(join(tmpdir(), 'inkprint-bench-'))
  try {
    // One essay, cold start of the CLI (default 2 workers: one starts for one file).
    await mkdir(join(work, 'single'))
    const singles = await writeCorpus(join(work, 'single'), 3)
    const firsts: Run[] = []
    for (const f of singles) firsts.push(await check([f], 2))
    console.log(
      `one essay, CLI cold start: first result ${firsts.map((r) => `${r.firstResultS.toFixed(2)} s`).join(', ')} ` +
        `(${singles.map((f) => f.split('.').pop()).join(', ')}); CPU ${firsts.map((r) => `${(r.cpuMs / 1000).toFixed(2)} s`).join(', ')}`
    )
    printTarget({
      name: 'one essay, CLI cold start, first result',
      measured: median(firsts.map((r) => r.firstResultS)),
      limit: 1,
      unit: 's',
      note: `median of 3; CPU median ${(median(firsts.map((r) => r.cpuMs)) / 1000).toFixed(2)} s; ${await loadAverage()}`
    })
    const warmUp = [join(work, 'single', 'warm-1.txt'), join(work, 'single', 'warm-2.txt')]
    for (const f of warmUp) await writeFile(f, 'A short note written to start the worker. '.repeat(20))
    await appDrop(singles, warmUp)

    let perThousand: Run | null = null
    for (const size of sizes) {
      const dir = join(work, `class-${size}`)
      await mkdir(dir)
      const t0 = performance.now()
      await writeCorpus(dir, size)
      console.log(
        `\ncorpus of ${size} documents written in ${((performance.now() - t0) / 1000).toFixed(1)} s`
      )
      if (size === 100) {
        const extracted = await runCli(['extract', dir, '--no-text'])
        summary('inkprint extract (reading + extraction only)', size, extracted)
        const one = await check([dir], 1)
        summary('inkprint check, 1 worker', size, one)
        const two = await check([dir], 2)
        summary('inkprint check, 2 workers', size, two)
        stageTable(one.results)
        slowest(two.results, 2)
        const perDoc = sum(one.results.map((r) => stage(r, 'total')))
        const extraction = sum(one.results.map((r) => stage(r, 'extraction')))
        const processRatio = one.cpuMs / Math.max(1, extracted.cpuMs)
        printTarget({
          name: 'whole-check CPU per document / reading + extracting it',
          measured: perDoc / extraction,
          limit: 3,
          unit: '×',
          note:
            `${fmt(perDoc / size)} vs ${fmt(extraction / size)} ms per document (stage times, 1 worker); ` +
            `whole processes with start-up: check ${fmt(one.cpuMs / size)} vs extract ${fmt(extracted.cpuMs / size)} ms CPU per document = ${processRatio.toFixed(1)}×`
        })
        printTarget({
          name: '100 mixed-format essays, CLI cold start, 2 workers',
          measured: two.totalS,
          limit: 4,
          unit: 's',
          note: `CPU ${(two.cpuMs / 1000).toFixed(1)} s; 1 worker ${one.totalS.toFixed(1)} s; ${await loadAverage()}`
        })
        if (!process.argv.includes('--no-report-stage')) {
          const reportDir = join(work, 'reports')
          const withReports = await runCli([
            'check',
            dir,
            '--report',
            reportDir,
            '--format',
            'html',
            '--workers',
            '2'
          ])
          const reportS = withReports.reportS ?? NaN
          console.log(
            `  report stage (HTML per document as results arrive + class report): ${reportS.toFixed(1)} s, ` +
              `${((reportS * 1000) / size).toFixed(1)} ms per document; peak RSS with --report ${withReports.peakRssMb.toFixed(0)} MB`
          )
        }
      } else {
        const two = await check([dir], 2)
        summary('inkprint check, 2 workers', size, two)
        if (size === 1000) perThousand = two
        if (size >= 10_000) {
          printTarget({
            name: `${size.toLocaleString('en-US')} essays, 2 workers`,
            measured: two.totalS / 60,
            limit: 3,
            unit: 'min',
            note: perThousand
              ? `1,000 took ${perThousand.totalS.toFixed(0)} s: ${(two.totalS / perThousand.totalS / (size / 1000)).toFixed(2)}× linear`
              : undefined
          })
          printTarget({
            name: `${size.toLocaleString('en-US')} essays, peak RSS`,
            measured: two.peakRssMb,
            limit: 600,
            unit: 'MB'
          })
        }
      }
      await rm(dir, { recursive: true, force: true })
    }
    if (perThousand && !sizes.some((s) => s >= 10_000)) {
      printTarget({
        name: '10,000 essays, 2 workers (PROJECTED ×10 from 1,000; measure with npm run bench -- --full)',
        measured: (perThousand.totalS * 10) / 60,
        limit: 3,
        unit: 'min'
      })
      printTarget({
        name: '1,000 essays, peak RSS (10,000 measured with --full)',
        measured: perThousand.peakRssMb,
        limit: 600,
        unit: 'MB'
      })
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
