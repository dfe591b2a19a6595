import { describe, expect, it } from 'vitest'
import {
  GreenLists,
  greenBitset,
  greenListSize,
  MAX_REMEMBERED,
  Remembered
} from '../../../../src/engine/watermark/schemes/kgw'
import {
  aaronsonScoreIds,
  clearWatermarkCaches,
  isInRandpermPrefix,
  Mt19937
} from '../../../../src/engine/watermark'

describe('KGW answers remembered across documents', () => {
  it('stay within MAX_REMEMBERED however many documents pass, keeping the most recent answers', () => {
    const memory = new Remembered()
    const total = MAX_REMEMBERED * 3 + 17
    for (let key = 0; key < total; key++) memory.set(key * 50257 + 11, key % 3 === 0)
    expect(memory.size).toBeLessThanOrEqual(MAX_REMEMBERED)
    expect(memory.size).toBeGreaterThanOrEqual(MAX_REMEMBERED / 2)
    const last = total - 1
    expect(memory.get(last * 50257 + 11)).toBe(last % 3 === 0)
    expect(memory.get(0 * 50257 + 11)).toBeUndefined()
  })

  it('keeps an answer that is still in use when its generation ages out, and forgets one that is not', () => {
    const memory = new Remembered()
    const fill = (from: number): void => {
      for (let key = from; key < from + MAX_REMEMBERED / 2; key++) memory.set(key, false)
    }
    memory.set(42, true)
    fill(1_000_000) // the young generation fills up and becomes the old one, 42 with it
    expect(memory.get(42)).toBe(true) // used: moved back to the young side
    fill(2_000_000)
    expect(memory.get(42)).toBe(true)
    fill(3_000_000)
    fill(4_000_000)
    expect(memory.get(42)).toBeUndefined() // two generations without use: forgotten
  })
})

describe('KGW green lists remembered across documents', () => {
  const cfg = { vocabSize: 50257, gamma: 0.25, selectGreenTokens: true }

  it('answer exactly as the single-token walk of randperm does, in both green-list conventions', () => {
    for (const selectGreenTokens of [true, false]) {
      const c = { ...cfg, selectGreenTokens }
      const k = greenListSize(c)
      for (const seed of [0, 1, 15485863, 2971215073, 4294967295]) {
        const bits = greenBitset(seed, c)
        let green = 0
        for (let t = 0; t < c.vocabSize; t++) if (bits[t >> 3] & (1 << (t & 7))) green++
        expect(green).toBe(k)
        for (const t of [0, 1, 11, 262, 13, 50256, 31337]) {
          const inPrefix = isInRandpermPrefix(
            new Mt19937(seed),
            c.vocabSize,
            selectGreenTokens ? k : c.vocabSize - k,
            t
          )
          expect((bits[t >> 3] & (1 << (t & 7))) !== 0, `${seed} ${t}`).toBe(
            selectGreenTokens ? inPrefix : !inPrefix
          )
        }
      }
    }
  })

  it('compute a list for a seed that comes back, and stay within their memory budget', () => {
    const budget = 64 * 1024
    const lists = new GreenLists(cfg, budget)
    expect(lists.get(7, 1)).toBeNull() // first sighting with one target: asked per target
    expect(lists.get(7, 1)).not.toBeNull() // it came back: its whole list
    expect(lists.get(8, 20)).not.toBeNull() // many targets at once: a list straight away
    for (let seed = 100; seed < 200; seed++) lists.get(seed, 50)
    expect(lists.size * Math.ceil(cfg.vocabSize / 8)).toBeLessThanOrEqual(budget)
    expect(lists.size).toBeGreaterThan(0)
  })
})

describe('Aaronson generator outputs remembered across documents', () => {
  it('give the same scores as a cold start, for repeated and new contexts', () => {
    const cfg = {
      vocabSize: 32000,
      ngram: 2,
      saltKey: 35317n,
      seed: 0n,
      scoring: 'v2' as const,
      payloadMax: 4
    }
    let x = 3
    const doc = (): number[] =>
      Array.from({ length: 400 }, () => {
        x = (x * 1103515245 + 12345) % 2147483648
        return [29871, 278, 310, 13, 31999, x % 32000][x % 6] as number
      })
    const docs = [doc(), doc(), doc()]
    clearWatermarkCaches()
    const cold = docs.map((ids) => {
      clearWatermarkCaches()
      return aaronsonScoreIds(ids, cfg)
    })
    clearWatermarkCaches()
    const warm = [...docs, ...docs].map((ids) => aaronsonScoreIds(ids, cfg))
    expect(warm).toEqual([...cold, ...cold])
  })
})
