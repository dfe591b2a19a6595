/**
 * A scanned multi-page essay end to end: a long essay from ../shared/data rendered to A4 pages at 300 dpi,
 * put into a PDF as page images (no text layer), and checked with the real pipeline next to its original text.
 *   npx tsx scripts/ocr/scanned-essay.ts [dataset] [minWords]
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { checkFile } from '../../src/pipeline/check'
import { loadCheckContext } from '../../src/pipeline/context'
import { renderPages } from './page-image'

async function main(): Promise<void> {
  const dataset = process.argv[2] ?? 'argugpt-machine'
  const minWords = Number(process.argv[3] ?? '700')
  const lines = (
    await readFile(join(__dirname, '..', '..', '..', 'shared', 'data', dataset, 'data.jsonl'), 'utf8')
  )
    .split('\n')
    .filter(Boolean)
  const essay = lines
    .map((l) => JSON.parse(l) as { id: string; text: string })
    .find((r) => r.text.split(/\s+/).length >= minWords)
  if (!essay) throw new Error(`no essay of ${minWords}+ words in ${dataset}`)
  const pages = renderPages(essay.text, { dpi: 300 })
  const pdf = await PDFDocument.create()
  for (const png of pages) {
    const image = await pdf.embedPng(png)
    pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 })
  }
  const dir = await mkdtemp(join(tmpdir(), 'inkprint-scan-'))
  try {
    await writeFile(join(dir, 'original.txt'), essay.text)
    await writeFile(join(dir, 'scan.pdf'), await pdf.save())
    const ctx = await loadCheckContext()
    const original = await checkFile(join(dir, 'original.txt'), ctx, {
      includeText: false,
      operatingPoint: 'balanced'
    })
    const t0 = performance.now()
    const progress: string[] = []
    const scan = await checkFile(join(dir, 'scan.pdf'), ctx, {
      includeText: false,
      operatingPoint: 'balanced',
      onProgress: (p) => progress.push(`${p.page}/${p.pages}`)
    })
    console.log(
      JSON.stringify(
        {
          essay: essay.id,
          words: essay.text.split(/\s+/).length,
          pages: pages.length,
          progress,
          seconds: Math.round((performance.now() - t0) / 100) / 10,
          ocr: scan.ocr,
          original: { verdict: original.detector?.verdict, p: original.detector?.aiProbability },
          scan: { status: scan.status, verdict: scan.detector?.verdict, p: scan.detector?.aiProbability },
          passagesWithConfidence: scan.passages.filter((p) => p.ocrConfidence !== undefined).length,
          passages: scan.passages.length
        },
        null,
        2
      )
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

void main()
