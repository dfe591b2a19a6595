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
    expect(validateCalibrationRequest({ name: ' Y10 ', humanPaths: ['/h'] })).toEqual({
      ok: true,
      value: { name: 'Y10', humanPaths: ['/h'], aiPaths: [] }
    })
    expect(validateCalibrationRequest({ name: 'Y10', humanPaths: [] }).ok).toBe(false)
    expect(validateCalibrationChoice({ calibrationId: 'c', name: 'n', targetFpr: 0.05 }).ok).toBe(true)
    expect(validateCalibrationChoice({ calibrationId: 'c', name: 'n', targetFpr: 0 }).ok).toBe(false)
    expect(validateCalibrationChoice({ calibrationId: 'c', name: 'n', targetFpr: '0.05' }).ok).toBe(false)
  })

  it('startBatch keeps a calibration id and refuses a malformed one', () => {
    const good = validateStartBatch({ paths: ['/a'], options: { calibrationId: 'y10-2026' } })
    expect(good.ok && good.value.options.calibrationId).toBe('y10-2026')
    expect(validateStartBatch({ paths: ['/a'], options: { calibrationId: 7 } }).ok).toBe(false)
  })
})
