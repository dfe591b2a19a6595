/**
 * A page of text as a scanner or phone would give it: an A4 image at a chosen resolution, optionally skewed and
 * speckled. Used by the OCR benchmark, the OCR agreement measurement and the OCR tests.
 */
import { existsSync } from 'node:fs'
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'

/**
 * Handwriting-like fonts from Debian (apt-get install fonts-dkg-handwriting fonts-dancingscript), for measuring
 * what OCR makes of script-like letters. A font is not handwriting: every letter is drawn the same way, on a
 * straight baseline. Null when the font is not installed.
 */
export const HANDWRITING_FONTS: Record<string, string> = {
  'DKG handwriting': '/usr/share/fonts/truetype/fifthhorseman/dkg.ttf',
  'Dancing Script': '/usr/share/fonts/opentype/dancingscript/DancingScript-Regular.otf'
}

export function handwritingFont(name: string): string | null {
  const path = HANDWRITING_FONTS[name]
  if (!path || !existsSync(path)) return null
  if (!GlobalFonts.has(name)) GlobalFonts.registerFromPath(path, name)
  return name
}

export interface PageImageOptions {
  dpi?: number
  /** Rotation in degrees (a crooked scan or photo). */
  skewDegrees?: number
  /** Share of pixels flipped to random grey (sensor noise, dust), 0–1. */
  noise?: number
  /** Font size in points (12 pt is a typical essay). */
  pointSize?: number
  /** Font family (default DejaVu Serif). */
  font?: string
  seed?: number
}

/** Renders `text` onto as many A4 pages as it needs; returns PNGs. */
export function renderPages(text: string, opts: PageImageOptions = {}): Buffer[] {
  const dpi = opts.dpi ?? 300
  const width = Math.round(8.27 * dpi)
  const height = Math.round(11.69 * dpi)
  const px = ((opts.pointSize ?? 12) * dpi) / 72
  const margin = dpi
  const lineHeight = px * 1.5
  const measure = createCanvas(10, 10).getContext('2d')
  const family = opts.font ?? 'DejaVu Serif'
  measure.font = `${px}px "${family}"`
  const lines: string[] = []
  for (const paragraph of text.split(/\n\s*\n|\n/)) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word
      if (measure.measureText(next).width > width - 2 * margin && line) {
        lines.push(line)
        line = word
      } else line = next
    }
    if (line) lines.push(line)
    lines.push('')
  }
  const perPage = Math.floor((height - 2 * margin) / lineHeight)
  const pages: Buffer[] = []
  let random = opts.seed ?? 1
  const rand = (): number => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648
  for (let start = 0; start < lines.length; start += perPage) {
    const canvas = createCanvas(width, height)
    const g = canvas.getContext('2d')
    g.fillStyle = '#ffffff'
    g.fillRect(0, 0, width, height)
    g.translate(width / 2, height / 2)
    g.rotate(((opts.skewDegrees ?? 0) * Math.PI) / 180)
    g.translate(-width / 2, -height / 2)
    g.fillStyle = '#111111'
    g.font = `${px}px "${family}"`
    lines
      .slice(start, start + perPage)
      .forEach((line, i) => g.fillText(line, margin, margin + (i + 1) * lineHeight))
    if (opts.noise) {
      g.setTransform(1, 0, 0, 1, 0, 0)
      const image = g.getImageData(0, 0, width, height)
      const data = image.data
      const flips = Math.round(opts.noise * width * height)
      for (let k = 0; k < flips; k++) {
        const at = Math.floor(rand() * width * height) * 4
        const v = Math.floor(rand() * 256)
        data[at] = data[at + 1] = data[at + 2] = v
      }
      g.putImageData(image, 0, 0)
    }
    pages.push(canvas.toBuffer('image/png'))
    if (lines.slice(start + perPage).every((l) => l === '')) break
  }
  return pages
}

/** 8-bit grayscale pages (as ../../src/pipeline/ocr/prepare gives them) → one uncompressed multi-page TIFF. */
export function grayTiff(pages: { width: number; height: number; pixels: Uint8Array }[]): Uint8Array {
  const ENTRIES = 9
  const ifdBytes = 2 + ENTRIES * 12 + 4
  const size = 8 + pages.reduce((n, p) => n + ifdBytes + p.pixels.length, 0)
  const out = new Uint8Array(size)
  const v = new DataView(out.buffer)
  out.set([0x49, 0x49, 42, 0])
  let at = 8
  v.setUint32(4, at, true)
  for (const [i, page] of pages.entries()) {
    const pixelsAt = at + ifdBytes
    const entries: [number, number, number][] = [
      [256, 4, page.width], // ImageWidth
      [257, 4, page.height], // ImageLength
      [258, 3, 8], // BitsPerSample
      [259, 3, 1], // Compression: none
      [262, 3, 1], // PhotometricInterpretation: BlackIsZero
      [273, 4, pixelsAt], // StripOffsets
      [277, 3, 1], // SamplesPerPixel
      [278, 4, page.height], // RowsPerStrip
      [279, 4, page.pixels.length] // StripByteCounts
    ]
    v.setUint16(at, ENTRIES, true)
    entries.forEach(([tag, type, value], k) => {
      const e = at + 2 + k * 12
      v.setUint16(e, tag, true)
      v.setUint16(e + 2, type, true)
      v.setUint32(e + 4, 1, true)
      if (type === 3) v.setUint16(e + 8, value, true)
      else v.setUint32(e + 8, value, true)
    })
    const next = pixelsAt + page.pixels.length
    v.setUint32(at + 2 + ENTRIES * 12, i === pages.length - 1 ? 0 : next, true)
    out.set(page.pixels, pixelsAt)
    at = next
  }
  return out
}

/** `text` printed on A4 pages and scanned: an image-only PDF (no text layer), one page image per page. */
export async function scannedPdf(
  text: string,
  opts: PageImageOptions = {}
): Promise<{ pdf: Uint8Array; pages: number }> {
  const { PDFDocument } = await import('pdf-lib')
  const pdf = await PDFDocument.create()
  const pages = renderPages(text, opts)
  for (const png of pages) {
    const image = await pdf.embedPng(png)
    pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 })
  }
  return { pdf: await pdf.save(), pages: pages.length }
}
