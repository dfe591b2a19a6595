/**
 * A scanned essay end to end with the real detector: human and AI essays written for the tests
 * (../calibration/fixtures), each set rendered to an A4 page at 300 dpi and put into a PDF as a page image (no text
 * layer), read by OCR and checked next to their original text. One page each keeps the unit suite short; the
 * 3-page versions run in `npm run bench` (scripts/ocr/scanned-essay.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFile, type CheckContext } from '../../../../src/pipeline/check'
import { loadCheckContext } from '../../../../src/pipeline/context'
import { closeOcrWorkers } from '../../../../src/pipeline/ocr/engine'
import { scannedPdf } from '../../../../scripts/ocr/page-image'
import { AI_ESSAYS, HUMAN_ESSAYS } from '../calibration-fixtures'

let dir: string
let ctx: CheckContext
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-scanned-essay-'))
  ctx = await loadCheckContext()
})
afterAll(async () => {
  await closeOcrWorkers()
  await rm(dir, { recursive: true, force: true })
})

const opts = { includeText: true, operatingPoint: 'balanced' } as const

describe('a scanned essay: OCR result with confidence, and the verdict of the original text', () => {
  // Two essays each: about 300 words, a full page, long enough for a verdict rather than "limited evidence".
  const cases: [string, string][] = [
    ['human', HUMAN_ESSAYS.slice(0, 2).join('\n\n')],
    ['ai', AI_ESSAYS.slice(0, 2).join('\n\n')]
  ]
  const verdicts: Record<string, string | undefined> = {}
  for (const [label, text] of cases)
    it(`${label} essay, printed and scanned`, async () => {
      await writeFile(join(dir, `${label}.txt`), text)
      const scan = await scannedPdf(text, { dpi: 300 })
      expect(scan.pages).toBe(1)
      await writeFile(join(dir, `${label}.pdf`), scan.pdf)
      const original = await checkFile(join(dir, `${label}.txt`), ctx, opts)
      const read = await checkFile(join(dir, `${label}.pdf`), ctx, opts)
      expect(read.format).toBe('pdf')
      expect(read.ocr?.pages).toEqual([1])
      expect(read.ocr?.confidence).toBeGreaterThan(85)
      expect(read.warnings.map((w) => w.code)).toContain('ocr')
      expect(read.warnings.map((w) => w.code)).not.toContain('ocr-unreliable')
      expect(read.passages.length).toBeGreaterThan(0)
      for (const p of read.passages) {
        expect(p.ocrConfidence).toBeGreaterThan(70)
        expect(p.ocrUnreliable).toBe(false)
      }
      expect(read.status).toBe(original.status)
      expect(original.detector?.verdict).toBeDefined()
      expect(read.detector?.verdict).toBe(original.detector?.verdict)
      expect(
        Math.abs((read.detector?.aiProbability ?? -1) - (original.detector?.aiProbability ?? 1))
      ).toBeLessThan(0.1)
      verdicts[label] = original.detector?.verdict
    }, 300_000)

  it('the two originals get different verdicts, so agreement is not trivial', () => {
    expect(verdicts.human).toBeDefined()
    expect(verdicts.human).not.toBe(verdicts.ai)
  })
})
