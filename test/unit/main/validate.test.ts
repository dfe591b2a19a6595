import { describe, expect, it } from 'vitest'
import { validateStartBatch } from '../../../src/main/validate'

describe('startBatch payload validation', () => {
  it('accepts paths with options and fills defaults', () => {
    expect(validateStartBatch({ paths: ['/a.docx'], options: {} })).toEqual({
      ok: true,
      value: { paths: ['/a.docx'], options: { operatingPoint: 'balanced', profiles: [] } }
    })
  })

  it.each([
    [null],
    ['x'],
    [{ paths: [] }],
    [{ paths: [1] }],
    [{ paths: ['a\0b'] }],
    [{ paths: ['/a'], options: { operatingPoint: 'reckless' } }],
    [{ paths: ['/a'], options: { profiles: 'all' } }]
  ])('rejects %j', (arg) => {
    const r = validateStartBatch(arg)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('invalid-request')
  })
})
