/**
 * npm run bench: every benchmark in turn, then one table of issue 16's targets (speed claims come from here,
 * never from timed tests).
 *   npm run bench                   extraction, detector, watermarks, whole check at 100 and 1,000 documents,
 *                                   the UI thread during a 100-file batch (Playwright + Debian's chromium),
 *                                   OCR seconds per A4 page at 300 dpi, scanned 3-page essays' verdicts
 *   npm run bench -- --full         the whole check at 10,000 documents as well
 *   npm run bench -- --quick        the whole check at 100 documents only (the 10,000 target is then not shown)
 *   npm run bench -- --no-ui        without the UI-thread measurement
 * Builds the app first when out/ is stale (the whole-check part runs the built CLI and worker).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureBuilt } from '../test/ensure-built'
import { printTarget, type TargetLine } from './bench/targets'

const ROOT = join(__dirname, '..')
const full = process.argv.includes('--full')
const quick = process.argv.includes('--quick')
const tsx = join(ROOT, 'node_modules', '.bin', 'tsx')
const sizes = full ? '100,1000,10000' : quick ? '100' : '100,1000'
const steps: [string, string, string[]][] = [
  ['Extraction: 100 essays (PDF/DOCX/ODT/TXT)', tsx, ['scripts/bench-extract.ts']],
  ['Detector: load and score a 600-word essay', tsx, ['scripts/bench-detector.ts']],
  [
    'Watermarks and fingerprints: all shipped profiles on 600-word essays',
    tsx,
    ['scripts/bench-watermarks.ts']
  ],
  ['OCR: seconds per A4 page at 300 dpi (scans and photos)', tsx, ['scripts/bench-ocr.ts']],
  [
    'OCR: scanned 3-page essays (OUTFOX human and AI), the verdict before and after OCR',
    tsx,
    ['scripts/ocr/scanned-essay.ts']
  ],
  ['Whole check (built CLI) and one essay (CLI and app)', tsx, ['scripts/bench-check.ts', '--sizes', sizes]]
]

type Collected = TargetLine & { ratio: number; met: boolean }

/** Runs one step, echoing its output and collecting its "@target" lines. */
function runStep(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {}
): Promise<{ ok: boolean; targets: Collected[] }> {
  const targets: Collected[] = []
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env }
  })
  let buffered = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      if (line.startsWith('@target ')) targets.push(JSON.parse(line.slice(8)) as Collected)
      else process.stdout.write(line + '\n')
    }
  })
  return new Promise((done) => child.on('close', (code) => done({ ok: code === 0, targets })))
}

/** The UI thread's longest task while a 100-file batch runs in the renderer (the e2e batch test records it). */
async function uiLongTasks(): Promise<Collected[]> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) {
    console.log(`skipped: no chromium at ${chromium} (apt-get install chromium)`)
    return []
  }
  const dir = await mkdtemp(join(tmpdir(), 'inkprint-bench-ui-'))
  const file = join(dir, 'long-tasks.json')
  try {
    const npx = join(ROOT, 'node_modules', '.bin', 'playwright')
    const run = await runStep(
      npx,
      ['test', 'test/e2e/batch.spec.ts', '-g', 'long tasks', '--reporter=line'],
      {
        INKPRINT_LONG_TASKS_FILE: file
      }
    )
    if (!run.ok || !existsSync(file)) {
      console.log('the batch test did not finish: no measurement')
      return []
    }
    const { files, tasks } = JSON.parse(await readFile(file, 'utf8')) as { files: number; tasks: number[] }
    const worst = Math.max(0, ...tasks)
    const line: TargetLine = {
      name: `UI thread, longest task during a ${files}-file batch`,
      measured: worst,
      limit: 100,
      unit: 'ms',
      note: `${tasks.length} tasks over 50 ms`
    }
    printTarget(line)
    return [{ ...line, ratio: worst / 100, met: worst <= 100 }]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  ensureBuilt()
  let failed = 0
  const targets: Collected[] = []
  for (const [title, command, args] of steps) {
    console.log(`\n=== ${title}`)
    const step = await runStep(command, args)
    if (!step.ok) failed++
    targets.push(...step.targets)
  }
  if (!process.argv.includes('--no-ui')) {
    console.log('\n=== UI thread during a 100-file batch (Playwright, Debian chromium)')
    targets.push(...(await uiLongTasks()))
  }

  console.log('\n=== Targets (issue 16)')
  const os = await import('node:os')
  console.log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')}`
  )
  console.log(`${'target'.padEnd(84)} ${'measured'.padStart(10)} ${'limit'.padStart(8)}  ratio  met`)
  for (const t of targets)
    console.log(
      `${t.name.padEnd(84)} ${`${t.measured.toFixed(t.measured >= 100 ? 0 : 2)} ${t.unit}`.padStart(10)} ${`${t.limit} ${t.unit}`.padStart(8)}  ${t.ratio.toFixed(2).padStart(5)}  ${t.met ? 'yes' : 'NO'}`
    )
  process.exitCode = failed ? 1 : 0
}

void main()
