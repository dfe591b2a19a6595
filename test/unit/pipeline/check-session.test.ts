/**
 * The one check session the app and the CLI share: settings resolved once, then reuse → check → judge → keep →
 * sink. A stand-in engine reads each file's AI probability from its content, so the tests need no model.
 */
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BatchEvent } from '../../../src/shared/api'
import type { DocumentResult, WatermarkTest } from '../../../src/shared/types'
import { buildCalibrationProfile } from '../../../src/engine/calibration'
import type { CheckEngine } from '../../../src/pipeline/batch/engine'
import { CheckSession, NO_PROFILE, type CheckSettings } from '../../../src/pipeline/check-session'
import { ResultsStore } from '../../../src/pipeline/results-store'
import { INKPRINT_VERSION } from '../../../src/pipeline/version'
import { STAND_IN_MODEL, standInResult } from '../main/stand-in'
import { storeFailingAfter } from './batch/failing-store'

/** Checks each file by reading its probability; records what it was asked to check and with which profiles. */
function standInEngine(checked: { path: string; profiles: string[] }[]): CheckEngine {
  return {
    slots: 1,
    check: async (path, options) => {
      const bytes = await readFile(path)
      checked.push({ path, profiles: options.profiles ?? [] })
      const profiles = (options.profiles ?? []).filter((id) => id !== NO_PROFILE)
      const result = standInResult(path, {
        aiProbability: Number(bytes.toString('utf8')),
        operatingPoint: options.operatingPoint,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        watermarks: profiles.map((id) => ({ profileId: id }) as WatermarkTest),
        text: bytes.toString('utf8'),
        inkprintVersion: INKPRINT_VERSION
      })
      // passages over one half read like AI, so a verdict of "likely AI" agrees with the passages shown
      if (result.detector) result.detector.aiShare = Number(bytes.toString('utf8')) > 0.5 ? 0.5 : 0
      return result
    },
    close: async () => {}
  }
}

/** A school's calibration whose threshold (about 0.37) is far below the shipped 0.9. */
const calibration = buildCalibrationProfile({
  name: 'Year 10',
  createdAt: '2026-11-01T00:00:00Z',
  model: STAND_IN_MODEL,
  humanScores: Array.from({ length: 40 }, (_, i) => (i + 1) / 100),
  targetFpr: 0.1
})

const shipped: CheckSettings = {
  operatingPoint: 'balanced',
  calibration: null,
  profileIds: ['kgw-a'],
  includeText: true
}

let root: string
let folder: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkprint-session-'))
  folder = join(root, 'class')
  await mkdir(folder)
  // a.txt reads like human writing at every setting; b.txt is between the school's threshold and the shipped one
  await writeFile(join(folder, 'a.txt'), '0.05')
  await writeFile(join(folder, 'b.txt'), '0.6')
  await writeFile(join(folder, 'c.txt'), '0.1')
})
afterAll(() => rm(root, { recursive: true, force: true }))

async function runSession(
  settings: CheckSettings,
  store: ConstructorParameters<typeof CheckSession>[1]['store'],
  checked: { path: string; profiles: string[] }[] = [],
  events: BatchEvent[] = []
): Promise<{
  events: BatchEvent[]
  results: DocumentResult[]
  outcome: Awaited<ReturnType<CheckSession['run']>>
}> {
  const session = new CheckSession(settings, { engine: standInEngine(checked), store, reuse: true })
  const outcome = await session.run({ batchId: 'b', paths: [folder], sink: (e) => void events.push(e) })
  const results = events.flatMap((e) => (e.type === 'file-done' ? [e.result] : []))
  return { events, results, outcome }
}

describe('CheckSession', () => {
  it('reuses an earlier result only when the operating point, the calibration and the profiles are the same', async () => {
    const store = new ResultsStore(join(root, 'reuse.jsonl'))
    const checked: { path: string; profiles: string[] }[] = []
    await runSession(shipped, store, checked)
    expect(checked).toHaveLength(3)
    // the engine is told exactly the resolved profiles
    expect(checked.every((c) => c.profiles.join() === 'kgw-a')).toBe(true)

    const same = await runSession(shipped, store, checked)
    expect(checked).toHaveLength(3)
    expect(same.outcome.reused).toBe(3)
    // reused results already have their line: nothing is written twice
    expect(same.outcome.saved).toBe(0)

    await runSession({ ...shipped, profileIds: ['kgw-a', 'school-key'] }, store, checked)
    expect(checked).toHaveLength(6)
    await runSession({ ...shipped, profileIds: [] }, store, checked)
    expect(checked).toHaveLength(9)
    // no profile wanted: the engine is told a list that matches none (an empty list would mean "all")
    expect(checked.slice(6).every((c) => c.profiles.join() === NO_PROFILE)).toBe(true)

    await runSession({ ...shipped, calibration }, store, checked)
    expect(checked).toHaveLength(12)
    const again = await runSession({ ...shipped, calibration }, store, checked)
    expect(checked).toHaveLength(12)
    expect(again.outcome.reused).toBe(3)
    expect(
      new CheckSession(
        { ...shipped, calibration },
        { engine: standInEngine([]), store, reuse: true }
      ).reuseKey()
    ).toEqual({
      operatingPoint: 'balanced',
      calibrationId: calibration.id,
      profileIds: ['kgw-a'],
      includeText: true
    })
  })

  it('compares a reused result with the known writing given now, not with that of the earlier run', async () => {
    const store = new ResultsStore(join(root, 'known.jsonl'))
    const checked: { path: string; profiles: string[] }[] = []
    const plain = new CheckSession(shipped, { engine: standInEngine(checked), store, reuse: true })
    await plain.run({ batchId: 'b', paths: [folder], sink: () => {} })
    const corrected: CheckSettings = {
      ...shipped,
      knownWriting: { students: [], assignments: { [join(folder, 'b.txt')]: 'Zoë Example' } }
    }
    const { results, outcome } = await runSession(corrected, store, checked)
    expect(outcome.reused).toBe(3)
    expect(checked).toHaveLength(3)
    expect(results.find((r) => r.fileName === 'b.txt')?.styleComparison?.student).toBe('Zoë Example')
    // each result now carries a comparison it did not have, so each is kept again (its old line is replaced)
    expect(outcome.saved).toBe(3)
    // and without known writing, no comparison is carried over from that run
    const again = await runSession(shipped, store, checked)
    expect(again.results.every((r) => r.styleComparison === undefined)).toBe(true)
  })

  it('judges with the calibration instead of the shipped point, and keeps the judged result', async () => {
    const store = new ResultsStore(join(root, 'judge.jsonl'))
    const plain = await runSession(shipped, null)
    const judged = await runSession({ ...shipped, calibration }, store)
    const b = (rs: DocumentResult[]): DocumentResult | undefined => rs.find((r) => r.fileName === 'b.txt')
    expect(b(plain.results)?.detector?.verdict).toBe('likely-human')
    expect(calibration.threshold).toBeLessThan(0.6)
    expect(b(judged.results)?.detector?.verdict).toBe('likely-ai')
    expect(b(judged.results)?.detector?.operatingPoint.calibration?.id).toBe(calibration.id)
    // the store holds what the sink was shown: the judged result
    const kept = await store.readAll()
    expect(b(kept)?.detector).toEqual(b(judged.results)?.detector)
  })

  it('tells the sink every event in order, each result only once it is kept, and the batch end last', async () => {
    const file = join(root, 'order.jsonl')
    const store = new ResultsStore(file)
    const keptWhenTold: number[] = []
    const events: BatchEvent[] = []
    const session = new CheckSession(shipped, { engine: standInEngine([]), store, reuse: false })
    await session.run({
      batchId: 'b',
      paths: [folder],
      sink: async (e) => {
        events.push(e)
        if (e.type === 'file-done') keptWhenTold.push((await store.readAll()).length)
      }
    })
    expect(events.map((e) => e.type)).toEqual([
      'file-started',
      'file-done',
      'file-started',
      'file-done',
      'file-started',
      'file-done',
      'batch-done'
    ])
    expect(keptWhenTold).toEqual([1, 2, 3])
  })

  it('stops at a failed write: the sink hears only of kept results, and the end says what was saved', async () => {
    const store = {
      ...storeFailingAfter(1),
      finishedByHash: async () => new Map(),
      hashesByPath: async () => new Map()
    }
    const { events, results, outcome } = await runSession(shipped, store)
    expect(results.map((r) => r.fileName)).toEqual(store.kept)
    expect(store.kept).toHaveLength(1)
    expect(outcome.saved).toBe(1)
    expect(outcome.stopped).toMatchObject({ reason: 'the disk is full', saved: 1, lastSaved: store.kept[0] })
    const last = events[events.length - 1]
    expect(last?.type === 'batch-done' && last.stopped).toMatch(
      /^Checking stopped: a result could not be saved \(the disk is full\): 1 result was saved/
    )
    expect(last?.type === 'batch-done' && last.done).toBe(1)
  })
})
