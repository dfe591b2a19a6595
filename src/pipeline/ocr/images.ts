/**
 * Image files (scans and phone photos of pages), recognised by their signature and measured from their header
 * before anything decodes them: a 20,000 × 20,000-pixel "photo" is refused from 24 bytes, not after 1.6 GB of
 * pixels. Pure.
 */
import { ExtractFailure } from '../extract/errors'

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'bmp' | 'tiff'

export interface ImageInfo {
  kind: ImageKind
  width: number
  height: number
  /** Pages in the file (a TIFF can hold several; width and height are then its largest page's). */
  pages: number
}

/** A4 at 600 dpi is 35 megapixels; more than this is no page scan. */
export const MAX_IMAGE_PIXELS = 50_000_000

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.gif', '.bmp'] as const

const be16 = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1]
const be32 = (b: Uint8Array, at: number): number =>
  ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0
const le16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8)
const le32 = (b: Uint8Array, at: number): number => (le16(b, at) | (le16(b, at + 2) << 16)) >>> 0

/** HEIC/HEIF (iPhone photos): an ISO-BMFF "ftyp" box with an HEIF brand. */
export function isHeic(buf: Uint8Array): boolean {
  if (buf.length < 12) return false
  const box = String.fromCharCode(...buf.subarray(4, 12))
  return /^ftyp(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(box)
}

/** The image's kind and size from its header; null when the bytes are not an image we know. */
export function sniffImage(buf: Uint8Array): ImageInfo | null {
  if (buf.length >= 24 && be32(buf, 0) === 0x89504e47 && be32(buf, 4) === 0x0d0a1a0a)
    return { kind: 'png', width: be32(buf, 16), height: be32(buf, 20), pages: 1 }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return sniffJpeg(buf)
  if (buf.length >= 10 && String.fromCharCode(...buf.subarray(0, 4)) === 'GIF8')
    return { kind: 'gif', width: le16(buf, 6), height: le16(buf, 8), pages: 1 }
  if (buf.length >= 26 && buf[0] === 0x42 && buf[1] === 0x4d)
    return { kind: 'bmp', width: Math.abs(le32(buf, 18) | 0), height: Math.abs(le32(buf, 22) | 0), pages: 1 }
  if (buf.length >= 8 && ((buf[0] === 0x49 && buf[1] === 0x49) || (buf[0] === 0x4d && buf[1] === 0x4d)))
    return sniffTiff(buf)
  return null
}

function sniffJpeg(buf: Uint8Array): ImageInfo {
  let at = 2
  while (at + 9 < buf.length) {
    if (buf[at] !== 0xff) throw imageFailure('corrupt')
    const marker = buf[at + 1]
    if (marker === 0xff) {
      at++
      continue
    }
    const length = be16(buf, at + 2)
    // Start-of-frame markers carry the size (C4, C8 and CC are other tables).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { kind: 'jpeg', height: be16(buf, at + 5), width: be16(buf, at + 7), pages: 1 }
    at += 2 + length
  }
  throw imageFailure('corrupt')
}

/**
 * A TIFF's pages from its chain of directories: the count, and the size of its largest page (every page must
 * pass the pixel cap). Reduced-resolution copies (thumbnails) are no pages. A chain that loops back on itself
 * is damaged (a decoder following it would never end).
 */
function sniffTiff(buf: Uint8Array): ImageInfo | null {
  const little = buf[0] === 0x49
  const u16 = little ? le16 : be16
  const u32 = little ? le32 : be32
  if (u16(buf, 2) !== 42) return null
  let ifd = u32(buf, 4)
  let width = 0
  let height = 0
  let pages = 0
  const seen = new Set<number>()
  while (ifd > 0 && pages < 10_000) {
    if (seen.has(ifd) || ifd + 2 > buf.length) throw imageFailure('corrupt')
    seen.add(ifd)
    const count = u16(buf, ifd)
    let w = 0
    let h = 0
    let reduced = false
    for (let i = 0; i < count; i++) {
      const at = ifd + 2 + i * 12
      if (at + 12 > buf.length) break
      const tag = u16(buf, at)
      const type = u16(buf, at + 2)
      const value = type === 3 ? u16(buf, at + 8) : u32(buf, at + 8)
      if (tag === 254) reduced = (value & 1) === 1
      if (tag === 256) w = value
      if (tag === 257) h = value
    }
    if (!reduced) {
      pages++
      if (pages === 1 || w * h > width * height) [width, height] = [w, h]
    }
    const next = ifd + 2 + count * 12
    ifd = next + 4 <= buf.length ? u32(buf, next) : 0
  }
  return { kind: 'tiff', width, height, pages: Math.max(1, pages) }
}

export function imageFailure(
  code: 'corrupt' | 'too-large' | 'unsupported-type',
  detail?: string
): ExtractFailure {
  const messages = {
    corrupt: 'This image is damaged or incomplete and cannot be read. Ask for a fresh copy.',
    'too-large': `This image is too large to read as a page (${detail ?? ''}). Scan or photograph the page again at 300 dpi, or about 12 megapixels, and check that instead.`,
    'unsupported-type': `Inkprint cannot read this image${detail ? ` (${detail})` : ''}.`
  }
  return new ExtractFailure(code, messages[code])
}

/** Refuses images that are no page: absurd pixel counts (of any page of a TIFF), zero sizes. */
export function checkImage(info: ImageInfo): void {
  if (info.width <= 0 || info.height <= 0) throw imageFailure('corrupt')
  const pixels = info.width * info.height
  if (pixels > MAX_IMAGE_PIXELS)
    throw imageFailure(
      'too-large',
      `${info.width.toLocaleString('en')} × ${info.height.toLocaleString('en')} pixels; the most Inkprint reads is ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`
    )
}
