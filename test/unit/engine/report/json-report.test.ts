import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  checkJsonSchema,
  toClassReportJson,
  toReportJson,
  type JsonSchema
} from '../../../../src/engine/report'
import { CTX, errorResult, okResult, tooShortResult } from './fixtures'
import { hostileResult } from './hostile'

const schema = JSON.parse(readFileSync('resources/schema/document-result.schema.json', 'utf8')) as JsonSchema

describe('JSON report', () => {
  const fixtures = {
    ok: okResult(),
    error: errorResult(),
    tooShort: tooShortResult(),
    hostile: hostileResult()
  }

  for (const [name, result] of Object.entries(fixtures)) {
    it(`validates against the DocumentResult schema (${name}), declaring every field it carries`, () => {
      const parsed: unknown = JSON.parse(toReportJson(result))
      expect(checkJsonSchema(parsed, schema, { reportUndeclared: true })).toEqual([])
    })
  }

  it('round-trips the result exactly and is reproducible', () => {
    const json = toReportJson(fixtures.ok)
    expect(JSON.parse(json)).toEqual(fixtures.ok)
    expect(toReportJson(okResult())).toBe(json)
    expect(json.endsWith('}\n')).toBe(true)
  })

  it('wraps a class as { schemaVersion, inkprintVersion, generatedAt, results } with valid results', () => {
    const parsed = JSON.parse(toClassReportJson(Object.values(fixtures), CTX)) as Record<string, unknown>
    expect(parsed.schemaVersion).toBe(2)
    expect(parsed.inkprintVersion).toBe('0.4.0')
    expect(parsed.generatedAt).toBe(CTX.generatedAt)
    const results = parsed.results as unknown[]
    expect(results).toHaveLength(4)
    for (const r of results) expect(checkJsonSchema(r, schema)).toEqual([])
  })
})

describe('the schema checker', () => {
  const valid = JSON.parse(toReportJson(okResult())) as Record<string, unknown>

  it('reports wrong types, enum values, missing fields, bad hashes and out-of-range numbers', () => {
    const broken = structuredClone(valid)
    broken.status = 'maybe'
    broken.words = -3
    broken.sha256 = 'not-a-hash'
    delete broken.passages
    ;(broken.detector as Record<string, unknown>).aiProbability = 1.4
    ;(broken.metadata as Record<string, unknown>).revision = 'two'
    const errors = checkJsonSchema(broken, schema)
    expect(errors).toEqual(
      expect.arrayContaining([
        '$.status: "maybe" not in enum',
        '$.words: -3 < minimum 0',
        '$.sha256: does not match ^[0-9a-f]{64}$',
        '$: missing required passages',
        '$.detector.aiProbability: matches none of anyOf',
        '$.metadata.revision: expected integer, got string'
      ])
    )
  })

  it('checks tuples and nested items', () => {
    const broken = structuredClone(valid)
    const passages = broken.passages as Record<string, unknown>[]
    passages[2].paragraphs = [1, 2, 3]
    ;(passages[3].score as Record<string, unknown>).label = 'cheater'
    const errors = checkJsonSchema(broken, schema)
    expect(errors).toContain('$.passages[2].paragraphs: more than 2 items')
    expect(errors).toContain('$.passages[3].score.label: "cheater" not in enum')
  })

  it('flags fields missing from the schema in strict mode, and keywords it does not implement', () => {
    expect(checkJsonSchema({ ...valid, newSignal: 1 }, schema, { reportUndeclared: true })).toEqual([
      '$: undeclared property newSignal'
    ])
    expect(checkJsonSchema({ ...valid, newSignal: 1 }, schema)).toEqual([])
    expect(checkJsonSchema('x', { type: 'string', format: 'email' })).toEqual([
      '$: unsupported keyword format'
    ])
  })
})
