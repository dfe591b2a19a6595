import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runAudit } from '../../../src/cli/audit'
import { runCalibrate } from '../../../src/cli/calibrate'
import { buildCalibrationProfile } from '../../../src/engine/calibration'
import { CalibrationStore } from '../../../src/pipeline/calibration'

let out = ''
let err = ''
beforeEach(() => {
  out = ''
  err = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true))
})
afterEach(() => vi.restoreAllMocks())

describe('inkprint calibrate', () => {
  it('exits 2 with usage on bad arguments', async () => {
    expect(await runCalibrate([])).toBe(2)
    expect(err).toContain('--human DIR is required')
    expect(await runCalibrate(['--human', 'x', '--target-fpr', '2'])).toBe(2)
    expect(await runCalibrate(['--bogus'])).toBe(2)
    expect(await runCalibrate(['calibrate', '--help'])).toBe(0)
    expect(out).toContain('Usage: inkprint calibrate')
  })
  it('lists, shows and deletes saved calibrations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inkprint-cli-'))
    expect(await runCalibrate(['--list', '--out-dir', dir])).toBe(0)
    expect(out).toContain('No calibrations')
    const profile = buildCalibrationProfile({
      name: 'Grade 10 2021',
      createdAt: '2026-11-29T02:00:00.000Z',
      model: { name: 'm', version: '1', sha256: 'e'.repeat(64) },
      humanScores: Array.from({ length: 50 }, (_, i) => i / 100),
      targetFpr: 0.02
    })
    await new CalibrationStore(dir).save(profile)
    expect(await runCalibrate(['--list', '--out-dir', dir])).toBe(0)
    expect(out).toContain("Calibrated on 50 human essays, 'Grade 10 2021'")
    expect(out).toContain('Too few documents for the chosen target')
    expect(await runCalibrate(['--show', profile.id, '--json', '--out-dir', dir])).toBe(0)
    expect(out).toContain(`"id": "${profile.id}"`)
    expect(await runCalibrate(['--delete', profile.id, '--out-dir', dir])).toBe(0)
    expect(await runCalibrate(['--show', profile.id, '--out-dir', dir])).toBe(1)
  })
})

describe('inkprint audit', () => {
  it('exits 2 on usage errors and 1 on unreadable or empty data', async () => {
    expect(await runAudit([])).toBe(2)
    expect(err).toContain('--data FILE.jsonl is required')
    expect(await runAudit(['--data', 'x.jsonl', '--limit', '0'])).toBe(2)
    expect(await runAudit(['--data', 'x.jsonl', '--operating-point', 'lax'])).toBe(2)
    expect(await runAudit(['--data', '/nonexistent/file.jsonl'])).toBe(1)
    const dir = mkdtempSync(join(tmpdir(), 'inkprint-cli-'))
    writeFileSync(join(dir, 'empty.jsonl'), 'garbage\n')
    expect(await runAudit(['--data', join(dir, 'empty.jsonl')])).toBe(1)
    expect(err).toContain('no labelled records')
  })
})
