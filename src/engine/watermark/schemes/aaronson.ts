/**
 * Aaronson / Gumbel-max watermark as implemented by facebookresearch/three_bricks (`wm/detector.py`,
 * `OpenaiDetector`, seeding "hash"):
 *
 *   seed = 0; for i in ctx: seed = (seed · salt + i) % (2**64 − 1)     (Python ints)
 *   r = torch.rand(V, generator=cpu_gen.manual_seed(seed))              (float32)
 *   score for payload k = −ln(1 − r[(token + k) % V])                   (float32)
 *
 * Positions pos = ngram + 1 … len − 1 are scored (pos = ngram is skipped, as in the reference), with context
 * ids[pos − ngram : pos]. Scoring "v2" skips a repeated (context, token) tuple; "v1" a repeated context.
 */
import { u32ToFloat32Unit } from '../rng/mt19937'
import { mtOutputsAt } from '../rng/mt-kernels'
import { low32, pythonMod, TWO_POW_64_MINUS_1 } from '../rng/int64'

export interface AaronsonConfig {
  vocabSize: number
  ngram: number
  saltKey: bigint
  /** Initial value of the hash (three_bricks `--seed`, default 0). */
  seed: bigint
  scoring: 'none' | 'v1' | 'v2'
  /** Payloads 0 … payloadMax are tried (multi-bit); 0 = a plain zero-bit watermark. */
  payloadMax: number
}

export function aaronsonSeed(cfg: AaronsonConfig, context: readonly number[]): bigint {
  let seed = cfg.seed
  for (const id of context) seed = pythonMod(seed * cfg.saltKey + BigInt(id), TWO_POW_64_MINUS_1)
  return seed
}

/**
 * Raw generator outputs remembered across documents, keyed by (32-bit seed, stream position): a context and
 * token that recur between essays ("of the" + "same") skip re-seeding and ~V/624 twists. Two generations of at
 * most MAX_OUTPUTS / 2 entries each (~10 MB), the older dropped whole (see Remembered in kgw.ts for why).
 */
const MAX_OUTPUTS = 400_000
const POSITION_RANGE = 2 ** 20
let youngOutputs = new Map<number, number>()
let oldOutputs = new Map<number, number>()

function rememberedOutput(key: number): number | undefined {
  const hit = youngOutputs.get(key)
  if (hit !== undefined) return hit
  const aged = oldOutputs.get(key)
  if (aged !== undefined) rememberOutput(key, aged)
  return aged
}

function rememberOutput(key: number, value: number): void {
  youngOutputs.set(key, value)
  if (youngOutputs.size >= MAX_OUTPUTS / 2) {
    oldOutputs = youngOutputs
    youngOutputs = new Map()
  }
}

/** Forgets the generator outputs remembered across documents. */
export function clearAaronsonCache(): void {
  youngOutputs = new Map()
  oldOutputs = new Map()
}

/** The raw 32-bit outputs at `ascending` positions after seeding `seed32`, from memory where possible. */
function outputsAt(seed32: number, ascending: readonly number[], raw: number[]): void {
  const cacheable = ascending[ascending.length - 1] < POSITION_RANGE
  if (cacheable) {
    let all = true
    for (let i = 0; i < ascending.length; i++) {
      const value = rememberedOutput(seed32 * POSITION_RANGE + ascending[i])
      if (value === undefined) {
        all = false
        break
      }
      raw[i] = value
    }
    if (all) return
  }
  mtOutputsAt(seed32, ascending, raw)
  if (cacheable)
    for (let i = 0; i < ascending.length; i++) rememberOutput(seed32 * POSITION_RANGE + ascending[i], raw[i])
}

export interface AaronsonScoredToken {
  position: number
  /** One float32 score increment per payload. */
  increments: number[]
  /** r at the emitted token (payload 0): uniform under H0, near 1 when watermarked. */
  r: number
}

export interface AaronsonScore {
  tokens: AaronsonScoredToken[]
  /** Sequential float32 sums per payload (what scipy's gammaincc receives). */
  sums: number[]
}

export function aaronsonScoreIds(ids: readonly number[], cfg: AaronsonConfig): AaronsonScore {
  const payloads = cfg.payloadMax + 1
  const sums = new Array<number>(payloads).fill(0)
  const tokens: AaronsonScoredToken[] = []
  const seen = new Set<string>()
  const raw: number[] = []
  for (let pos = cfg.ngram + 1; pos < ids.length; pos++) {
    const context = ids.slice(pos - cfg.ngram, pos)
    const token = ids[pos]
    if (cfg.scoring !== 'none') {
      const key = cfg.scoring === 'v1' ? context.join(',') : `${context.join(',')}|${token}`
      if (seen.has(key)) continue
      seen.add(key)
    }
    const indices: number[] = []
    for (let k = 0; k < payloads; k++)
      indices.push((((token + k) % cfg.vocabSize) + cfg.vocabSize) % cfg.vocabSize)
    // r = torch.rand(V)[index]: the index-th float32 of the stream; draw only the positions needed, in order
    const ascending = [...new Set(indices)].sort((a, b) => a - b)
    outputsAt(low32(aaronsonSeed(cfg, context)), ascending, raw)
    const rs = indices.map((index) => u32ToFloat32Unit(raw[ascending.indexOf(index)]))
    const increments = rs.map((r) => Math.fround(-Math.log(Math.fround(1 - r))))
    for (let k = 0; k < payloads; k++) sums[k] = Math.fround(sums[k] + increments[k])
    tokens.push({ position: pos, increments, r: rs[0] })
  }
  return { tokens, sums }
}
