/**
 * Page images prepared for Tesseract: decoded once here, turned to 8-bit grayscale and, when a scan is finer
 * than recognition needs, shrunk by area averaging to about 200 dpi on an A4 page; handed over as an
 * uncompressed PGM, so Tesseract neither decodes a PNG or JPEG again nor converts colour to gray on its single
 * WebAssembly thread, and lays out a page with half the pixels of a 300 dpi scan. Measured in
 * docs/submissions.md (scripts/ocr/profile.ts): same character accuracy on 12-, 10- and 9-point text.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas'

export interface GrayImage {
  width: number
  height: number
  /** One byte per pixel, rows top to bottom. */
  pixels: Uint8Array
}

/** An encoded image file (PNG, JPEG, GIF, BMP) or pixels already decoded (a rendered PDF page, a TIFF page). */
export type PageImage = Uint8Array | GrayImage

/** The longer side of an A4 page at 200 dpi: pages are shrunk to at most this, never enlarged. */
export const OCR_MAX_SIDE = Math.round(11.69 * 200)

/** RGBA pixels → luma (ITU-R BT.601 weights), transparent pixels read as white paper. */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const pixels = new Uint8Array(width * height)
  for (let i = 0, j = 0; i < pixels.length; i++, j += 4) {
    const a = rgba[j + 3]
    const y = (rgba[j] * 299 + rgba[j + 1] * 587 + rgba[j + 2] * 114) / 1000
    pixels[i] = Math.round((y * a + 255 * (255 - a)) / 255)
  }
  return { width, height, pixels }
}

/** Shrinks by `scale` (0 < scale ≤ 1), each target pixel the mean of the source pixels it covers. */
export function downscale(image: GrayImage, scale: number): GrayImage {
  if (scale >= 1) return image
  const width = Math.max(1, Math.round(image.width * scale))
  const height = Math.max(1, Math.round(image.height * scale))
  const sum = new Float64Array(width)
  const count = new Float64Array(width)
  const pixels = new Uint8Array(width * height)
  const xs = new Int32Array(image.width)
  for (let x = 0; x < image.width; x++) xs[x] = Math.min(width - 1, Math.floor((x * width) / image.width))
  const flush = (row: number): void => {
    for (let x = 0; x < width; x++) pixels[row * width + x] = count[x] ? Math.round(sum[x] / count[x]) : 255
    sum.fill(0)
    count.fill(0)
  }
  let row = 0
  for (let y = 0; y < image.height; y++) {
    const target = Math.min(height - 1, Math.floor((y * height) / image.height))
    if (target !== row) {
      flush(row)
      row = target
    }
    const from = y * image.width
    for (let x = 0; x < image.width; x++) {
      sum[xs[x]] += image.pixels[from + x]
      count[xs[x]]++
    }
  }
  flush(row)
  return { width, height, pixels }
}

/** A binary PGM (P5), which Tesseract's image library reads without decoding work. */
export function toPgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`)
  const out = new Uint8Array(header.length + image.pixels.length)
  out.set(header)
  out.set(image.pixels, header.length)
  return out
}

/**
 * PNG, JPEG, GIF or BMP bytes → grayscale pixels (the first frame of a GIF), shrunk by `scale` while drawing
 * (Skia's resampling, native: 0.3 s of CPU for a 300 dpi A4 page instead of 0.6 s decoding at full size and
 * shrinking in JavaScript).
 */
export async function decodeToGray(buf: Uint8Array, maxSide = Infinity): Promise<GrayImage> {
  const image = await loadImage(Buffer.from(buf))
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height))
  const width = Math.max(1, Math.round(image.width * scale))
  const height = Math.max(1, Math.round(image.height * scale))
  const canvas = createCanvas(width, height)
  const g = canvas.getContext('2d')
  g.imageSmoothingEnabled = true
  g.imageSmoothingQuality = 'high'
  g.fillStyle = '#ffffff'
  g.fillRect(0, 0, width, height)
  g.drawImage(image, 0, 0, width, height)
  const { data } = g.getImageData(0, 0, width, height)
  return rgbaToGray(data, width, height)
}

/** A page image as Tesseract gets it: grayscale, its longer side at most `maxSide` (about 200 dpi), PGM. */
export async function preparePage(image: PageImage, maxSide = OCR_MAX_SIDE): Promise<Uint8Array> {
  if (image instanceof Uint8Array) return toPgm(await decodeToGray(image, maxSide))
  return toPgm(downscale(image, Math.min(1, maxSide / Math.max(image.width, image.height))))
}

/** For measurements: an encoded image → a grayscale PGM, shrunk to `scale` of its size as the pipeline does. */
export async function toGrayPgm(buf: Uint8Array, scale: number): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(buf))
  return toPgm(await decodeToGray(buf, Math.max(image.width, image.height) * scale))
}
