/**
 * PDF pages without a text layer, rendered to page images for OCR: pdfjs-dist draws each page onto a
 * @napi-rs/canvas canvas (pdfjs' own Node canvas backend, installed with it) at 200 dpi, the resolution
 * recognition needs (./prepare), capped in pixels so an absurd page size cannot allocate gigabytes. The pixels
 * go to the engine as grayscale directly: no PNG is encoded only to be decoded again.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { loadPdfjs } from '../extract/pdf'
import { MAX_IMAGE_PIXELS } from './images'
import { rgbaToGray, type GrayImage } from './prepare'

export const OCR_DPI = 200

export interface PdfPages {
  numPages: number
  /** Page n (1-based) in grayscale at up to 200 dpi. */
  render(n: number): Promise<GrayImage>
  close(): Promise<void>
}

function assetDirs(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string } {
  const root = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'))
  return {
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
    wasmUrl: join(root, 'wasm') + '/'
  }
}

export async function openPdfPages(buf: Uint8Array): Promise<PdfPages> {
  const pdfjs = await loadPdfjs()
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(buf),
    ...assetDirs(),
    cMapPacked: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0
  }).promise
  return {
    numPages: doc.numPages,
    async render(n) {
      const page = await doc.getPage(n)
      try {
        const base = page.getViewport({ scale: 1 })
        const scale = Math.min(
          OCR_DPI / 72,
          Math.sqrt(MAX_IMAGE_PIXELS / Math.max(1, base.width * base.height))
        )
        const viewport = page.getViewport({ scale })
        const factory = (
          doc as unknown as {
            canvasFactory: { create(w: number, h: number): { canvas: unknown; context: unknown } }
          }
        ).canvasFactory
        const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height))
        const width = Math.ceil(viewport.width)
        const height = Math.ceil(viewport.height)
        const ctx = context as {
          fillStyle: string
          fillRect(x: number, y: number, w: number, h: number): void
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray }
        }
        ctx.fillStyle = '#ffffff'
        ctx.fillRect(0, 0, width, height)
        await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise
        return rgbaToGray(ctx.getImageData(0, 0, width, height).data, width, height)
      } finally {
        page.cleanup()
      }
    },
    close: () => doc.destroy()
  }
}
