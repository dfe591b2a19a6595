/**
 * The calibration flow through the real batch runner, folder walk, store and CLI. The check engine here is a
 * scripted one that reads the document's score from the file ("score: 0.12") so the flow can be tested on
 * chosen numbers; the real detector's end-to-end run is in calibration-e2e.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CheckEngine, PortableCheckOptions } from '../../../src/pipeline/batch/engine'
import {
  applyCalibrationToResult,
  calibrateFromFolders,
  CalibrationStore
} from '../../../src/pipeline/calibration'
import { emptyResult } from '../../../src/pipeline/result'
import type { DocumentResult } from '../../../src/shared/types'

const model = { name: 'test-model', version: '0', sha256: 'c'.repeat(64) }

class ScoreFromFileEngine implements CheckEngine {
  readonly slots = 2
  async check(path: string, options: PortableCheckOptions): Promise<DocumentResult> {
    const text = await readFile(path, 'utf8')
    const m = /score: ([\d.]+)/.exec(text)
    const r = emptyResult(path)
    if (!m) return { ...r, status: 'too-short' }
    const p = Number(m[1])
    r.detector = {
      model,
      aiProbability: p,
      verdict: p >= 0.9 ? 'likely-ai' : 'likely-human',
      aiShare: null,
      operatingPoint: {
        name: options.operatingPoint,
        threshold: 0.9,
        fpr: 0.01,
        fprUpper: 0.02,
        measuredOn: 'test'
      },
      segments: []
    }
    return r
  }
  async close(): Promise<void> {}
}

function folder(root: string, name: string, scores: (number | null)[]): string {
  const dir = join(root, name)
  mkdirSync(join(dir, 'nested'), { recursive: true })
  scores.forEach((s, i) =>
    writeFileSync(
      join(dir, i % 3 === 0 ? 'nested' : '', `Pupil Name ${i}.txt`),
      s === null ? 'hello' : `zebra-marker text … score: ${s}`
    )
  )
  return dir
}

describe('calibration from folders', () => {
  const root = mkdtempSync(join(tmpdir(), 'inkprint-cal-'))
  const humanScores = Array.from({ length: 120 }, (_, i) => Math.round((i / 120) * 0.7 * 1e4) / 1e4)
  const human = folder(root, 'human', [...humanScores, null])
  const ai = folder(root, 'ai', [0.95, 0.85, 0.6, 0.99])

  it('scores every document, skips unscorable ones and builds the profile from the numbers', async () => {
    const out = await calibrateFromFolders({
      name: 'Year 9 2021',
      humanPaths: [human],
      aiPaths: [ai],
      targetFpr: 0.05,
      engine: new ScoreFromFileEngine(),
      createdAt: '2026-11-29T02:10:00.000Z'
    })
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.human.scores).toHaveLength(120)
    expect(out.human.notScored).toBe(1)
    expect(out.profile.nHuman).toBe(120)
    expect(out.profile.falsePositives).toBe(6) // ⌊0.05 × 120⌋
    expect(out.profile.threshold).toBe(humanScores[113]) // the 7th highest: 6 lie above it
    expect(out.profile.truePositives).toBe(3) // 0.6 < threshold
    expect(out.profile.model).toEqual(model)
    expect(out.profile.enoughDocuments).toBe(true) // 59 needed for 5%

    // A document at 0.8 is "likely AI" under the school's threshold (~0.66) though not under the shipped 0.9.
    const engine = new ScoreFromFileEngine()
    writeFileSync(join(root, 'one.txt'), 'score: 0.8')
    const checked = await engine.check(join(root, 'one.txt'), {
      operatingPoint: 'balanced',
      includeText: false
    })
    expect(checked.detector?.verdict).toBe('likely-human')
    const applied = applyCalibrationToResult(checked, out.profile)
    expect(applied.mismatch).toBeNull()
    expect(applied.result.detector?.verdict).toBe('likely-ai')
    expect(applied.result.detector?.operatingPoint.name).toBe('calibrated: Year 9 2021')
    const other = { ...out.profile, model: { ...model, sha256: '0'.repeat(64) } }
    expect(applyCalibrationToResult(checked, other).mismatch).toContain('different detector model')

    const store = new CalibrationStore(join(root, 'store'))
    const path = await store.save(out.profile)
    const saved = readFileSync(path, 'utf8')
    expect(saved).not.toContain('Pupil Name') // no file names
    expect(saved).not.toContain('zebra-marker') // no text
    expect(await store.load(out.profile.id)).toEqual(out.profile)
    expect((await store.list()).map((p) => p.id)).toEqual([out.profile.id])
    expect(await store.delete(out.profile.id)).toBe(true)
    expect(await store.list()).toEqual([])
    expect(readdirSync(join(root, 'store'))).toEqual([])
  })

  it('returns an error, not a profile, when nothing can be scored', async () => {
    const empty = folder(root, 'empty', [null, null])
    const out = await calibrateFromFolders({
      name: 'x',
      humanPaths: [empty],
      targetFpr: 0.01,
      engine: new ScoreFromFileEngine()
    })
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.error.code).toBe('empty')
  })

  it('refuses ids that would leave the folder', async () => {
    const store = new CalibrationStore(join(root, 'store2'))
    await expect(store.load('../../etc/passwd')).resolves.toBeNull()
    expect(await store.delete('../x')).toBe(false)
  })
})
