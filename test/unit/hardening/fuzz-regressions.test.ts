/** Crashes the fuzz test found, kept as fixed inputs so they stay fixed. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractBuffer } from '../../../src/pipeline/extract'
import { parseXml } from '../../../src/pipeline/extract/xml'
import { STATIC_DIR } from '../../fixtures/make-fixtures.mjs'

describe('fuzz regressions', () => {
  it('a PDF whose page xref is damaged is corrupt, not an internal error', async () => {
    const bytes = new Uint8Array(await readFile(join(STATIC_DIR, 'fuzz-xref-damage.pdf')))
    const outcome = await extractBuffer(bytes, 'essay.pdf')
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('corrupt')
  })

  // Linear, not timed: before the fix the regular expression backtracked quadratically (minutes for one tag),
  // which the generous test timeout catches on any machine; the time itself is measured by npm run bench.
  it('start tags with megabyte runs of quotes or name characters parse', () => {
    for (const filler of ['"', "'", 'a', 'a=', ' "x"']) {
      const run = filler.repeat(Math.ceil(1_000_000 / filler.length))
      let code = 'ok'
      try {
        parseXml(`<doc><p ${run}>text</p><p w:val="${run.replaceAll('"', '')}">x</p></doc>`, 'docx')
      } catch (error) {
        code = (error as { code?: string }).code ?? 'threw'
      }
      expect(['ok', 'corrupt'], filler).toContain(code)
    }
  }, 120_000)

  it('still reads ordinary attributes exactly', () => {
    const root = parseXml(`<a x="1" y = '2&amp;3' z="a>b"/>`, 'docx')
    const a = root.children[0] as { attrs: Record<string, string> }
    expect(a.attrs).toEqual({ x: '1', y: '2&3', z: 'a>b' })
  })
})
