import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkJsonSchema, renderDocumentReport, type JsonSchema } from '../../../../src/engine/report'
import {
  findChromium,
  NO_CHROMIUM_MESSAGE,
  reportContextFor,
  reportFileName,
  ReportStream,
  safeStem,
  slimResult,
  writeReports,
  writeReportSet
} from '../../../../src/pipeline/report'
import { CTX, errorResult, okResult } from '../../engine/report/fixtures'
import { HOSTILE_NAME } from '../../engine/report/hostile'

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'inkprint-report-test-'))
const NAME = /^[\p{L}\p{N}_-]+-[0-9a-f]{8}\.inkprint\.(html|pdf|json)$/u

describe('report file names', () => {
  it('keep letters and digits of any script, drop everything else, and add a short hash', () => {
    expect(safeStem('Zoë Müller – Essay (final).docx')).toBe('Zoë-Müller-Essay-final')
    expect(safeStem('سارة.docx')).toBe('سارة')
    expect(safeStem(HOSTILE_NAME)).toBe('img-src-x-onerror-alert-1-gpj')
    expect(safeStem('con.txt')).toBe('document-con')
    expect(safeStem('...')).toBe('document')
    expect(reportFileName(okResult(), 'pdf')).toMatch(NAME)
    const sameNameElsewhere = { ...okResult(), path: '/other/jane-doe_history-essay.docx' }
    expect(reportFileName(sameNameElsewhere, 'html')).not.toBe(reportFileName(okResult(), 'html'))
  })
})

describe('writeReports', () => {
  it('writes one HTML report per document plus a class report, creating the folder', async () => {
    const dir = join(await tempDir(), 'nested', 'reports')
    const results = [okResult(), errorResult()]
    const { files, warnings } = await writeReports(results, dir, 'html', CTX)
    expect(warnings).toEqual([])
    expect(files.map((f) => basename(f))).toEqual([
      reportFileName(results[0], 'html'),
      reportFileName(results[1], 'html'),
      'class-report.inkprint.html'
    ])
    expect(await readFile(files[0], 'utf8')).toBe(renderDocumentReport(results[0], CTX))
    expect((await readdir(dir)).sort()).toEqual(files.map((f) => basename(f)).sort())
  })

  it('never overwrites an existing file, even one with the report’s own name', async () => {
    const dir = await tempDir()
    const result = okResult()
    const taken = join(dir, reportFileName(result, 'html'))
    await writeFile(taken, 'the student’s own file')
    const { files, warnings } = await writeReports([result], dir, 'html', CTX)
    expect(await readFile(taken, 'utf8')).toBe('the student’s own file')
    expect(basename(files[0])).toBe(
      reportFileName(result, 'html').replace('.inkprint.html', '-2.inkprint.html')
    )
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('already exists and was kept')
  })

  it('writes JSON reports that validate against the schema, and one CSV class table', async () => {
    const dir = await tempDir()
    const schema = JSON.parse(
      await readFile('resources/schema/document-result.schema.json', 'utf8')
    ) as JsonSchema
    const json = await writeReports([okResult(), errorResult()], dir, 'json', CTX)
    expect(json.files.map((f) => basename(f))).toContain('class-report.inkprint.json')
    for (const f of json.files.slice(0, 2)) {
      expect(
        checkJsonSchema(JSON.parse(await readFile(f, 'utf8')), schema, { reportUndeclared: true })
      ).toEqual([])
    }
    const csv = await writeReports([okResult()], dir, 'csv', CTX)
    expect(csv.files.map((f) => basename(f))).toEqual(['class-report.inkprint.csv'])
    expect((await readFile(csv.files[0], 'utf8')).split('\r\n')).toHaveLength(3)
  })

  it('falls back to HTML with a clear message when no browser can print PDF', async () => {
    expect(findChromium({ INKPRINT_CHROMIUM: '/nonexistent/chrome', PATH: '' })).toBeNull()
    const dir = await tempDir()
    const { files, warnings } = await writeReports([okResult()], dir, 'pdf', CTX, { chromium: null })
    expect(warnings).toEqual([NO_CHROMIUM_MESSAGE])
    expect(NO_CHROMIUM_MESSAGE).toContain('HTML reports were written instead')
    expect(files.map((f) => basename(f))).toEqual([reportFileName(okResult(), 'html')])
  })

  it('keeps the HTML and warns when printing fails', async () => {
    const dir = await tempDir()
    const { files, warnings } = await writeReports([okResult()], dir, 'pdf', CTX, { chromium: '/bin/false' })
    expect(files.map((f) => basename(f))).toEqual([reportFileName(okResult(), 'html')])
    expect(warnings[0]).toMatch(/Printing to PDF failed.*The HTML report was written instead/)
  })
})

describe('ReportStream', () => {
  it('writes each document report as it arrives and keeps only slim copies for the class report', async () => {
    const dir = await tempDir()
    const full = okResult()
    expect(full.text).toBeTruthy()
    const { files } = await writeReports([full, errorResult()], dir, 'json', CTX)
    const perDocument = JSON.parse(await readFile(files[0], 'utf8')) as { text?: string }
    expect(perDocument.text).toBe(full.text)
    const classFile = JSON.parse(await readFile(files[2], 'utf8')) as {
      results: {
        text?: string
        watermarks?: { flags: unknown[] }[]
        passages: { score?: { explanation: unknown } }[]
      }[]
    }
    expect(basename(files[2])).toBe('class-report.inkprint.json')
    expect(classFile.results[0].text).toBeUndefined()
    for (const w of classFile.results[0].watermarks ?? []) expect(w.flags).toEqual([])
    for (const p of classFile.results[0].passages) expect(p.score?.explanation ?? null).toBeNull()
    expect(slimResult(full).detector).toEqual(full.detector)
  })
})

describe("one report writer for the app's export and the CLI's --report", () => {
  it('writes the same files, byte for byte, from the same results', async () => {
    const results = [
      okResult(),
      { ...okResult(), path: '/class/second-essay.docx', fileName: 'second-essay.docx' }
    ]
    const generatedAt = '2026-11-29T09:41:00Z'
    for (const format of ['html', 'json', 'csv'] as const) {
      const appDir = await tempDir()
      const cliDir = await tempDir()
      const app = await writeReportSet(
        results,
        'class',
        format,
        appDir,
        async () => new Uint8Array(),
        generatedAt
      )
      const cli = new ReportStream(cliDir, format, (rs) => reportContextFor(rs, generatedAt, null))
      for (const r of results) await cli.add(r)
      const written = await cli.finish()
      expect(app.warnings).toEqual([])
      expect(written.warnings).toEqual([])
      // the app lists its class report first, the CLI last; the files themselves are the same
      expect(app.files.map((f) => basename(f)).sort()).toEqual(written.files.map((f) => basename(f)).sort())
      for (const name of await readdir(cliDir))
        expect(await readFile(join(appDir, name), 'utf8'), `${format}: ${name}`).toBe(
          await readFile(join(cliDir, name), 'utf8')
        )
    }
  })

  it("prints the app's PDFs with its own printer, class report first, and falls back to HTML when printing fails", async () => {
    const printed: string[] = []
    const dir = await tempDir()
    const pdf = await writeReportSet([okResult()], 'class', 'pdf', dir, async (html) => {
      printed.push(html)
      return new TextEncoder().encode('%PDF-1.4 stand-in')
    })
    expect(pdf.files.map((f) => basename(f))).toEqual([
      'class-report.inkprint.pdf',
      reportFileName(okResult(), 'pdf')
    ])
    expect(printed[0]).toContain('Inkprint class report')
    const failing = await writeReportSet([okResult()], 'document', 'pdf', await tempDir(), () =>
      Promise.reject(new Error('the printer is gone'))
    )
    expect(failing.files.map((f) => basename(f))).toEqual([reportFileName(okResult(), 'html')])
    expect(failing.warnings[0]).toMatch(/the printer is gone.*The HTML report was written instead/)
  })
})
