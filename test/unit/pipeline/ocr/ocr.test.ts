/**
 * Scans and photos: image caps from headers, the 500-page scan, real offline OCR of a rendered page and of a
 * mixed PDF (text page kept, scanned page recognised), progress per page, and confidences on passages.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractScannedPdf, MAX_OCR_PAGES, sniffImage, passageConfidence } from '../../../../src/pipeline/ocr'
import { readDocument } from '../../../../src/pipeline/read'
import { closeOcrWorkers } from '../../../../src/pipeline/ocr/engine'
import { grayTiff, renderPages } from '../../../../scripts/ocr/page-image'
import { decodeToGray } from '../../../../src/pipeline/ocr/prepare'
import { studentEssay } from '../../../fixtures/make-lms-archives.mjs'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-ocr-'))
})
afterAll(async () => {
  await closeOcrWorkers()
  await rm(dir, { recursive: true, force: true })
})

const ESSAY = studentEssay(0).join('\n\n')

function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(64)
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  new DataView(b.buffer).setUint32(16, width)
  new DataView(b.buffer).setUint32(20, height)
  return b
}

const noEngine = async (): Promise<never> => {
  throw new Error('OCR must not start')
}

describe('page images: refused from their headers before decoding', () => {
  it('reads sizes from PNG, JPEG, TIFF, GIF and BMP headers', () => {
    expect(sniffImage(pngHeader(2480, 3508))).toEqual({ kind: 'png', width: 2480, height: 3508, pages: 1 })
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0x0d, 0xb4, 0x09, 0xb0, 3
    ])
    expect(sniffImage(jpeg)).toMatchObject({ kind: 'jpeg', width: 2480, height: 3508 })
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x10, 0, 0x20, 0])
    expect(sniffImage(gif)).toMatchObject({ kind: 'gif', width: 16, height: 32 })
    // A two-page little-endian TIFF: IFD at 8 (width 100, height 200) → IFD at 38 → end.
    const tiff = new Uint8Array(64)
    const v = new DataView(tiff.buffer)
    tiff.set([0x49, 0x49, 42, 0])
    v.setUint32(4, 8, true)
    v.setUint16(8, 2, true)
    v.setUint16(10, 256, true)
    v.setUint16(12, 3, true)
    v.setUint16(18, 100, true)
    v.setUint16(22, 257, true)
    v.setUint16(24, 3, true)
    v.setUint16(30, 200, true)
    v.setUint32(34, 38, true)
    v.setUint16(38, 0, true)
    v.setUint32(40, 0, true)
    expect(sniffImage(tiff)).toEqual({ kind: 'tiff', width: 100, height: 200, pages: 2 })
  })

  it('a 20,000 × 20,000-pixel image is a coded error without decoding it', async () => {
    const path = join(dir, 'huge.png')
    await writeFile(path, pngHeader(20_000, 20_000))
    const out = await readDocument(path, { engine: noEngine })
    expect(out.ok).toBe(false)
    if (!out.ok) {
      expect(out.error.code).toBe('too-large')
      expect(out.error.message).toContain('20,000 × 20,000 pixels')
    }
  })

  it('HEIC photos say how to export them', async () => {
    const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0])
    await writeFile(join(dir, 'photo.heic'), heic)
    const out = await readDocument(join(dir, 'photo.heic'), { engine: noEngine })
    expect(!out.ok && out.error.code).toBe('unsupported-type')
    expect(!out.ok && out.error.message).toMatch(/HEIC is not supported; export it as JPEG/)
  })

  it('multi-page TIFFs: every page must pass the pixel cap, the page cap holds, a looping page chain is damaged', async () => {
    const blank = (width: number, height: number) => ({
      width,
      height,
      pixels: new Uint8Array(width * height)
    })
    // The second page's header claims 20,000 × 20,000 pixels: refused before anything is decoded.
    const huge = grayTiff([blank(10, 10), blank(10, 10)])
    const v = new DataView(huge.buffer)
    const second = v.getUint32(8 + 2 + 9 * 12, true)
    v.setUint32(second + 2 + 8, 20_000, true)
    v.setUint32(second + 2 + 12 + 8, 20_000, true)
    expect(sniffImage(huge)).toMatchObject({ kind: 'tiff', pages: 2, width: 20_000, height: 20_000 })
    await writeFile(join(dir, 'huge.tif'), huge)
    const big = await readDocument(join(dir, 'huge.tif'), { engine: noEngine })
    expect(!big.ok && big.error.code).toBe('too-large')

    const many = grayTiff(Array.from({ length: MAX_OCR_PAGES + 1 }, () => blank(8, 8)))
    await writeFile(join(dir, 'many.tif'), many)
    const tooMany = await readDocument(join(dir, 'many.tif'), { engine: noEngine })
    expect(!tooMany.ok && tooMany.error.code).toBe('too-large')
    expect(!tooMany.ok && tooMany.error.message).toContain(`${MAX_OCR_PAGES + 1} scanned pages`)

    const loop = grayTiff([blank(8, 8), blank(8, 8)])
    new DataView(loop.buffer).setUint32(8 + 2 + 9 * 12, 8, true) // page 1's "next page" is page 1
    await writeFile(join(dir, 'loop.tif'), loop)
    const looped = await readDocument(join(dir, 'loop.tif'), { engine: noEngine })
    expect(!looped.ok && looped.error.code).toBe('corrupt')
  })

  it(`a 500-page scan is a coded error before any page is recognised (cap ${MAX_OCR_PAGES})`, async () => {
    const pdf = await PDFDocument.create()
    const image = await pdf.embedPng(renderPages('Page', { dpi: 20 })[0])
    for (let i = 0; i < 500; i++)
      pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 })
    const bytes = await pdf.save()
    await expect(extractScannedPdf(bytes, null, { engine: noEngine })).rejects.toMatchObject({
      code: 'too-large'
    })
    const path = join(dir, 'scan-500.pdf')
    await writeFile(path, bytes)
    const out = await readDocument(path, { engine: noEngine })
    expect(!out.ok && out.error.code).toBe('too-large')
  }, 300_000)
})

describe('offline OCR (tesseract.js with its npm English data)', () => {
  it('reads a photographed page: OCR text marked, confidence per paragraph and passage, progress per page', async () => {
    const path = join(dir, 'page.png')
    await writeFile(path, renderPages(ESSAY, { dpi: 300 })[0])
    const progress: unknown[] = []
    const out = await readDocument(path, { onProgress: (p) => progress.push(p) })
    if (!out.ok) throw new Error(out.error.message)
    expect(out.doc.format).toBe('image')
    expect(progress).toEqual([{ stage: 'ocr', page: 1, pages: 1 }])
    expect(out.doc.ocr?.confidence).toBeGreaterThan(80)
    expect(out.doc.ocr?.pages).toEqual([1])
    expect(out.doc.text).toContain('the library was the first place that felt like mine')
    expect(out.doc.warnings.map((w) => w.code)).toContain('ocr')
    const all = passageConfidence(out.doc, 0, out.doc.text.length)
    expect(all).toBeGreaterThan(80)
    expect(out.doc.ocr?.paragraphConfidence.every((c) => c !== null && c > 50)).toBe(true)
  }, 300_000)

  it('reads every page of a multi-page TIFF scan, in order, with progress and confidence per page', async () => {
    const texts = [studentEssay(2).slice(0, 2).join('\n\n'), studentEssay(3).slice(0, 2).join('\n\n')]
    const pages = await Promise.all(texts.map((t) => decodeToGray(renderPages(t, { dpi: 200 })[0])))
    const path = join(dir, 'scan.tiff')
    await writeFile(path, grayTiff(pages))
    const progress: unknown[] = []
    const out = await readDocument(path, { onProgress: (p) => progress.push(p) })
    if (!out.ok) throw new Error(out.error.message)
    expect(out.doc).toMatchObject({ format: 'image', pageCount: 2 })
    expect(out.doc.ocr?.pages).toEqual([1, 2])
    expect(out.doc.ocr?.pageConfidence.every((c) => c > 80)).toBe(true)
    expect(progress).toEqual([
      { stage: 'ocr', page: 1, pages: 2 },
      { stage: 'ocr', page: 2, pages: 2 }
    ])
    const onPage = (n: number) =>
      out.doc.paragraphs
        .filter((p) => p.page === n)
        .map((p) => out.doc.text.slice(p.start, p.end))
        .join(' ')
    const words = (t: string) => t.split(/\s+/).slice(0, 8).join(' ')
    expect(onPage(1)).toContain(words(texts[0]))
    expect(onPage(2)).toContain(words(texts[1]))
    expect(out.doc.warnings.find((w) => w.code === 'ocr')?.message).toMatch(
      /^Pages 1, 2 of this image were read/
    )
  }, 300_000)

  it('a mixed PDF keeps its text layer and recognises only the scanned page', async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.TimesRoman)
    const first = pdf.addPage([595, 842])
    studentEssay(1)
      .slice(0, 1)
      .forEach((line, i) => first.drawText(line.slice(0, 90), { x: 50, y: 780 - 20 * i, size: 11, font }))
    const scan = await pdf.embedPng(renderPages(ESSAY, { dpi: 200 })[0])
    pdf.addPage([595, 842]).drawImage(scan, { x: 0, y: 0, width: 595, height: 842 })
    const path = join(dir, 'mixed.pdf')
    await writeFile(path, await pdf.save())
    const out = await readDocument(path)
    if (!out.ok) throw new Error(out.error.message)
    expect(out.doc.format).toBe('pdf')
    expect(out.doc.ocr?.pages).toEqual([2])
    const [p1, ...rest] = out.doc.paragraphs
    expect(p1.page).toBe(1)
    expect(out.doc.ocr?.paragraphConfidence[0]).toBeNull()
    expect(rest.every((p) => p.page === 2)).toBe(true)
    expect(out.doc.warnings.map((w) => w.code)).not.toContain('pages-without-text')
  }, 300_000)
})
