/**
 * The detector before and after OCR: essays from ../shared/data (human: ASAP; AI: ArguGPT; read at run time,
 * never copied into the repository) rendered to A4 page images under several conditions (resolution, skew,
 * noise, and two handwriting-like fonts when Debian's fonts-dkg-handwriting and fonts-dancingscript are
 * installed), read back by the OCR engine (all pages, as a multi-page TIFF), and checked with the real
 * pipeline. Reports, per condition: OCR confidence, character accuracy, how often the verdict on the OCR text
 * agrees with the verdict on the original text, how often the app said "could not read reliably" instead.
 *   npx tsx scripts/ocr/agreement.ts [--n 6] [--only handwriting] [--out file.json]
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkFile } from '../../src/pipeline/check'
import { loadCheckContext } from '../../src/pipeline/context'
import { grayTiff, handwritingFont, renderPages, type PageImageOptions } from './page-image'
import { decodeToGray } from '../../src/pipeline/ocr/prepare'
import { closeOcrWorkers } from '../../src/pipeline/ocr/engine'
import { charAccuracy } from './accuracy'

const DATA = join(__dirname, '..', '..', '..', 'shared', 'data')
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback
}
const N = Number(arg('n', '6'))

const ALL: Record<string, PageImageOptions | null> = {
  '300 dpi clean': { dpi: 300 },
  '200 dpi clean': { dpi: 200 },
  '150 dpi clean': { dpi: 150 },
  '300 dpi, 1.5° skew, 2% noise': { dpi: 300, skewDegrees: 1.5, noise: 0.02 },
  '150 dpi, 3° skew, 5% noise': { dpi: 150, skewDegrees: 3, noise: 0.05 },
  'handwriting-like font (DKG), 14 pt, 300 dpi': handwritingFont('DKG handwriting')
    ? { dpi: 300, font: 'DKG handwriting', pointSize: 14 }
    : null,
  'script font (Dancing Script), 14 pt, 300 dpi': handwritingFont('Dancing Script')
    ? { dpi: 300, font: 'Dancing Script', pointSize: 14 }
    : null
}
const only = arg('only', '')
const CONDITIONS = Object.fromEntries(
  Object.entries(ALL).filter(
    (e): e is [string, PageImageOptions] => e[1] !== null && (!only || e[0].includes(only))
  )
)
for (const [name, opts] of Object.entries(ALL))
  if (!opts)
    console.log(
      `skipped "${name}": the font is not installed (apt-get install fonts-dkg-handwriting fonts-dancingscript)`
    )

async function essays(dataset: string, n: number): Promise<{ id: string; text: string }[]> {
  const lines = (await readFile(join(DATA, dataset, 'data.jsonl'), 'utf8')).split('\n').filter(Boolean)
  const out: { id: string; text: string }[] = []
  for (const line of lines) {
    const r = JSON.parse(line) as { id: string; text: string }
    const words = r.text.split(/\s+/).length
    if (words >= 180 && words <= 420) out.push({ id: r.id, text: r.text })
    if (out.length >= n) break
  }
  return out
}

interface Row {
  id: string
  label: string
  condition: string
  pages: number
  secondsPerPage: number
  cpuPerPage: number
  confidence: number | null
  accuracy: number
  before: string
  after: string
  pBefore: number | null
  pAfter: number | null
}

async function main(): Promise<void> {
  const ctx = await loadCheckContext()
  const dir = await mkdtemp(join(tmpdir(), 'inkprint-ocr-agreement-'))
  const set = [
    ...(await essays('asap-essays', N)).map((e) => ({ ...e, label: 'human' })),
    ...(await essays('argugpt-machine', N)).map((e) => ({ ...e, label: 'ai' }))
  ]
  const rows: Row[] = []
  try {
    for (const essay of set) {
      const txt = join(dir, `${essay.id}.txt`)
      await writeFile(txt, essay.text)
      const original = await checkFile(txt, ctx, { includeText: true, operatingPoint: 'balanced' })
      for (const [condition, opts] of Object.entries(CONDITIONS)) {
        const pages = renderPages(essay.text, opts)
        const tiff = join(dir, `${essay.id}.tiff`)
        await writeFile(tiff, grayTiff(await Promise.all(pages.map((png) => decodeToGray(png)))))
        const cpu0 = process.cpuUsage()
        const t0 = performance.now()
        const read = await checkFile(tiff, ctx, { includeText: true, operatingPoint: 'balanced' })
        const cpu = process.cpuUsage(cpu0)
        const row = {
          id: essay.id,
          label: essay.label,
          condition,
          pages: pages.length,
          secondsPerPage: (performance.now() - t0) / 1000 / pages.length,
          cpuPerPage: (cpu.user + cpu.system) / 1e6 / pages.length,
          confidence: read.ocr?.confidence ?? null,
          accuracy: read.text ? charAccuracy(essay.text, read.text) : 0,
          before: original.detector?.verdict ?? original.status,
          after: read.status === 'unsupported' ? 'could-not-read' : (read.detector?.verdict ?? read.status),
          pBefore: original.detector?.aiProbability ?? null,
          pAfter: read.detector?.aiProbability ?? null
        }
        rows.push(row)
        console.log(JSON.stringify(row))
      }
    }
  } finally {
    await closeOcrWorkers()
    await rm(dir, { recursive: true, force: true })
  }
  const mean = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / Math.max(1, xs.length)
  console.log(
    '\n| condition | essays (human + AI) | mean OCR confidence | character accuracy | verdict agrees | "could not read reliably" (no verdict) | verdict changed | mean / largest change in AI probability | CPU s per page |'
  )
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const condition of Object.keys(CONDITIONS)) {
    const r = rows.filter((x) => x.condition === condition)
    const agree = r.filter((x) => x.before === x.after).length
    const unread = r.filter((x) => x.after === 'could-not-read').length
    const dp = r
      .filter((x) => x.pBefore !== null && x.pAfter !== null)
      .map((x) => Math.abs((x.pBefore as number) - (x.pAfter as number)))
    const humans = r.filter((x) => x.label === 'human').length
    console.log(
      `| ${condition} | ${r.length} (${humans} + ${r.length - humans}) | ${mean(r.map((x) => x.confidence ?? 0)).toFixed(1)}% | ${(100 * mean(r.map((x) => x.accuracy))).toFixed(2)}% | ${agree} / ${r.length} | ${unread} | ${r.length - agree - unread} | ${mean(dp).toFixed(3)} / ${Math.max(0, ...dp).toFixed(3)} | ${mean(r.map((x) => x.cpuPerPage)).toFixed(2)} |`
    )
  }
  const out = arg('out', '')
  if (out) await writeFile(out, JSON.stringify(rows, null, 2))
}

void main()
