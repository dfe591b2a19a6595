/**
 * The detector before and after OCR: essays from ../shared/data (human: ASAP; AI: ArguGPT) rendered to A4 page
 * images under several conditions, read back by the OCR engine, and checked with the real pipeline. Reports,
 * per condition: OCR confidence, character accuracy, and how often the verdict on the OCR text agrees with
 * the verdict on the original text. Usage: npx tsx scripts/ocr/agreement.ts [--n 6] [--out file.json]
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkFile } from '../../src/pipeline/check'
import { loadCheckContext } from '../../src/pipeline/context'
import { renderPages, type PageImageOptions } from './page-image'
import { charAccuracy } from './accuracy'

const DATA = join(__dirname, '..', '..', '..', 'shared', 'data')
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback
}
const N = Number(arg('n', '6'))

const CONDITIONS: Record<string, PageImageOptions> = {
  '300 dpi clean': { dpi: 300 },
  '200 dpi clean': { dpi: 200 },
  '300 dpi, 1.5° skew, 2% noise': { dpi: 300, skewDegrees: 1.5, noise: 0.02 },
  '150 dpi, 3° skew, 5% noise': { dpi: 150, skewDegrees: 3, noise: 0.05 }
}

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

async function main(): Promise<void> {
  const ctx = await loadCheckContext()
  const dir = await mkdtemp(join(tmpdir(), 'inkprint-ocr-agreement-'))
  const set = [
    ...(await essays('asap-essays', N)).map((e) => ({ ...e, label: 'human' })),
    ...(await essays('argugpt-machine', N)).map((e) => ({ ...e, label: 'ai' }))
  ]
  const rows: Record<string, unknown>[] = []
  try {
    for (const essay of set) {
      const txt = join(dir, `${essay.id}.txt`)
      await writeFile(txt, essay.text)
      const original = await checkFile(txt, ctx, { includeText: true, operatingPoint: 'balanced' })
      for (const [condition, opts] of Object.entries(CONDITIONS)) {
        const pages = renderPages(essay.text, opts)
        const png = join(dir, `${essay.id}.png`)
        await writeFile(png, pages[0])
        const t0 = performance.now()
        const read = await checkFile(png, ctx, { includeText: true, operatingPoint: 'balanced' })
        const row = {
          id: essay.id,
          label: essay.label,
          condition,
          pages: pages.length,
          seconds: (performance.now() - t0) / 1000,
          confidence: read.ocr?.confidence ?? null,
          accuracy: pages.length === 1 && read.text ? charAccuracy(essay.text, read.text) : null,
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
    await rm(dir, { recursive: true, force: true })
  }
  console.log(
    '\ncondition | n | mean OCR confidence | char accuracy | verdict agrees | could not read | mean |Δp|'
  )
  for (const condition of Object.keys(CONDITIONS)) {
    const r = rows.filter((x) => x.condition === condition && x.pages === 1)
    const mean = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / Math.max(1, xs.length)
    const agree = r.filter((x) => x.before === x.after).length
    const unread = r.filter((x) => x.after === 'could-not-read').length
    const dp = r
      .filter((x) => x.pBefore !== null && x.pAfter !== null)
      .map((x) => Math.abs((x.pBefore as number) - (x.pAfter as number)))
    console.log(
      `${condition} | ${r.length} | ${mean(r.map((x) => x.confidence as number)).toFixed(1)} | ${(100 * mean(r.map((x) => x.accuracy as number))).toFixed(1)}% | ${agree}/${r.length} | ${unread} | ${mean(dp).toFixed(3)}`
    )
  }
  const out = arg('out', '')
  if (out) await writeFile(out, JSON.stringify(rows, null, 2))
}

void main()
