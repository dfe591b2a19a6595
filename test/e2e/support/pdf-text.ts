/** The text of a PDF with pdfjs-dist's legacy build (the one that runs in Node), pages joined by newlines. */
import { readFile } from 'node:fs/promises'

export async function pdfText(path: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const data = new Uint8Array(await readFile(path))
  const doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise
  const pages: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await doc.destroy()
  return pages.join('\n')
}

/** Text with all whitespace removed: PDF text runs split words and lines where the layout did. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '')

/** How many pages a PDF has. */
export async function pdfPageCount(path: string): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const data = new Uint8Array(await readFile(path))
  const doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise
  const pages = doc.numPages
  await doc.destroy()
  return pages
}
