/** Text OCR could barely read gets "could not read reliably", never a verdict; reports say so per passage. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { checkFile } from '../../../../src/pipeline/check'
import { passageTag } from '../../../../src/engine/report/passages'

const WORDS = 'the quick brown fox jumps over the lazy dog while students write their essays by hand '
let confidence = 40
vi.mock('../../../../src/pipeline/ocr/engine', () => ({
  OCR_ENGINE_NAME: 'stand-in engine',
  createOcrEngine: async () => ({
    recognize: async () => ({
      paragraphs: [0, 1, 2].map(() => ({ text: WORDS.repeat(4).trim(), confidence, words: 64 })),
      confidence,
      ms: 5
    }),
    close: async () => {}
  })
}))

let dir: string
let png: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-ocr-floor-'))
  png = join(dir, 'handwritten.png')
  const b = new Uint8Array(64)
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  new DataView(b.buffer).setUint32(16, 2480)
  new DataView(b.buffer).setUint32(20, 3508)
  await writeFile(png, b)
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const ctx = { detector: null, profiles: [], tokenizers: null }

describe('the OCR confidence floor', () => {
  it('below the floor: "could not read reliably", no verdict, every passage marked', async () => {
    confidence = 40
    const r = await checkFile(png, ctx, { includeText: true, operatingPoint: 'balanced' })
    expect(r.status).toBe('unsupported')
    expect(r.format).toBe('image')
    expect(r.ocr).toMatchObject({ confidence: 40, pages: [1], floor: 85, engine: 'stand-in engine' })
    expect(r.warnings.find((w) => w.code === 'ocr-unreliable')?.message).toMatch(
      /Could not read reliably.*Inkprint cannot read handwriting usefully/
    )
    expect(r.detector ?? null).toBeNull()
    expect(r.passages.length).toBeGreaterThan(0)
    for (const p of r.passages) expect(p).toMatchObject({ ocrConfidence: 40, ocrUnreliable: true })
    expect(passageTag(r.passages[0], undefined)).toMatch(
      /Could not read reliably.*read by OCR, 40% confidence/
    )
  })

  it('78%, as handwriting-like script fonts read (74–80%), is below the floor too', async () => {
    confidence = 78
    const r = await checkFile(png, ctx, { includeText: true, operatingPoint: 'balanced' })
    expect(r.status).toBe('unsupported')
    expect(r.warnings.map((w) => w.code)).toContain('ocr-unreliable')
    for (const p of r.passages) expect(p).toMatchObject({ ocrConfidence: 78, ocrUnreliable: true })
  })

  it('above the floor: OCR text is checked like any text, marked with its confidence', async () => {
    confidence = 91
    const r = await checkFile(png, ctx, { includeText: true, operatingPoint: 'balanced' })
    expect(r.status).not.toBe('unsupported')
    expect(r.warnings.map((w) => w.code)).toContain('ocr')
    expect(r.warnings.map((w) => w.code)).not.toContain('ocr-unreliable')
    for (const p of r.passages) expect(p).toMatchObject({ ocrConfidence: 91, ocrUnreliable: false })
  })
})
