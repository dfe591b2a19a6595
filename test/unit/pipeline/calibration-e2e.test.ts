/**
 * The real end-to-end path: TXT essays in temp folders → extraction → passages → the shipped detector →
 * calibration profile → saved → applied to a real check result; and the audit on the same texts.
 * Needs resources/models/detector.onnx and its loader src/pipeline/detector.ts; skipped with that reason until both exist.
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyCalibration } from '../../../src/engine/calibration'
import { decideVerdict } from '../../../src/engine/detector/verdict'
import { scoreAuditRecords, type AuditRecord } from '../../../src/pipeline/audit'
import { calibrateFromFolders, CalibrationStore } from '../../../src/pipeline/calibration'
import { AI_ESSAYS, HUMAN_ESSAYS, writeEssayFolders } from './calibration-fixtures'

const modelDir = resolve(__dirname, '../../../resources/models')
// The model file and the runtime that loads it land separately; both are needed.
const hasModel =
  existsSync(join(modelDir, 'detector.onnx')) &&
  existsSync(resolve(__dirname, '../../../src/pipeline/detector.ts'))
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

describe.skipIf(!hasModel)(
  'calibration end to end with the real detector (needs resources/models/detector.onnx and src/pipeline/detector.ts)',
  () => {
    it('calibrates on TXT folders, saves numbers only, and applies the threshold to a real result', async () => {
      const root = mkdtempSync(join(tmpdir(), 'inkprint-e2e-'))
      const folders = writeEssayFolders(root)
      const out = await calibrateFromFolders({
        name: 'Fixture class',
        humanPaths: [folders.human],
        aiPaths: [folders.ai],
        targetFpr: 0.05
      })
      expect(out.ok).toBe(true)
      if (!out.ok) return
      const { profile } = out
      expect(profile.nHuman).toBe(HUMAN_ESSAYS.length)
      expect(profile.nAi).toBe(AI_ESSAYS.length)
      for (const s of [...profile.scores.human, ...profile.scores.ai]) expect(s >= 0 && s <= 1).toBe(true)
      expect(mean(profile.scores.ai)).toBeGreaterThan(mean(profile.scores.human))
      expect(profile.model.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(profile.enoughDocuments).toBe(false) // three essays can never show 5%
      expect(profile.warnings[0]).toContain('Too few documents')

      const store = new CalibrationStore(join(root, 'calibrations'))
      await store.save(profile)
      expect((await store.list())[0].id).toBe(profile.id)

      const { checkFile } = await import('../../../src/pipeline/check')
      const { loadCheckContext } = await import('../../../src/pipeline/context')
      const ctx = await loadCheckContext()
      const result = await checkFile(join(folders.ai, 'generated-1.txt'), ctx, {
        operatingPoint: 'balanced',
        includeText: false
      })
      expect(result.detector).toBeDefined()
      if (!result.detector) return
      const applied = applyCalibration(result.detector, profile)
      expect(applied.operatingPoint.name).toBe('calibrated: Fixture class')
      expect(applied.operatingPoint.measuredOn).toContain('calibrated on 3 essays')
      const p = result.detector.aiProbability ?? 0
      // documents under 150 words keep "limited evidence"; otherwise the school's threshold decides, and
      // "likely human" needs a probability below one half
      expect(applied.verdict).toBe(
        result.detector.verdict === 'limited-evidence'
          ? 'limited-evidence'
          : p > profile.threshold
            ? 'likely-ai'
            : p > Math.min(profile.uncertainFloor, profile.threshold, 0.5)
              ? 'uncertain'
              : 'likely-human'
      )
      // One rule: a "calibration" with the shipped point's threshold and the card's floor gives back exactly
      // the detector's own verdict, at any probability.
      const card = ctx.detector?.card
      const op = card?.operatingPoints.find((o) => o.name === 'balanced')
      expect(op).toBeDefined()
      if (!card || !op) return
      const asShipped = { ...profile, threshold: op.threshold, uncertainFloor: card.uncertainFloor }
      expect(applyCalibration(result.detector, asShipped).verdict).toBe(result.detector.verdict)
      for (let q = 0; q <= 1; q += 0.0005) {
        const summary = { ...result.detector, aiProbability: q, verdict: 'uncertain' as const }
        expect(applyCalibration(summary, asShipped).verdict).toBe(
          decideVerdict({
            probability: q,
            threshold: op.threshold,
            uncertainFloor: card.uncertainFloor
          })
        )
      }
    })

    it('audits labelled texts with the real detector', async () => {
      const { loadDetector } = await import('../../../src/pipeline/detector')
      const detector = await loadDetector(modelDir)
      const records: AuditRecord[] = [
        ...HUMAN_ESSAYS.map((text, i) => ({
          id: `h${i}`,
          text,
          label: 'human' as const,
          group: i === 0 ? 'a' : 'b'
        })),
        ...AI_ESSAYS.map((text, i) => ({ id: `a${i}`, text, label: 'ai' as const }))
      ]
      const out = await scoreAuditRecords(records, detector, {
        groupField: 'group',
        operatingPoint: 'balanced'
      })
      const all = out.rows.find((r) => r.group === 'all')
      expect(all?.nHuman).toBe(3)
      expect(all?.nAi).toBe(3)
      expect(all?.auroc).not.toBeNull()
      expect(out.operatingPoint?.name).toBe('balanced')
      expect(out.model?.sha256).toMatch(/^[0-9a-f]{64}$/)
    })
  }
)
