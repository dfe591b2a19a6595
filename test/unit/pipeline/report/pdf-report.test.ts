import { execFileSync } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { findChromium, reportFileName, writeReports } from '../../../../src/pipeline/report'
import { CTX, essay300Result, okResult, SHA } from '../../engine/report/fixtures'
import { hostileResult } from '../../engine/report/hostile'
import { pdfPageTexts } from './pdf-text'

const chromium = findChromium()
const hasPdftoppm = ((): boolean => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
/** CI keeps reports/ as its artefacts: the printed sample and its page images land there to be looked at. */
const ARTEFACTS = join(process.cwd(), 'reports', 'report-pages')

// Printing needs a Chromium-based browser; CI images and the dev container have /usr/bin/chromium.
describe.skipIf(!chromium)('PDF reports printed with Chromium', () => {
  let files: string[] = []
  let warnings: string[] = []

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inkprint-pdf-test-'))
    ;({ files, warnings } = await writeReports([okResult(), hostileResult()], dir, 'pdf', CTX))
  }, 120_000)

  it('writes a PDF per document and a class PDF', () => {
    expect(warnings).toEqual([])
    expect(files.map((f) => basename(f))).toEqual([
      reportFileName(okResult(), 'pdf'),
      reportFileName(hostileResult(), 'pdf'),
      'class-report.inkprint.pdf'
    ])
  })

  it('carries the key content as real text: file, hash, verdict, FPR sentence, limitations, page numbers', async () => {
    const pages = await pdfPageTexts(new Uint8Array(await readFile(files[0])))
    const text = pages.join('\n').replace(/\s+/g, ' ')
    expect(pages.length).toBeGreaterThan(2)
    expect(text).toContain('jane-doe_history-essay.docx')
    expect(text.replace(/\s/g, '')).toContain(SHA)
    expect(text).toContain('Reads like AI-generated writing')
    expect(text).toContain('at this setting about 1 in 100 human essays is flagged')
    expect(text).toContain('What this report cannot show')
    expect(text).toContain('talk with the student')
    // Running header and footer on every page.
    pages.forEach((page, i) => {
      expect(page).toContain('jane-doe_history-essay.docx')
      expect(page.replace(/\s+/g, ' ')).toContain(`Page ${i + 1} of ${pages.length}`)
    })
  })

  it('prints the hostile essay as text that stays inside the page', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(files[1])) }).promise
    let longest = 0
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const [, , pageWidth] = page.view
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item)) continue
        longest = Math.max(longest, item.str.length)
        expect(item.transform[4] + item.width).toBeLessThanOrEqual(pageWidth)
      }
    }
    await doc.destroy()
    const text = (await pdfPageTexts(new Uint8Array(await readFile(files[1])))).join('')
    expect(text).toContain('<script>alert("owned")</script>')
    expect(text).toContain('⟨U+202E⟩')
    expect(longest).toBeLessThan(200)
  })

  it('fits a 300-word essay’s report on two pages, with the statistics in an appendix after them', async () => {
    const { result, ctx } = essay300Result()
    expect(result.words).toBeGreaterThanOrEqual(290)
    const dir = await mkdtemp(join(tmpdir(), 'inkprint-pdf-300-'))
    const printed = await writeReports([result], dir, 'pdf', ctx)
    const pages = (await pdfPageTexts(new Uint8Array(await readFile(printed.files[0])))).map((p) =>
      p.replace(/\s+/g, ' ')
    )
    await rm(dir, { recursive: true, force: true })
    // Page 1: what was checked, the verdict with its one number and meaning, the shaded text.
    expect(pages[0]).toContain('Reads like AI-generated writing')
    expect(pages[0]).toContain('Fewer than 1 in 4,775 human texts score this high.')
    expect(pages[0]).toContain('how often essays written by people score at least this high')
    expect(pages[0]).toContain('(not the share of the text written by AI)')
    expect(pages[0]).toContain('be afraid to look silly.')
    // Page 2: why, the other checks, what the report cannot show and the next steps; the appendix starts on page 3.
    const body = pages.slice(0, 2).join(' ')
    for (const part of ['Why the passages read as they do', 'Other checks', 'What this report cannot show'])
      expect(body).toContain(part)
    expect(pages[1]).toContain('Next steps')
    expect(pages[2]).toContain('Appendix: watermark statistics')
    expect(pages.length).toBeLessThanOrEqual(4)
  }, 60_000)

  it.skipIf(!hasPdftoppm)('keeps page images of the printed reports as CI artefacts (pdftoppm)', async () => {
    await rm(ARTEFACTS, { recursive: true, force: true })
    await mkdir(ARTEFACTS, { recursive: true })
    for (const [name, file] of [
      ['document', files[0]],
      ['hostile', files[1]],
      ['class', files[2]]
    ]) {
      await copyFile(file, join(ARTEFACTS, `${name}.pdf`))
      execFileSync('pdftoppm', ['-png', '-r', '60', join(ARTEFACTS, `${name}.pdf`), join(ARTEFACTS, name)])
    }
    const pages = (await readdir(ARTEFACTS)).filter((f) => f.endsWith('.png'))
    expect(pages.filter((f) => f.startsWith('document-')).length).toBeGreaterThan(2)
    expect(pages.some((f) => f.startsWith('class-'))).toBe(true)
    // A4 at 60 dpi: 496 × 702 pixels (PNG header: width and height at bytes 16–23)
    const png = await readFile(join(ARTEFACTS, pages.sort()[0]))
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([496, 702])
  })
})
