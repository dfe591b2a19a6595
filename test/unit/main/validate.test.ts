import { describe, expect, it } from 'vitest'
import { PathGrants } from '../../../src/main/path-grants'
import { validateRejudge, validateStartBatch } from '../../../src/main/validate'

const grants = new PathGrants()
const [a, b] = grants.grant(['/class/a.docx', '/class/b.docx']).map((g) => g.id)

describe('startBatch payload validation', () => {
  it('accepts granted ids with options, resolves them to their paths and fills defaults', () => {
    expect(validateStartBatch({ ids: [a, b], options: {} }, grants)).toEqual({
      ok: true,
      value: {
        paths: ['/class/a.docx', '/class/b.docx'],
        options: { operatingPoint: 'balanced', profiles: [] }
      }
    })
  })

  it.each([
    [null],
    ['x'],
    [{ ids: [] }],
    [{ ids: [1] }],
    [{ ids: ['a\0b'] }],
    [{ ids: [a], options: { operatingPoint: 'reckless' } }],
    [{ ids: [a], options: { profiles: 'all' } }],
    // a path is not an id, not even the path behind a granted id
    [{ ids: ['/class/a.docx'] }],
    [{ paths: ['/class/a.docx'] }]
  ])('rejects %j', (arg) => {
    const r = validateStartBatch(arg, grants)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('invalid-request')
  })

  it('re-judging names kept results by path (nothing is read again)', () => {
    expect(validateRejudge({ paths: ['/class/a.docx'], options: { operatingPoint: 'strict' } })).toEqual({
      ok: true,
      value: { paths: ['/class/a.docx'], options: { operatingPoint: 'strict', profiles: [] } }
    })
    expect(validateRejudge({ paths: ['a\0b'] }).ok).toBe(false)
  })
})

describe('new verbs: payload validation', () => {
  it('exportReport: paths, scope and format are checked; a document report is for one path', async () => {
    const { validateExportReport } = await import('../../../src/main/validate')
    expect(validateExportReport({ paths: ['/a'], scope: 'document', format: 'pdf' }).ok).toBe(true)
    expect(validateExportReport({ paths: ['/a', '/b'], scope: 'class', format: 'csv' }).ok).toBe(true)
    expect(validateExportReport({ paths: ['/a', '/b'], scope: 'document', format: 'pdf' }).ok).toBe(false)
    expect(validateExportReport({ paths: [], scope: 'class', format: 'pdf' }).ok).toBe(false)
    expect(validateExportReport({ paths: ['/a'], scope: 'class', format: 'docx' }).ok).toBe(false)
    expect(validateExportReport({ paths: ['/a\0'], scope: 'class', format: 'html' }).ok).toBe(false)
  })

  it('calibration requests and choices', async () => {
    const { validateCalibrationChoice, validateCalibrationRequest } =
      await import('../../../src/main/validate')
    const [human, ai] = grants.grant(['/h', '/ai']).map((g) => g.id)
    expect(validateCalibrationRequest({ name: ' Y10 ', humanIds: [human] }, grants)).toEqual({
      ok: true,
      value: { name: 'Y10', humanPaths: ['/h'], aiPaths: [] }
    })
    expect(validateCalibrationRequest({ name: 'Y10', humanIds: [human], aiIds: [ai] }, grants)).toEqual({
      ok: true,
      value: { name: 'Y10', humanPaths: ['/h'], aiPaths: ['/ai'] }
    })
    expect(validateCalibrationRequest({ name: 'Y10', humanIds: [] }, grants).ok).toBe(false)
    expect(validateCalibrationRequest({ name: 'Y10', humanIds: ['/h'] }, grants).ok).toBe(false)
    expect(validateCalibrationRequest({ name: 'Y10', humanIds: [human], aiIds: ['/etc'] }, grants).ok).toBe(
      false
    )
    expect(validateCalibrationChoice({ calibrationId: 'c', name: 'n', targetFpr: 0.05 }).ok).toBe(true)
    expect(validateCalibrationChoice({ calibrationId: 'c', name: 'n', targetFpr: 0 }).ok).toBe(false)
    expect(validateCalibrationChoice({ calibrationId: 'c', name: 'n', targetFpr: '0.05' }).ok).toBe(false)
  })

  it('startBatch keeps a calibration id and refuses a malformed one', () => {
    const good = validateStartBatch({ ids: [a], options: { calibrationId: 'y10-2026' } }, grants)
    expect(good.ok && good.value.options.calibrationId).toBe('y10-2026')
    expect(validateStartBatch({ ids: [a], options: { calibrationId: 7 } }, grants).ok).toBe(false)
  })
})
