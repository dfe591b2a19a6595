import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  Mt19937,
  torchRandAt,
  randpermPrefix,
  isInRandpermPrefix,
  seedAfterMod,
  low32,
  pythonMod,
  i64FromBigInt,
  i64ToBigInt,
  addTo,
  mulBy,
  shiftRightArithmetic,
  i64ModSmall,
  sha256,
  int64LeBytes,
  gammaIncUpper,
  gammaIncLower,
  logGamma,
  normalSf,
  logNormalSf,
  normalPpf,
  binomialSf,
  logBinomialSf,
  hypergeometricSf,
  holmAdjust,
  payloadCorrectedPValue
} from '../../../../src/engine/watermark'
import {
  mtOutputsAt,
  randpermPrefixInto,
  tokenInRandpermPrefix,
  tokensInRandpermPrefix
} from '../../../../src/engine/watermark/rng/mt-kernels'
import { expectRel } from './vectors'
import { mulberry32 } from '../../../../src/engine/calibration/sample'

const rng = mulberry32

describe('torch CPU generator (MT19937)', () => {
  it('matches the C++ standard: mt19937(5489), 10000th output = 4123659995', () => {
    const g = new Mt19937(5489)
    let x = 0
    for (let i = 0; i < 10000; i++) x = g.nextU32()
    expect(x).toBe(4123659995)
  })

  it('torch.manual_seed(0); torch.rand(5) = 0.4963, 0.7682, 0.0885, 0.1320, 0.3074 (float32)', () => {
    const r = torchRandAt(new Mt19937(0), [0, 1, 2, 3, 4])
    expect(r.map((x) => Number(x.toFixed(4)))).toEqual([0.4963, 0.7682, 0.0885, 0.132, 0.3074])
    for (const x of r) expect(Math.fround(x)).toBe(x)
  })

  it('uses only the low 32 bits of a seed', () => {
    const a = new Mt19937(2n ** 40n + 7n).nextU32()
    expect(a).toBe(new Mt19937(7).nextU32())
  })

  it('fast kernels agree with the reference class', () => {
    const next = rng(1)
    const scratch = new Int32Array(2000)
    for (let trial = 0; trial < 200; trial++) {
      const seed = Math.floor(next() * 2 ** 32)
      const n = 2 + Math.floor(next() * 1500)
      const k = 1 + Math.floor(next() * (n - 1))
      const token = Math.floor(next() * n)
      expect(tokenInRandpermPrefix(seed, n, k, token)).toBe(
        isInRandpermPrefix(new Mt19937(seed), n, k, token)
      )
      expect(Array.from(randpermPrefixInto(seed, n, k, scratch))).toEqual(
        Array.from(randpermPrefix(new Mt19937(seed), n, k))
      )
      const positions = [0, 5, 623, 624, 1500, Math.floor(next() * 40000)].sort((a, b) => a - b)
      const raw: number[] = []
      mtOutputsAt(seed, positions, raw)
      const g = new Mt19937(seed)
      const all: number[] = []
      for (let i = 0; i <= positions[positions.length - 1]; i++) all.push(g.nextU32())
      expect(raw).toEqual(positions.map((p) => all[p]))
    }
  })

  it('the multi-token kernel answers like one walk per token (duplicates, k = n − 1, k = n)', () => {
    const next = rng(3)
    for (let trial = 0; trial < 150; trial++) {
      const seed = Math.floor(next() * 2 ** 32)
      const n = 2 + Math.floor(next() * 800)
      const k = trial % 10 === 0 ? n : trial % 10 === 1 ? n - 1 : 1 + Math.floor(next() * (n - 1))
      const tokens = Array.from({ length: 1 + Math.floor(next() * 12) }, () => Math.floor(next() * n))
      if (tokens.length > 2) tokens.push(tokens[0])
      const expected = tokens.map((t) => isInRandpermPrefix(new Mt19937(seed), n, k, t))
      expect(tokensInRandpermPrefix(seed, n, k, tokens)).toEqual(expected)
    }
  })

  it('randperm(n) is a permutation and isInRandpermPrefix agrees with it', () => {
    const perm = randpermPrefix(new Mt19937(42), 100, 100)
    expect([...perm].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i))
    const green = new Set(perm.slice(0, 25))
    for (let t = 0; t < 100; t++) expect(isInRandpermPrefix(new Mt19937(42), 100, 25, t)).toBe(green.has(t))
  })
})

describe('int64 and Python-integer semantics', () => {
  it("Python % (2**64 - 1) of a negative key is not its two's complement (research §1.3)", () => {
    const seed = seedAfterMod(-3189444293141359729n)
    expect(seed).toBe(15257299780568191886n)
    expect(low32(seed)).toBe(1416205198)
    expect(pythonMod(-7n, 3n)).toBe(2n)
  })

  it('hi/lo pair arithmetic equals BigInt wrap-around', () => {
    const next = rng(7)
    const rand64 = (): bigint =>
      BigInt.asIntN(64, (BigInt(Math.floor(next() * 2 ** 32)) << 32n) | BigInt(Math.floor(next() * 2 ** 32)))
    for (let i = 0; i < 2000; i++) {
      const a = rand64()
      const b = rand64()
      const x = i64FromBigInt(a)
      const y = i64FromBigInt(b)
      addTo(x, y.hi, y.lo)
      expect(i64ToBigInt(x)).toBe(BigInt.asIntN(64, a + b))
      const m = i64FromBigInt(a)
      mulBy(m, y.hi, y.lo)
      expect(i64ToBigInt(m)).toBe(BigInt.asIntN(64, a * b))
      const s = i64FromBigInt(a)
      shiftRightArithmetic(s, 5)
      expect(i64ToBigInt(s)).toBe(a >> 5n)
      expect(i64ModSmall(i64FromBigInt(a), 1000003)).toBe(Number(pythonMod(a, 1000003n)))
    }
  })

  it('sha256 matches node:crypto', () => {
    for (const input of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(200)]) {
      const bytes = new TextEncoder().encode(input)
      expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(
        createHash('sha256').update(bytes).digest('hex')
      )
    }
    expect(Array.from(int64LeBytes([-1n]))).toEqual([255, 255, 255, 255, 255, 255, 255, 255])
  })
})

describe('special functions and tests', () => {
  it('logGamma matches known values', () => {
    expectRel(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14)
    expectRel(logGamma(10), Math.log(362880), 1e-14)
    expectRel(logGamma(171), 706.5730622457874, 1e-14)
  })

  it('P + Q = 1 and Q(1, x) = e^-x', () => {
    for (const [a, x] of [
      [1, 0.5],
      [3, 2],
      [50, 49],
      [200, 230],
      [0.5, 3]
    ]) {
      expect(gammaIncUpper(a, x) + gammaIncLower(a, x)).toBeCloseTo(1, 14)
    }
    expectRel(gammaIncUpper(1, 3.7), Math.exp(-3.7), 1e-14)
  })

  it('normal tail: Φc(0) = ½, Φc(1.96) ≈ 0.024997895, far tail in log space', () => {
    expectRel(normalSf(0), 0.5, 1e-15)
    expectRel(normalSf(1.959963984540054), 0.025, 1e-12)
    expectRel(normalSf(-1.959963984540054), 0.975, 1e-14)
    expect(logNormalSf(40)).toBeCloseTo(-804.6084420137538, 8)
    expectRel(normalPpf(0.975), 1.959963984540054, 1e-13)
    expectRel(normalPpf(1e-10), -6.361340902404056, 1e-12)
  })

  it('binomial tail: exact values and no underflow', () => {
    expectRel(binomialSf(3, 3, 0.5), 0.125, 1e-14)
    expectRel(binomialSf(2, 3, 0.5), 0.5, 1e-14)
    expect(binomialSf(0, 10, 0.3)).toBe(1)
    // P(X ≥ 5000 | n = 5000, p = ¼) = ¼^5000, far below double range: still finite in log space
    expectRel(logBinomialSf(5000, 5000, 0.25), 5000 * Math.log(0.25), 1e-12)
    expectRel(hypergeometricSf(2, 4, 2, 2), 1 / 6, 1e-14)
  })

  it('Holm step-down adjustment', () => {
    expect(holmAdjust([0.01, 0.04, 0.03, null])).toEqual([0.03, 0.06, 0.06, null])
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1])
    const adj = holmAdjust([1e-8, 0.2])
    expect(adj[0]).toBeCloseTo(2e-8, 20)
    expect(adj[1]).toBe(0.2)
  })

  it('three_bricks payload correction', () => {
    expectRel(payloadCorrectedPValue(1e-6, 5), 5e-6, 1e-15)
    expectRel(payloadCorrectedPValue(0.1, 5), 1 - 0.9 ** 5, 1e-15)
    expect(payloadCorrectedPValue(0.3, 1)).toBe(0.3)
  })
})
