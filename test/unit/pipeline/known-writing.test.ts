import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../../src/pipeline/check'
import { loadKnownWriting } from '../../../src/pipeline/known-writing'
import { matchStudent } from '../../../src/engine/style-compare'
import { checkJsonSchema, csvTable, CSV_COLUMNS, type JsonSchema } from '../../../src/engine/report'
import { renderDocumentReport } from '../../../src/engine/report/document'
import { renderClassReport } from '../../../src/engine/report/class'
import { CTX } from '../engine/report/fixtures'
import { formalStyle, plainStyle } from '../engine/style-compare/styles'

const schema = JSON.parse(readFileSync('resources/schema/document-result.schema.json', 'utf8')) as JsonSchema
const ctx = { detector: null, profiles: [], tokenizers: null }
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-known-'))
  await mkdir(join(dir, 'known', 'Ana Lopez'), { recursive: true })
  await mkdir(join(dir, 'known', 'Ben Okafor'), { recursive: true })
  await writeFile(join(dir, 'known', 'Ana Lopez', 'in-class-1.txt'), plainStyle(12))
  await writeFile(join(dir, 'known', 'Ana Lopez', 'in-class-2.txt'), plainStyle(11, 40))
  await writeFile(join(dir, 'known', 'Ben Okafor', 'exam.txt'), formalStyle(9))
  await mkdir(join(dir, 'class'))
  await writeFile(join(dir, 'class', 'Ana Lopez - Essay.txt'), formalStyle(10, 3))
  await writeFile(join(dir, 'class', 'okaforben_123_456_essay.txt'), formalStyle(10, 7))
  await writeFile(join(dir, 'class', 'Cara Diaz - Essay.txt'), plainStyle(10))
  await writeFile(join(dir, 'map.csv'), `student,path\nAna Lopez,known/Ana Lopez/in-class-1.txt\n`)
})

describe('known writing', () => {
  it('reads one sub-folder per student as style counts, without the text', async () => {
    const { set, warnings } = await loadKnownWriting(join(dir, 'known'))
    expect(warnings).toEqual([])
    expect(set.students.map((s) => [s.student, s.texts.length])).toEqual([
      ['Ana Lopez', 2],
      ['Ben Okafor', 1]
    ])
    expect(JSON.stringify(set)).not.toContain('museum')
  })

  it('reads a mapping file', async () => {
    const { set } = await loadKnownWriting(join(dir, 'map.csv'))
    expect(set.students).toHaveLength(1)
    expect(set.students[0].texts[0].fileName).toBe('in-class-1.txt')
  })

  it('matches students by the class-table name parser, by full name, and by a hand correction', () => {
    const names = ['Ana Lopez', 'Ben Okafor']
    expect(matchStudent('/x/okaforben_123_456_essay.docx', names)).toBe('Ben Okafor')
    expect(matchStudent('/x/Ana Lopez - Essay.docx', names)).toBe('Ana Lopez')
    expect(matchStudent('/x/essay ana lopez final.docx', names)).toBe('Ana Lopez')
    expect(matchStudent('/x/essay.docx', names)).toBeNull()
    expect(matchStudent('/x/essay.docx', names, { '/x/essay.docx': 'Ben Okafor' })).toBe('Ben Okafor')
  })

  it('puts the comparison in the result, the schema, the CSV and both reports', async () => {
    const { set } = await loadKnownWriting(join(dir, 'known'))
    const options = { operatingPoint: 'balanced' as const, includeText: true, knownWriting: set }
    const ana = await checkFile(join(dir, 'class', 'Ana Lopez - Essay.txt'), ctx, options)
    const ben = await checkFile(join(dir, 'class', 'okaforben_123_456_essay.txt'), ctx, options)
    const cara = await checkFile(join(dir, 'class', 'Cara Diaz - Essay.txt'), ctx, options)
    expect(ana.styleComparison?.status).toBe('compared')
    expect(ana.styleComparison?.standsOut).toBe(true)
    expect(ben.styleComparison?.status).toBe('compared')
    expect(ben.styleComparison?.standsOut).toBe(false)
    expect(cara.styleComparison?.status).toBe('no-known-writing')
    expect(cara.styleComparison?.message).toContain('Cara Diaz')
    for (const r of [ana, ben, cara])
      expect(checkJsonSchema(JSON.parse(JSON.stringify(r)), schema, { reportUndeclared: true })).toEqual([])
    const csv = csvTable([ana, ben, cara]).split('\r\n')
    const col = CSV_COLUMNS.indexOf('style_comparison')
    expect(csv[1].split(',')[col]).toBe('stands-out')
    expect(csv[2].split(',')[col]).toBe('within-range')
    const html = renderDocumentReport(ana, CTX)
    expect(html).toContain('Compared with the student’s known writing')
    expect(html).toContain('Stands out from Ana Lopez’s known writing')
    expect(html).toContain('Limits of this comparison')
    expect(renderClassReport([ana, ben], CTX)).toMatch(/Style vs known writing(:|&#58;) stands out/)
  })

  it('leaves results without known writing unchanged', async () => {
    const r = await checkFile(join(dir, 'class', 'Cara Diaz - Essay.txt'), ctx, {
      operatingPoint: 'balanced',
      includeText: false
    })
    expect(r.styleComparison).toBeUndefined()
  })
})
