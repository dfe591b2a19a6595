import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkCard, operatingPoint, type DetectorCard } from '../../../../src/engine/detector/card'
import { loadDetector } from '../../../../src/pipeline/detector'
import { CARD_PATH, MODEL_DIR, ONNX_PATH } from './helpers'

const card = JSON.parse(readFileSync(CARD_PATH, 'utf8')) as DetectorCard

describe('detector model card', () => {
  it('records the sha256 of the shipped ONNX file', () => {
    const sha = createHash('sha256').update(readFileSync(ONNX_PATH)).digest('hex')
    expect(card.sha256).toBe(sha)
  })

  it('passes the runtime check and has the three operating points with measured FPR', () => {
    expect(checkCard(card).ok).toBe(true)
    for (const name of ['strict', 'balanced', 'sensitive']) {
      const op = operatingPoint(card, name)
      expect(op.threshold).toBeGreaterThan(0)
      expect(op.threshold).toBeLessThan(1)
      expect(op.fprUpper).toBeGreaterThanOrEqual(op.fpr)
      expect(op.measuredOn).toMatch(/held-out essays of the writer groups it was trained on/)
    }
    // stricter points need a higher threshold
    expect(operatingPoint(card, 'strict').threshold).toBeGreaterThan(
      operatingPoint(card, 'balanced').threshold
    )
    expect(operatingPoint(card, 'balanced').threshold).toBeGreaterThan(
      operatingPoint(card, 'sensitive').threshold
    )
    expect(card.licence).toMatch(/non-commercial educational use/)
  })

  it('the published fairness table was produced by this very model and its operating points', () => {
    // `npx tsx src/training/fairness.ts` regenerates it; a retrained model without it would mislead the About page
    const fairness = JSON.parse(readFileSync(join(MODEL_DIR, 'fairness.json'), 'utf8')) as {
      model: { sha256: string }
      operatingPoints: { name: string; threshold: number }[]
    }
    expect(fairness.model.sha256).toBe(card.sha256)
    for (const op of fairness.operatingPoints)
      expect(op.threshold).toBeCloseTo(operatingPoint(card, op.name).threshold, 12)
  })

  it('is small enough to ship', () => {
    expect(readFileSync(ONNX_PATH).length).toBeLessThan(30 * 1024 * 1024)
  })

  it('refuses a model whose bytes do not match the card', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inkprint-det-'))
    copyFileSync(ONNX_PATH, join(dir, 'detector.onnx'))
    writeFileSync(join(dir, 'detector.card.json'), JSON.stringify({ ...card, sha256: 'f'.repeat(64) }))
    await expect(loadDetector(dir)).rejects.toMatchObject({ code: 'corrupt' })
    await expect(loadDetector(join(dir, 'missing'))).rejects.toMatchObject({ code: 'not-found' })
    expect(MODEL_DIR).toContain('resources')
  })

  it('rejects a card made for another featurizer', () => {
    const other = { ...card, featurizer: { ...card.featurizer, inputDim: 12 } }
    expect(checkCard(other).ok).toBe(false)
  })
})
