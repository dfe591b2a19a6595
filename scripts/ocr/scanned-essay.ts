/**
 * Scanned 3-page essays end to end (issue 15's "a scanned 3-page essay gives an OCR result with confidence, and
 * its detector verdict agrees with the original text's"): the first human and the first AI essay of a
 * ../shared/data set (default OUTFOX: student essays and model-written essays on the same prompts, read at run
 * time, never copied into the repository) that print to exactly three A4 pages at 12 pt, rendered at 300 dpi,
 * put into PDFs as page images only (no text layer), and checked with the real pipeline next to their
 * original text. The unit suite checks a one-page version (test/unit/pipeline/ocr/scanned-essay.test.ts); three pages
 * of OCR take too long for it. Exits non-zero when a verdict changes.
 *   npx tsx scripts/ocr/scanned-essay.ts [--dataset outfox] [--pages 3]
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkFile } from '../../src/pipeline/check'
import { loadCheckContext } from '../../src/pipeline/context'
import { closeOcrWorkers } from '../../src/pipeline/ocr/engine'
import { renderPages, scannedPdf } from './page-image'

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

async function main(): Promise<void> {
  const dataset = arg('dataset', 'outfox')
  const pages = Number(arg('pages', '3'))
  const records = (
    await readFile(join(__dirname, '..', '..', '..', 'shared', 'data', dataset, 'data.jsonl'), 'utf8')
  )
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; text: string; label: string })
  const pick = (label: string): { id: string; text: string; label: string } => {
    const found = records.find(
      (r) =>
        r.label === label &&
        r.text.split(/\s+/).length >= 250 * pages &&
        renderPages(r.text, { dpi: 20 }).length === pages
    )
    if (!found) throw new Error(`no ${label} essay of ${pages} pages in ${dataset}`)
    return found
  }
  const ctx = await loadCheckContext()
  const dir = await mkdtemp(join(tmpdir(), 'inkprint-scan-'))
  let changed = 0
  try {
    for (const essay of [pick('human'), pick('ai')]) {
      await writeFile(join(dir, 'original.txt'), essay.text)
      const scan = await scannedPdf(essay.text, { dpi: 300 })
      await writeFile(join(dir, 'scan.pdf'), scan.pdf)
      const opts = { includeText: false, operatingPoint: 'balanced' } as const
      const original = await checkFile(join(dir, 'original.txt'), ctx, opts)
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      const progress: string[] = []
      const read = await checkFile(join(dir, 'scan.pdf'), ctx, {
        ...opts,
        onProgress: (p) => progress.push(`${p.page}/${p.pages}`)
      })
      const cpu = process.cpuUsage(cpu0)
      const agrees = read.detector?.verdict === original.detector?.verdict
      if (!agrees) changed++
      const confidences = read.passages.map((p) => p.ocrConfidence).filter((c) => c !== undefined)
      console.log(
        JSON.stringify({
          essay: `${dataset}/${essay.id}`,
          label: essay.label,
          words: essay.text.split(/\s+/).length,
          pages: scan.pages,
          progress,
          seconds: Math.round((performance.now() - t0) / 100) / 10,
          cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
          ocrConfidence: read.ocr?.confidence,
          pageConfidence: read.ocr?.pageConfidence,
          passages: read.passages.length,
          passageConfidence: confidences.length
            ? [Math.min(...(confidences as number[])), Math.max(...(confidences as number[]))]
            : null,
          original: { verdict: original.detector?.verdict, p: original.detector?.aiProbability },
          scan: { status: read.status, verdict: read.detector?.verdict, p: read.detector?.aiProbability },
          agrees
        })
      )
    }
  } finally {
    await closeOcrWorkers()
    await rm(dir, { recursive: true, force: true })
  }
  process.exitCode = changed ? 1 : 0
}

void main()
