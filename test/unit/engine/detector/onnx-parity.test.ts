import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { featurize, INPUT_DIM, STYLE_OFFSET } from '../../../../src/engine/detector/featurize'
import { normalise } from '../../../../src/engine/detector/normalise'
import { characterContributions } from '../../../../src/engine/detector/explain'
import { loadDetector, type Detector } from '../../../../src/pipeline/detector'
import { ONNX_PATH, readOnnxInitializers } from './helpers'

const TEXTS = [
  'Technology has changed how students learn. In my opinion, phones help more than they hurt, but only if teachers set rules.',
  'In conclusion, it is important to note that renewable energy offers numerous benefits, fostering sustainable growth and ensuring a brighter future for generations to come.',
  'My grandpa used to say the river remembers everything. We went fishing there every summer until the mill closed down.'
]

let detector: Detector
beforeAll(async () => {
  detector = await loadDetector()
})
afterAll(async () => detector.close())

describe('ONNX graph equals a pure-TS recomputation of the linear model', () => {
  const init = readOnnxInitializers(ONNX_PATH)
  const W = init.get('W')
  const bias = init.get('bias')?.[0] ?? NaN

  it('has the weight vector for the whole feature space', () => {
    expect(W?.length).toBe(INPUT_DIM)
    expect(Number.isFinite(bias)).toBe(true)
  })

  for (const text of TEXTS) {
    it(`matches within 1e-5: "${text.slice(0, 30)}…"`, async () => {
      const f = featurize(normalise(text).text)
      let logit = bias
      f.vector.indices.forEach((idx, j) => {
        logit += (W?.[idx] ?? NaN) * (f.vector.values[j] ?? 0)
      })
      const out = await detector.scoreVector(f.vector)
      expect(Math.abs(out.logit - logit)).toBeLessThan(1e-5)
      f.vector.indices.forEach((idx, j) => {
        expect(out.contrib[j]).toBeCloseTo((W?.[idx] ?? NaN) * (f.vector.values[j] ?? 0), 6)
      })
    })
  }

  it('explanations distribute exactly the hashed part of the logit over characters', async () => {
    const norm = normalise(TEXTS[1] ?? '')
    const f = featurize(norm.text)
    const out = await detector.scoreVector(f.vector)
    let hashed = 0
    f.vector.indices.forEach((idx, j) => {
      if (idx < STYLE_OFFSET) hashed += out.contrib[j] ?? 0
    })
    const perChar = characterContributions(norm.text, f.vector, out.contrib)
    const total = perChar.reduce((a, b) => a + b, 0)
    expect(Math.abs(total - hashed)).toBeLessThan(1e-4)
  })
})
