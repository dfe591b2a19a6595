/**
 * SynthID-Text g-values and masks (Dathathri et al., Nature 634:818–823, 2024), both open-source hashings:
 *
 *   accumulate_hash(h, data): for d in data: h = (h + d) · 6364136223846793005 + 1      (wrapping int64)
 *   ngram key per layer l: k_l = accumulate(accumulate(init, context ⧺ [token]), [key_l])
 *
 * Variant A ("hf": HF transformers, synthid-text ≤ v0.2): init = 1, g = table[k_l mod size] with
 *   table = torch.randint(0, 2, (size,), cpu_gen.manual_seed(table_seed)).
 * Variant B ("deepmind": synthid-text main since 2025-06-13): init = sha256(int64_LE(keys)) mod (2^63 − 1);
 *   12×: k = accumulate(k, [1]) >> 5 (arithmetic); g = (k >> 30) mod 2.
 */
import { i64FromBigInt, i64ModSmall, type I64 } from '../rng/int64'
import { torchRandintBits } from '../rng/mt19937'
import { int64LeBytes, sha256 } from '../rng/sha256'
import { BoundedCache } from '../cache'

export type SynthIdVariant = 'A-table' | 'B-hash'

export interface SynthIdConfig {
  variant: SynthIdVariant
  keys: bigint[]
  ngramLen: number
  contextHistorySize: number
  samplingTableSize: number
  samplingTableSeed: bigint
  eosId: number | null
}

// Hot path: the hash lives in a 2-word typed array (a module-level `let` holding values ≥ 2^30 would be a
// heap-allocated number on every write); every step is integer-only (no BigInt, no %).
const HL = new Uint32Array(2) // [hi, lo]
const C_HI = 0x5851f42d // 6364136223846793005 = 0x5851F42D_4C957F2D
const C_LO = 0x4c957f2d
const C0 = C_LO & 0xffff
const C1 = C_LO >>> 16

/** HL = (HL + (dHi,dLo)) · 6364136223846793005 + 1, wrapping at 64 bits. */
function accumulateStep(dHi: number, dLo: number): void {
  const sum = HL[1] + dLo
  const aLo = sum >>> 0
  const aHi = (HL[0] + dHi + (sum > 0xffffffff ? 1 : 0)) >>> 0
  // low word product in 16-bit pieces (each partial < 2^32, sums < 2^53)
  const a0 = aLo & 0xffff
  const a1 = aLo >>> 16
  const p00 = a0 * C0
  const p01 = a0 * C1
  const p10 = a1 * C0
  const p11 = a1 * C1
  const t = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff)
  const lo = (((t & 0xffff) << 16) | (p00 & 0xffff)) >>> 0
  const hiOfLow = p11 + (p01 >>> 16) + (p10 >>> 16) + (t >>> 16)
  const hi = (hiOfLow + Math.imul(aHi, C_LO) + Math.imul(aLo, C_HI)) >>> 0
  // + 1 (carry into hi only when lo wraps)
  HL[1] = lo + 1
  HL[0] = lo === 0xffffffff ? hi + 1 : hi
}

/** HL = HL >> 5 (arithmetic). */
function shiftRight5(): void {
  const hi = HL[0]
  HL[1] = (HL[1] >>> 5) | (hi << 27)
  HL[0] = (hi | 0) >> 5
}

function accumulateId(id: number): void {
  accumulateStep(Math.floor(id / 4294967296) >>> 0, id >>> 0)
}

/** Variant B hash init: int.from_bytes(sha256(int64_LE(keys)).digest(), 'big') % (2**63 − 1). */
export function synthIdHashInitB(keys: readonly bigint[]): bigint {
  const digest = sha256(int64LeBytes(keys))
  let value = 0n
  for (const byte of digest) value = (value << 8n) | BigInt(byte)
  return value % ((1n << 63n) - 1n)
}

const tables = new BoundedCache<{ table: Uint8Array; ones: number }>(64 * 1024 * 1024)

function cachedTable(size: number, seed: bigint): { table: Uint8Array; ones: number } {
  const key = `${size}:${seed}`
  const cached = tables.get(key)
  if (cached) return cached
  const table = torchRandintBits(seed, size)
  const entry = { table, ones: table.reduce((a, b) => a + b, 0) }
  tables.set(key, entry, table.byteLength)
  return entry
}

/** `torch.randint(0, 2, (size,), cpu_gen.manual_seed(seed))`, cached. */
export function synthIdSamplingTable(size: number, seed: bigint): Uint8Array {
  return cachedTable(size, seed).table
}

/** Share of ones in the sampling table (P(g = 1) for unrelated text under variant A). */
export function synthIdTableOnesShare(size: number, seed: bigint): number {
  const { table, ones } = cachedTable(size, seed)
  return ones / table.length
}

function hashInit(cfg: SynthIdConfig): I64 {
  return cfg.variant === 'A-table' ? { hi: 0, lo: 1 } : i64FromBigInt(synthIdHashInitB(cfg.keys))
}

export interface SynthIdGValues {
  /** Row t is the n-gram ending at token t + ngramLen − 1; one 0/1 per key (layer). */
  rows: Uint8Array[]
  /** Context hashes (hi,lo as a string key) of each row's context, for repetition masks. */
  contextKeys: string[]
}

/** `compute_g_values` and the context hashes `compute_context_repetition_mask` compares. */
export function synthIdGValues(ids: readonly number[], cfg: SynthIdConfig): SynthIdGValues {
  const init = hashInit(cfg)
  const keys = cfg.keys.map(i64FromBigInt)
  const table =
    cfg.variant === 'A-table' ? synthIdSamplingTable(cfg.samplingTableSize, cfg.samplingTableSeed) : null
  const powerOfTwo = (cfg.samplingTableSize & (cfg.samplingTableSize - 1)) === 0
  const rows: Uint8Array[] = []
  const contextKeys: string[] = []
  const remainder: I64 = { hi: 0, lo: 0 }
  for (let t = 0; t + cfg.ngramLen <= ids.length; t++) {
    HL[0] = init.hi
    HL[1] = init.lo
    for (let j = 0; j < cfg.ngramLen - 1; j++) accumulateId(ids[t + j])
    contextKeys.push(`${HL[0]},${HL[1]}`)
    accumulateId(ids[t + cfg.ngramLen - 1])
    const ngramHi = HL[0]
    const ngramLo = HL[1]
    const row = new Uint8Array(keys.length)
    for (let l = 0; l < keys.length; l++) {
      HL[0] = ngramHi
      HL[1] = ngramLo
      accumulateStep(keys[l].hi, keys[l].lo)
      if (table) {
        if (powerOfTwo) {
          row[l] = table[HL[1] & (cfg.samplingTableSize - 1)]
        } else {
          remainder.hi = HL[0]
          remainder.lo = HL[1]
          row[l] = table[i64ModSmall(remainder, cfg.samplingTableSize)]
        }
      } else {
        for (let round = 0; round < 12; round++) {
          accumulateStep(0, 1)
          shiftRight5()
        }
        // (k >> 30) % 2 with Python semantics = bit 30 of k
        row[l] = (HL[1] >>> 30) & 1
      }
    }
    rows.push(row)
  }
  return { rows, contextKeys }
}

/**
 * The reference mask: context-repetition mask (history of the last `contextHistorySize` context hashes,
 * zero-filled at the start, newest first) times the EOS mask sliced [ngramLen − 1 :].
 */
export function synthIdMasks(
  ids: readonly number[],
  g: SynthIdGValues,
  cfg: SynthIdConfig
): { repetition: Uint8Array; eos: Uint8Array; mask: Uint8Array } {
  const count = g.rows.length
  const repetition = new Uint8Array(count)
  const history: string[] = new Array<string>(cfg.contextHistorySize).fill('0,0')
  const inHistory = new Map<string, number>([['0,0', cfg.contextHistorySize]])
  let oldest = 0 // ring buffer: history[oldest] is the entry dropped next
  for (let t = 0; t < count; t++) {
    const key = g.contextKeys[t]
    repetition[t] = (inHistory.get(key) ?? 0) > 0 ? 0 : 1
    const dropped = history[oldest]
    inHistory.set(dropped, (inHistory.get(dropped) ?? 1) - 1)
    history[oldest] = key
    inHistory.set(key, (inHistory.get(key) ?? 0) + 1)
    oldest = (oldest + 1) % cfg.contextHistorySize
  }
  const eos = new Uint8Array(count)
  const firstEos = cfg.eosId === null ? -1 : ids.indexOf(cfg.eosId)
  for (let t = 0; t < count; t++) {
    const tokenIndex = t + cfg.ngramLen - 1
    eos[t] = firstEos === -1 || tokenIndex < firstEos ? 1 : 0
  }
  const mask = new Uint8Array(count)
  for (let t = 0; t < count; t++) mask[t] = repetition[t] & eos[t]
  return { repetition, eos, mask }
}

/** `detector_mean` weights: linspace(10, 1, depth) rescaled to sum to depth. */
export function synthIdWeights(depth: number): number[] {
  const raw = Array.from({ length: depth }, (_, i) => (depth === 1 ? 10 : 10 + ((1 - 10) * i) / (depth - 1)))
  const total = raw.reduce((a, b) => a + b, 0)
  return raw.map((w) => (w * depth) / total)
}

export interface SynthIdCounts {
  numUnmasked: number
  onesPerLayer: number[]
  onesTotal: number
  meanScore: number
  weightedMeanScore: number
}

/** Mean and weighted-mean scores of `detector_mean.py` over the unmasked rows. */
export function synthIdScores(rows: readonly Uint8Array[], mask: Uint8Array, depth: number): SynthIdCounts {
  const onesPerLayer = new Array<number>(depth).fill(0)
  let numUnmasked = 0
  rows.forEach((row, t) => {
    if (!mask[t]) return
    numUnmasked++
    for (let l = 0; l < depth; l++) onesPerLayer[l] += row[l]
  })
  const onesTotal = onesPerLayer.reduce((a, b) => a + b, 0)
  const weights = synthIdWeights(depth)
  const weighted = onesPerLayer.reduce((acc, ones, l) => acc + weights[l] * ones, 0)
  return {
    numUnmasked,
    onesPerLayer,
    onesTotal,
    meanScore: onesTotal / (depth * numUnmasked),
    weightedMeanScore: weighted / (depth * numUnmasked)
  }
}
