import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderDocumentReport } from '../../../src/engine/report'
import {
  loadModelFacts,
  readModelFacts,
  reportModelCard,
  withModelCard
} from '../../../src/pipeline/model-facts'
import type { DocumentResult } from '../../../src/shared/types'
import { scoredEssay } from '../../component/sample-results'
import { CARD_PATH, MODEL_DIR } from '../engine/detector/helpers'

const card = JSON.parse(readFileSync(CARD_PATH, 'utf8')) as {
  sha256: string
  name: string
  version: string
  metrics: unknown
}
const fairness = JSON.parse(readFileSync(join(MODEL_DIR, 'fairness.json'), 'utf8')) as {
  dimensions: {
    key: string
    rowsByOperatingPoint: Record<string, { group: string; fpr: { estimate: number } | null }[]>
  }[]
}
const published = (key: string, op: string, group: string): number | undefined =>
  fairness.dimensions.find((d) => d.key === key)?.rowsByOperatingPoint[op]?.find((r) => r.group === group)
    ?.fpr?.estimate

describe('model facts (About page and reports)', () => {
  it('reads the shipped card and fairness audit: operating points, held-out AUROC, rates by writer group', async () => {
    const facts = await readModelFacts(MODEL_DIR)
    if (!facts) throw new Error('no facts')
    expect(facts.sha256).toBe(card.sha256)
    expect(facts.operatingPoints.map((o) => o.name)).toEqual(['strict', 'balanced', 'sensitive'])
    expect(facts.heldOut?.auroc).toBeGreaterThan(0.9)
    expect(facts.tooShortWords).toBeGreaterThan(0)
    // writers from corpora left out of training: the card's leave-one-corpus-out figures, in plain names
    const cross = (
      card.metrics as {
        crossCorpus: { humanCorpora: Record<string, { all: { docOrPassage: { rate: number } } }> }
      }
    ).crossCorpus.humanCorpora
    const university = facts.unseenWriters?.find((r) => r.group === 'upper-level university papers')
    expect(university?.rate).toBe(cross['micusp-papers']?.all.docOrPassage.rate)
    expect(facts.unseenWriters?.length).toBe(Object.keys(cross).length)
    const groups = facts.fairness?.map((g) => g.group) ?? []
    expect(groups).toContain('non-native: all groups')
    expect(groups.some((g) => g.startsWith('native'))).toBe(true)
    const nonNative = facts.fairness?.find((g) => g.group === 'non-native: all groups')
    // the very numbers of the published audit, at every operating point
    for (const op of ['strict', 'balanced', 'sensitive'])
      expect(nonNative?.fpr[op]?.estimate).toBe(published('nativeness', op, 'non-native'))
    expect(facts.detection?.tpr.balanced?.estimate).toBeGreaterThan(0.5)
  })

  it('ignores a fairness audit made for another model instead of showing it as this one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inkprint-facts-'))
    copyFileSync(CARD_PATH, join(dir, 'detector.card.json'))
    const other = JSON.parse(readFileSync(join(MODEL_DIR, 'fairness.json'), 'utf8')) as {
      model: { sha256: string }
    }
    other.model.sha256 = '0'.repeat(64)
    writeFileSync(join(dir, 'fairness.json'), JSON.stringify(other))
    const facts = await readModelFacts(dir)
    expect(facts?.fairness).toBeNull()
    expect(facts?.operatingPoints).toHaveLength(3)
    expect(await readModelFacts(join(dir, 'missing'))).toBeNull()
  })

  it('puts the rates of the operating point the results used into the report, non-native writers included', async () => {
    const facts = await readModelFacts(MODEL_DIR)
    if (!facts) throw new Error('no facts')
    const result: DocumentResult = {
      ...scoredEssay,
      detector: scoredEssay.detector && {
        ...scoredEssay.detector,
        model: { name: card.name, version: card.version, sha256: card.sha256 },
        operatingPoint: { ...scoredEssay.detector.operatingPoint, name: 'strict' }
      }
    }
    const ctx = withModelCard({ generatedAt: '2026-11-29T00:00:00Z', inkprintVersion: 't' }, [result], facts)
    expect(ctx.modelCard?.operatingPoint).toBe('strict')
    const nonNative = ctx.modelCard?.rates.find((r) => r.population === 'non-native: all groups')
    expect(nonNative?.rate).toBe(published('nativeness', 'strict', 'non-native'))
    const html = renderDocumentReport(result, ctx)
    expect(html).toContain('at the “strict” setting')
    expect(html).toMatch(/non-native(:|&#58;) all groups/)
    expect(html).not.toContain('They were not attached to this report')

    // results scored by another model never get this model's rates
    const foreign = {
      ...result,
      detector: result.detector && { ...result.detector, model: { ...result.detector.model, sha256: 'x' } }
    }
    expect(
      withModelCard({ generatedAt: '', inkprintVersion: 't' }, [foreign], facts).modelCard
    ).toBeUndefined()
    expect(reportModelCard(facts, 'balanced').rates.at(-1)?.kind).toBe('detection')
  })

  it('loadModelFacts works from a parsed card', async () => {
    const { checkCard } = await import('../../../src/engine/detector/card')
    const checked = checkCard(JSON.parse(readFileSync(CARD_PATH, 'utf8')))
    if (!checked.ok) throw new Error(checked.message)
    expect((await loadModelFacts(checked.card, MODEL_DIR)).fairness?.length).toBeGreaterThan(3)
  })
})

describe('modelCardFloor', () => {
  it('picks the most permissive shipped point at or below the target, else the strictest', async () => {
    const { modelCardFloor } = await import('../../../src/pipeline/model-facts')
    const facts = await readModelFacts(MODEL_DIR)
    expect(modelCardFloor(facts, 0.01)?.name).toBe('balanced')
    expect(modelCardFloor(facts, 0.05)?.name).toBe('sensitive')
    expect(modelCardFloor(facts, 0.2)?.name).toBe('sensitive')
    expect(modelCardFloor(facts, 0.005)?.name).toBe('strict')
    expect(modelCardFloor(facts, 0.0001)?.name).toBe('strict')
    expect(modelCardFloor(facts, 0.01)?.threshold).toBe(
      facts?.operatingPoints.find((o) => o.name === 'balanced')?.threshold
    )
    expect(modelCardFloor(null, 0.01)).toBeUndefined()
  })
})
