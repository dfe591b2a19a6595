/**
 * TIFF scans, every page: utif2 (a maintained fork of photopea's UTIF.js, MIT, pure JavaScript) reads the
 * page directories and decodes one page at a time (uncompressed, PackBits, LZW, Deflate, CCITT fax G3/G4,
 * JPEG), so a 40-page scan never holds more than one page's pixels. Sizes and the page count were checked from
 * the header (./images) before this runs; reduced-resolution copies (thumbnails) are no pages.
 */
import UTIF from 'utif2'
import { imageFailure } from './images'
import { rgbaToGray, type GrayImage } from './prepare'

export interface TiffPages {
  count: number
  /** Page n (1-based) in grayscale. */
  page(n: number): GrayImage
}

const tag = (ifd: UTIF.IFD, t: number): number | undefined => {
  const v = ifd[`t${t}`]
  return Array.isArray(v) && typeof v[0] === 'number' ? v[0] : undefined
}

export function openTiff(buf: Uint8Array): TiffPages {
  const data = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer
  let pages: UTIF.IFD[]
  try {
    // The second argument (undeclared in utif2's types): skip camera maker notes, no debug output.
    const decode = UTIF.decode as (buffer: ArrayBuffer, options: object) => UTIF.IFD[]
    pages = decode(data, { parseMN: false, debug: false }).filter(
      (ifd) => tag(ifd, 256) !== undefined && ((tag(ifd, 254) ?? 0) & 1) === 0
    )
  } catch {
    throw imageFailure('corrupt')
  }
  if (pages.length === 0) throw imageFailure('corrupt')
  return {
    count: pages.length,
    page(n) {
      const ifd = pages[n - 1]
      try {
        UTIF.decodeImage(data, ifd)
        const gray = rgbaToGray(UTIF.toRGBA8(ifd), ifd.width, ifd.height)
        delete (ifd as Partial<UTIF.IFD>).data
        return gray
      } catch {
        throw imageFailure('corrupt')
      }
    }
  }
}
