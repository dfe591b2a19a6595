import { describe, expect, it } from 'vitest'
import { MAX_REMEMBERED, Remembered } from '../../../src/engine/watermark/schemes/kgw'

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
