/**
 * The OCR engine's own logic, without Tesseract: reading its TSV into paragraphs with confidences, preparing
 * page images (grayscale, area-average shrinking, PGM), and keeping Tesseract instances warm between documents
 * (a stand-in createWorker counts how many are started and stopped).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

const started: { terminated: boolean; pages: number }[] = []
let hold: Promise<void> | null = null
vi.mock('tesseract.js', () => ({
  OEM: { LSTM_ONLY: 1 },
  createWorker: async () => {
    const w = { terminated: false, pages: 0 }
    started.push(w)
    return {
      recognize: async () => {
        if (hold) await hold
        if (w.terminated) throw new Error('terminated')
        w.pages++
        return { data: { tsv: '5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90.5\tHello\n' } }
      },
      terminate: async () => {
        w.terminated = true
      }
    }
  }
}))

const { parseTsv, createOcrEngine, closeOcrWorkers } = await import('../../../../src/pipeline/ocr/engine')
const { downscale, rgbaToGray, toPgm, preparePage, OCR_MAX_SIDE } =
  await import('../../../../src/pipeline/ocr/prepare')

const gray = (width: number, height: number, f: (x: number, y: number) => number) => {
  const pixels = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = f(x, y)
  return { width, height, pixels }
}

afterEach(async () => {
  hold = null
  await closeOcrWorkers()
  started.length = 0
})

describe("Tesseract's TSV → paragraphs", () => {
  it('groups words by block and paragraph, lines by line number, and weighs confidence by word', () => {
    const row = (block: number, par: number, line: number, word: number, conf: number, text: string) =>
      ['5', '1', block, par, line, word, 0, 0, 10, 10, conf, text].join('\t')
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      ['1', '1', 0, 0, 0, 0, 0, 0, 100, 100, -1, ''].join('\t'),
      ['4', '1', 1, 1, 1, 0, 0, 0, 100, 10, -1, ''].join('\t'),
      row(1, 1, 1, 1, 90, 'The'),
      row(1, 1, 1, 2, 80, 'library'),
      row(1, 1, 2, 1, 70, 'was'),
      row(1, 1, 2, 2, -1, ' '),
      row(1, 2, 1, 1, 40, 'Second'),
      row(2, 1, 1, 1, 60, 'Third')
    ].join('\n')
    expect(parseTsv(tsv)).toEqual([
      { text: 'The library\nwas', confidence: 80, words: 3 },
      { text: 'Second', confidence: 40, words: 1 },
      { text: 'Third', confidence: 60, words: 1 }
    ])
    expect(parseTsv('')).toEqual([])
  })
})

describe('page images for Tesseract', () => {
  it('grayscale from RGBA; transparent pixels are white paper', () => {
    const rgba = new Uint8Array([0, 0, 0, 255, 255, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255])
    expect([...rgbaToGray(rgba, 2, 2).pixels]).toEqual([0, 76, 255, 255])
  })

  it('shrinks by averaging the pixels each target pixel covers', () => {
    const image = gray(4, 4, (x, y) => (x < 2 && y < 2 ? 0 : x >= 2 && y >= 2 ? 200 : 100))
    const half = downscale(image, 0.5)
    expect(half).toMatchObject({ width: 2, height: 2 })
    expect([...half.pixels]).toEqual([0, 100, 100, 200])
    expect(downscale(image, 1)).toBe(image)
  })

  it(`a 300 dpi A4 scan reaches Tesseract as a PGM of at most ${OCR_MAX_SIDE} px; small pages are not enlarged`, async () => {
    const a4 = await preparePage(gray(2481, 3508, () => 255))
    const header = new TextDecoder().decode(a4.subarray(0, 20)).split('\n')
    expect(header.slice(0, 3)).toEqual(['P5', `1654 ${OCR_MAX_SIDE}`, '255'])
    const small = gray(300, 400, (x) => x % 256)
    expect(await preparePage(small)).toEqual(toPgm(small))
    // An encoded photo is shrunk while it is decoded; black ink stays dark, paper white.
    const { createCanvas } = await import('@napi-rs/canvas')
    const canvas = createCanvas(1000, 1414)
    const g = canvas.getContext('2d')
    g.fillStyle = '#ffffff'
    g.fillRect(0, 0, 1000, 1414)
    g.fillStyle = '#000000'
    g.fillRect(0, 0, 500, 1414)
    const pgm = await preparePage(new Uint8Array(canvas.toBuffer('image/png')), 707)
    const head = `P5\n500 707\n255\n`
    expect(new TextDecoder().decode(pgm.subarray(0, head.length))).toBe(head)
    const px = pgm.subarray(head.length)
    expect(px[100 * 500 + 10]).toBeLessThan(20)
    expect(px[100 * 500 + 490]).toBeGreaterThan(235)
  })
})

describe('warm Tesseract instances', () => {
  it("are reused by the next document's session; a document's pages share two", async () => {
    const page = gray(20, 20, () => 255)
    let release = (): void => {}
    hold = new Promise((r) => (release = r))
    const first = await createOcrEngine()
    expect(first.concurrency).toBe(2)
    const reading = Promise.all([first.recognize(page), first.recognize(page)])
    await vi.waitFor(() => expect(started.length).toBe(2), { timeout: 5000 })
    release()
    hold = null
    const results = await reading
    expect(results[0].paragraphs).toEqual([{ text: 'Hello', confidence: 90.5, words: 1 }])
    await first.close()
    expect(started.length).toBe(2)
    const second = await createOcrEngine()
    await second.recognize(page)
    await second.recognize(page)
    await second.close()
    expect(started.length).toBe(2)
    expect(started.every((w) => !w.terminated)).toBe(true)
    await closeOcrWorkers()
    expect(started.every((w) => w.terminated)).toBe(true)
  })

  it('closing a session mid-page (cancel) stops that instance; the next document starts a fresh one', async () => {
    const page = gray(20, 20, () => 255)
    let release = (): void => {}
    hold = new Promise((r) => (release = r))
    const engine = await createOcrEngine()
    const reading = engine.recognize(page)
    await vi.waitFor(() => expect(started.length).toBe(1))
    await engine.close()
    release()
    await expect(reading).rejects.toThrow()
    expect(started[0].terminated).toBe(true)
    hold = null
    const next = await createOcrEngine()
    await next.recognize(page)
    expect(started.length).toBe(2)
    expect(started[1].pages).toBe(1)
    await next.close()
  })
})

describe('OCR paragraphs get the kinds plain text gets', () => {
  it('a numbered list, a heading and references are told apart from prose, as in the TXT of the same essay', async () => {
    const { extractImage } = await import('../../../../src/pipeline/ocr')
    const paragraphs = [
      'There are a variety of opinions on the purpose of university education, and I believe it has\nseveral purposes, which are listed below.',
      '1. To provide students with the skills and knowledge they need to be successful in their\nchosen field of study.',
      '2. To provide students with the opportunity to learn new skills.',
      'In conclusion, university education has many purposes that go well beyond preparing\nstudents for their first job.',
      'References',
      'Smith, J. (2020). Universities and work. Journal of Higher Education, 12(3), 45-67.'
    ].map((text) => ({ text, confidence: 95, words: text.split(/\s+/).length }))
    const engine = async () => ({
      recognize: async () => ({ paragraphs, confidence: 95, ms: 1 }),
      close: async () => {}
    })
    const doc = await extractImage(
      new Uint8Array(8),
      { kind: 'png', width: 10, height: 10, pages: 1 },
      { engine }
    )
    expect(doc.paragraphs.map((p) => p.kind)).toEqual([
      'prose',
      'list',
      'list',
      'prose',
      'heading',
      'references'
    ])
    expect(doc.text).toContain('successful in their chosen field of study.')
  })

  it('a page Tesseract returned as one paragraph (skewed scan) still has its numbered list apart', async () => {
    const { extractImage, splitListItems } = await import('../../../../src/pipeline/ocr')
    const text = [
      'I believe that university education has a number of purposes, which are',
      'listed below.',
      '1. To provide students with the skills and knowledge they need to be successful in their',
      'chosen field of study.',
      '2. To provide students with the opportunity to learn new skills.',
      'In conclusion, university education has many purposes that go well beyond',
      'preparing students for their first job. The year 2. was not a list item.'
    ].join('\n')
    expect(splitListItems(text).length).toBe(4)
    const engine = async () => ({
      recognize: async () => ({ paragraphs: [{ text, confidence: 95, words: 60 }], confidence: 95, ms: 1 }),
      close: async () => {}
    })
    const doc = await extractImage(
      new Uint8Array(8),
      { kind: 'png', width: 10, height: 10, pages: 1 },
      { engine }
    )
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(['prose', 'list', 'list', 'prose'])
    expect(doc.ocr?.paragraphConfidence).toEqual([95, 95, 95, 95])
  })
})
