import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calibrate } from '../../../../src/engine/detector/calibrate'
import { featurize } from '../../../../src/engine/detector/featurize'
import { normalise } from '../../../../src/engine/detector/normalise'
import { loadDetector, type Detector } from '../../../../src/pipeline/detector'

interface GoldenCase {
  name: string
  text: string
  indices: number[]
  values: number[]
  logit: number
  docProbability: number
}
const golden = JSON.parse(
  readFileSync(resolve('test/unit/engine/detector/golden/featurizer-golden.json'), 'utf8')
) as {
  modelSha256: string
  cases: GoldenCase[]
}

let detector: Detector
beforeAll(async () => {
  detector = await loadDetector()
})
afterAll(async () => detector.close())

describe('golden vectors: the TS featurizer reproduces exactly what training consumed', () => {
  it('were produced by the shipped model', () => {
    expect(golden.cases.length).toBeGreaterThanOrEqual(8)
    expect(golden.modelSha256).toBe(detector.card.sha256)
  })

  for (const c of golden.cases) {
    it(`featurizes "${c.name}" identically`, () => {
      const f = featurize(normalise(c.text).text)
      expect(Array.from(f.vector.indices)).toEqual(c.indices)
      const values = Array.from(f.vector.values)
      values.forEach((v, i) => expect(v).toBeCloseTo(c.values[i] ?? NaN, 6))
    })

    it(`scores "${c.name}" with the training-time logit`, async () => {
      const f = featurize(normalise(c.text).text)
      const out = await detector.scoreVector(f.vector)
      expect(Math.abs(out.logit - c.logit)).toBeLessThan(1e-4)
      const p = calibrate(out.logit, detector.card.calibration.document).probability
      expect(Math.abs(p - c.docProbability)).toBeLessThan(1e-4)
    })
  }
})
