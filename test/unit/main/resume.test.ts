/**
 * Continuing where a batch stopped, in the app: the results file survives a crash or a quit, and opening the
 * same folder again checks only what is new or changed, or what was checked with other settings.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiHandlers, ApiResult, BatchEvent, CheckOptions } from '../../../src/shared/api'
import type { DocumentResult, WatermarkTest } from '../../../src/shared/types'
import { createHandlers } from '../../../src/main/handlers'
import type { CheckEngine } from '../../../src/pipeline/batch/engine'
import { isReusable } from '../../../src/pipeline/reuse'
import { INKPRINT_VERSION } from '../../../src/pipeline/version'
import { grantedIds, standInResult } from './stand-in'

const value = <T>(answer: ApiResult<T>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.value
}

/** A stand-in engine that records what it was asked to check and answers like the real one would. */
function countingEngine(checked: string[]): CheckEngine {
  return {
    slots: 1,
    check: async (path, options) => {
      checked.push(path)
      const bytes = await readFile(path)
      return standInResult(path, {
        aiProbability: 0.2,
        operatingPoint: options.operatingPoint,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        watermarks: (options.profiles ?? []).map((id) => ({ profileId: id }) as WatermarkTest),
        fingerprints: [],
        text: bytes.toString('utf8'),
        inkprintVersion: INKPRINT_VERSION
      })
    },
    close: async () => {}
  }
}

async function runToEnd(
  handlers: ApiHandlers,
  events: BatchEvent[],
  paths: string[],
  options: CheckOptions
): Promise<DocumentResult[]> {
  const { batchId } = value(await handlers.startBatch({ ids: await grantedIds(handlers, paths), options }))
  await expect.poll(() => events.some((e) => e.type === 'batch-done' && e.batchId === batchId)).toBe(true)
  return events.flatMap((e) => (e.type === 'file-done' && e.batchId === batchId ? [e.result] : []))
}

describe('the app continues where a batch stopped', () => {
  it('re-checks only new or changed files, or files checked with other settings', async () => {
    const root = await mkdtemp(join(tmpdir(), 'inkprint-resume-'))
    const folder = join(root, 'class')
    await mkdir(folder)
    for (const name of ['a.txt', 'b.txt', 'c.txt']) await writeFile(join(folder, name), `essay ${name}`)
    const checked: string[] = []
    const events: BatchEvent[] = []
    const handlers = createHandlers({
      emit: (e) => events.push(e),
      pickFiles: async () => [],
      pickFolder: async () => [],
      storeDir: join(root, 'store'),
      engine: countingEngine(checked)
    })

    expect(await runToEnd(handlers, events, [folder], { operatingPoint: 'balanced' })).toHaveLength(3)
    expect(checked).toHaveLength(3)

    // opened again, same settings: nothing is checked twice, every file still gets its result
    const again = await runToEnd(handlers, events, [folder], { operatingPoint: 'balanced' })
    expect(again.map((r) => r.fileName).sort()).toEqual(['a.txt', 'b.txt', 'c.txt'])
    expect(checked).toHaveLength(3)

    // an edited file is checked afresh; the others are not
    await writeFile(join(folder, 'b.txt'), 'essay b, second draft')
    await runToEnd(handlers, events, [folder], { operatingPoint: 'balanced' })
    expect(checked.slice(3)).toEqual([join(folder, 'b.txt')])

    // other settings: every file is checked again
    await runToEnd(handlers, events, [folder], { operatingPoint: 'strict' })
    expect(checked).toHaveLength(7)
  })
})

describe('isReusable', () => {
  const base = {
    status: 'ok',
    inkprintVersion: INKPRINT_VERSION,
    text: 'x',
    watermarks: [{ profileId: 'p1' }, { profileId: 'p2' }],
    detector: { operatingPoint: { name: 'balanced' } }
  } as unknown as DocumentResult
  const want = { operatingPoint: 'balanced', includeText: true, profileIds: ['p2', 'p1'] }

  it('accepts the same version, setting, profiles and text', () => {
    expect(isReusable(base, want)).toBe(true)
  })

  it('refuses another version, setting, profile set, calibration, a missing text or a failed check', () => {
    expect(isReusable({ ...base, inkprintVersion: '0.0.1' }, want)).toBe(false)
    expect(isReusable(base, { ...want, operatingPoint: 'strict' })).toBe(false)
    expect(isReusable(base, { ...want, profileIds: ['p1'] })).toBe(false)
    expect(isReusable(base, { ...want, calibrationId: 'grade-10' })).toBe(false)
    expect(isReusable({ ...base, text: undefined }, want)).toBe(false)
    expect(isReusable({ ...base, status: 'error' }, want)).toBe(false)
    expect(isReusable({ ...base, detector: undefined }, want)).toBe(false)
    const calibrated = {
      ...base,
      detector: { operatingPoint: { name: 'calibrated: G10', calibration: { id: 'grade-10' } } }
    } as unknown as DocumentResult
    expect(isReusable(calibrated, { ...want, calibrationId: 'grade-10' })).toBe(true)
    expect(isReusable(calibrated, want)).toBe(false)
  })
})
