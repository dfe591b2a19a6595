/**
 * A generated class set for the benchmarks: real essay texts (from ../shared/data at run time, never copied into
 * the repo) written as PDF, DOCX, ODT and TXT in turn, 1–3 pages each.
 */
import { createReadStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

/** Where the shared datasets live: $INKPRINT_DATA, else ../shared/data beside the repository. */
export const DATA_DIR = process.env.INKPRINT_DATA ?? resolve(__dirname, '..', '..', '..', 'shared', 'data')
export const DEFAULT_ESSAYS = join(DATA_DIR, 'outfox', 'data.jsonl')

type Block = { kind: 'heading' | 'prose'; text: string }
export const FORMATS = ['pdf', 'docx', 'odt', 'txt'] as const

export async function readEssays(path: string, count: number): Promise<string[]> {
  const essays: string[] = []
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })
  for await (const line of lines) {
    const record = JSON.parse(line) as { text?: unknown }
    // 1–3 pages double-spaced: roughly 1,200 to 7,000 characters.
    if (typeof record.text === 'string' && record.text.length >= 1200 && record.text.length <= 7000) {
      essays.push(record.text.replace(/\u00a0/g, ' '))
    }
    if (essays.length >= count) break
  }
  lines.close()
  return essays
}

/** Essay text as paragraphs: its own line breaks where it has them, else about five sentences each. */
function toBlocks(text: string, index: number): Block[] {
  let paragraphs = text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (paragraphs.length < 2) {
    const sentences = text.match(/[^.!?]+[.!?]+["')\]]*\s*|[^.!?]+$/g) ?? [text]
    paragraphs = []
    for (let i = 0; i < sentences.length; i += 5)
      paragraphs.push(
        sentences
          .slice(i, i + 5)
          .join('')
          .trim()
      )
  }
  return [
    { kind: 'heading', text: `Essay ${index + 1}` },
    ...paragraphs.map((p): Block => ({ kind: 'prose', text: p }))
  ]
}

/** pdf-lib's standard fonts only encode Windows-1252; replace anything else for the PDF copies. */
const winAnsi = (s: string): string => s.replace(/[^\x20-\x7e\u00a0-\u00ff‘’“”–—…•€]/g, '?')

/** Writes `count` documents into `dir`, cycling through the essays (and formats) when count exceeds them. */
export async function writeCorpus(dir: string, count: number, source = DEFAULT_ESSAYS): Promise<string[]> {
  const { buildPdf } = await import('../../test/fixtures/make-pdf.mjs')
  const { buildDocx } = await import('../../test/fixtures/make-fixtures.mjs')
  const { makeOdt } = await import('../../test/fixtures/make-text-formats.mjs')
  const essays = await readEssays(source, Math.min(count, 2000))
  if (essays.length === 0) throw new Error(`no usable essays in ${source}`)
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const blocks = toBlocks(essays[i % essays.length] as string, i)
    const format = FORMATS[i % FORMATS.length] as (typeof FORMATS)[number]
    const path = join(dir, `essay-${String(i + 1).padStart(5, '0')}.${format}`)
    const data =
      format === 'pdf'
        ? await buildPdf(
            blocks.map((b) => ({ ...b, text: winAnsi(b.text) })),
            { header: `Student ${i + 1}` }
          )
        : format === 'docx'
          ? await buildDocx(blocks, { title: blocks[0]?.text })
          : format === 'odt'
            ? makeOdt(blocks)
            : blocks.map((b) => b.text).join('\n\n')
    await writeFile(path, data)
    files.push(path)
  }
  return files
}
