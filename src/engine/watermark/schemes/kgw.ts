/**
 * KGW red/green-list watermark detection (Kirchenbauer et al., ICML 2023; "Reliability", ICLR 2024).
 *
 * green(prefix, token) ⇔ token ∈ randperm(V, gen seeded from prefix)[0 : floor(Vγ)]
 * (legacy `select_green_tokens=False`: the LAST floor(Vγ) entries). CPU generator only (research §1.1).
 */
import { Mt19937 } from '../rng/mt19937'
import { randpermPrefix } from '../rng/randperm'
import { randpermPrefixInto, tokenInRandpermPrefix, tokensInRandpermPrefix } from '../rng/mt-kernels'
import {
  fixedHashTable,
  hfRawSeed,
  lmPrfKey,
  mtSeedFromPrfKey,
  type HfSeedingScheme,
  type LmSeedingScheme
} from './kgw-seeding'

interface KgwCommon {
  vocabSize: number
  gamma: number
  /** false = legacy mode: green is the last floor(Vγ) permutation entries. */
  selectGreenTokens: boolean
}

export type KgwConfig =
  | (KgwCommon & { convention: 'lm-watermarking'; scheme: LmSeedingScheme; tableSeed: bigint })
  | (KgwCommon & { convention: 'hf'; scheme: HfSeedingScheme; contextWidth: number; hashKey: bigint })

/** h: tokens of context the seed reads. */
export function kgwContextWidth(cfg: KgwConfig): number {
  return cfg.convention === 'hf' ? cfg.contextWidth : cfg.scheme.contextWidth
}

export function kgwSelfSalt(cfg: KgwConfig): boolean {
  return cfg.convention === 'hf' ? cfg.scheme === 'selfhash' : cfg.scheme.selfSalt
}

/** n-gram length the detector scores: h + 1 − self_salt. */
export function kgwNgramLength(cfg: KgwConfig): number {
  return kgwContextWidth(cfg) + 1 - (kgwSelfSalt(cfg) ? 1 : 0)
}

export function greenListSize(cfg: KgwCommon): number {
  return Math.floor(cfg.vocabSize * cfg.gamma) // Python int(V * gamma)
}

/** The Python-int PRF key for a prefix (before `% (2**64-1)`). */
export function kgwPrfKey(cfg: KgwConfig, prefix: readonly number[]): bigint {
  if (cfg.convention === 'hf') {
    return hfRawSeed(cfg.scheme, prefix, cfg.contextWidth, cfg.hashKey, fixedHashTable(cfg.hashKey))
  }
  return lmPrfKey(cfg.scheme, prefix, fixedHashTable(cfg.tableSeed))
}

/** The green list in permutation order (what `randperm(V)[:k]` returns), for tests and the UI. */
export function kgwGreenList(cfg: KgwConfig, prefix: readonly number[]): Int32Array {
  const gen = new Mt19937(mtSeedFromPrfKey(kgwPrfKey(cfg, prefix)))
  const k = greenListSize(cfg)
  if (cfg.selectGreenTokens) return randpermPrefix(gen, cfg.vocabSize, k)
  return randpermPrefix(gen, cfg.vocabSize, cfg.vocabSize).slice(cfg.vocabSize - k)
}

/**
 * Membership answers per (seed, token), kept across documents: common n-grams recur between essays of one
 * class. Keyed by seed·V + token (exact below 2^53); at most MAX_REMEMBERED answers per list configuration
 * (~10 MB). Two generations instead of a per-entry LRU: deleting a Map's oldest entry one at a time leaves
 * holes that `keys().next()` walks over again on every call, which made each document slower than the last
 * (10 ms → 90 ms per KGW profile after 1,000 essays). When the young generation is full, the old one is dropped.
 */
export const MAX_REMEMBERED = 200_000

export class Remembered {
  private young = new Map<number, boolean>()
  private old = new Map<number, boolean>()

  get(key: number): boolean | undefined {
    const hit = this.young.get(key)
    if (hit !== undefined) return hit
    const aged = this.old.get(key)
    if (aged !== undefined) this.set(key, aged)
    return aged
  }

  set(key: number, value: boolean): void {
    this.young.set(key, value)
    if (this.young.size >= MAX_REMEMBERED / 2) {
      this.old = this.young
      this.young = new Map()
    }
  }

  get size(): number {
    return this.young.size + this.old.size
  }
}

/**
 * Whole green lists per seed, kept across documents as bitsets (V bits: 6.3 kB for GPT-2) within
 * GREEN_LIST_BUDGET_BYTES per list configuration. A seed that comes back (a common previous token for
 * lefthash, a common token for a context-width-1 selfhash) is then answered for every target by a bit
 * lookup instead of ~V·γ generator draws. A seed gets its list when it comes back in a later document, or at
 * once when it has many targets in one: a list costs two to three times a single membership question.
 */
export const GREEN_LIST_BUDGET_BYTES = 24 * 1024 * 1024
/** How many seeds sighted once are remembered, to recognise a second sighting. */
const MAX_SIGHTED = 400_000
/** With at least this many targets in one document, a seed's whole list is computed at once. */
const TARGETS_FOR_A_LIST = 8

export class GreenLists {
  private young = new Map<number, Uint8Array>()
  private old = new Map<number, Uint8Array>()
  private sighted = new Set<number>()
  /** Lists per generation: two generations stay within the budget. */
  readonly perGeneration: number

  constructor(
    readonly cfg: KgwCommon,
    budgetBytes = GREEN_LIST_BUDGET_BYTES
  ) {
    this.perGeneration = Math.max(1, Math.floor(budgetBytes / 2 / Math.ceil(cfg.vocabSize / 8)))
  }

  /** The seed's green list as a bitset, computed when worth it (see above); null to ask per target. */
  get(mtSeed: number, targets: number): Uint8Array | null {
    const hit = this.young.get(mtSeed)
    if (hit) return hit
    const aged = this.old.get(mtSeed)
    if (aged) {
      this.put(mtSeed, aged)
      return aged
    }
    const seenBefore = this.sighted.has(mtSeed)
    if (!seenBefore && targets < TARGETS_FOR_A_LIST) {
      if (this.sighted.size >= MAX_SIGHTED) this.sighted.clear()
      this.sighted.add(mtSeed)
      return null
    }
    this.sighted.delete(mtSeed)
    const bits = greenBitset(mtSeed, this.cfg)
    this.put(mtSeed, bits)
    return bits
  }

  private put(mtSeed: number, bits: Uint8Array): void {
    this.young.set(mtSeed, bits)
    if (this.young.size >= this.perGeneration) {
      this.old = this.young
      this.young = new Map()
    }
  }

  get size(): number {
    return this.young.size + this.old.size
  }
}

let scratch = new Int32Array(0)

/** Bit t set ⇔ token t is green for this seed (same answers as greenForSeed, from the whole prefix). */
export function greenBitset(mtSeed: number, cfg: KgwCommon): Uint8Array {
  const n = cfg.vocabSize
  const k = greenListSize(cfg)
  if (scratch.length < n) scratch = new Int32Array(n)
  const bits = new Uint8Array(Math.ceil(n / 8))
  if (cfg.selectGreenTokens) {
    const green = randpermPrefixInto(mtSeed, n, k, scratch)
    for (let i = 0; i < green.length; i++) bits[green[i] >> 3] |= 1 << (green[i] & 7)
  } else {
    // legacy mode: green = the last k entries = all but the first V − k
    bits.fill(0xff)
    if (n % 8) bits[bits.length - 1] = (1 << (n % 8)) - 1
    const red = randpermPrefixInto(mtSeed, n, n - k, scratch)
    for (let i = 0; i < red.length; i++) bits[red[i] >> 3] &= ~(1 << (red[i] & 7))
  }
  return bits
}

const isSet = (bits: Uint8Array, t: number): boolean => (bits[t >> 3] & (1 << (t & 7))) !== 0

const remembered = new Map<string, Remembered>()
const greenLists = new Map<string, GreenLists>()

function configKey(cfg: KgwCommon): string {
  return `${cfg.vocabSize}:${cfg.gamma}:${cfg.selectGreenTokens}`
}

function rememberedFor(cfg: KgwCommon): Remembered {
  const key = configKey(cfg)
  let memory = remembered.get(key)
  if (!memory) {
    memory = new Remembered()
    remembered.set(key, memory)
  }
  return memory
}

function greenListsFor(cfg: KgwCommon): GreenLists {
  const key = configKey(cfg)
  let lists = greenLists.get(key)
  if (!lists) {
    lists = new GreenLists({
      vocabSize: cfg.vocabSize,
      gamma: cfg.gamma,
      selectGreenTokens: cfg.selectGreenTokens
    })
    greenLists.set(key, lists)
  }
  return lists
}

/** Drops the answers and green lists remembered across documents; the fixed hash tables stay. */
export function clearKgwCaches(): void {
  remembered.clear()
  greenLists.clear()
}

/** Green or not, for every target that shares one seed, in a single pass over the generator stream. */
function greenForSeed(mtSeed: number, cfg: KgwCommon, targets: readonly number[]): boolean[] {
  const k = greenListSize(cfg)
  const inRange = targets.map((t) => (t >= 0 && t < cfg.vocabSize ? t : 0))
  if (targets.length === 1) {
    // one target: following a single position is cheaper than the tracking table
    const t = inRange[0]
    const inPrefix = tokenInRandpermPrefix(
      mtSeed,
      cfg.vocabSize,
      cfg.selectGreenTokens ? k : cfg.vocabSize - k,
      t
    )
    return [(cfg.selectGreenTokens ? inPrefix : !inPrefix) && t === targets[0]]
  }
  if (cfg.selectGreenTokens) {
    const green = tokensInRandpermPrefix(mtSeed, cfg.vocabSize, k, inRange)
    return green.map((g, i) => g && inRange[i] === targets[i])
  }
  // legacy mode: green = the last k entries = not among the first V − k
  const notGreen = tokensInRandpermPrefix(mtSeed, cfg.vocabSize, cfg.vocabSize - k, inRange)
  return notGreen.map((g, i) => !g && inRange[i] === targets[i])
}

export interface KgwWindow {
  /** Index (in the BOS-stripped ids) of the scored token: the last of the n-gram. */
  tokenIndex: number
  green: boolean
  /** False for a repeat of an n-gram already counted (when repeats are ignored). */
  counted: boolean
}

export interface KgwScore {
  windows: KgwWindow[]
  /** T: tokens scored (distinct n-grams when repeats are ignored). */
  scored: number
  /** G: green tokens among them. */
  green: number
  /** Leading ids skipped (BOS) before the windows. */
  offset: number
}

export interface KgwScoreOptions {
  /** lm-watermarking README: "always run with True". HF's own detector never merges repeats (pitfall P7). */
  ignoreRepeatedNgrams: boolean
  /** A leading BOS is stripped by both reference detectors. */
  bosId?: number | null
}

/**
 * Scores every n-gram window (nltk-style, no padding) as lm-watermarking's `_score_ngrams_in_passage` and
 * `_get_green_at_T_booleans` do. Returns null when there are fewer than h + 1 tokens.
 */
export function kgwScoreIds(
  idsIn: readonly number[],
  cfg: KgwConfig,
  opts: KgwScoreOptions
): KgwScore | null {
  const offset = opts.bosId !== undefined && opts.bosId !== null && idsIn[0] === opts.bosId ? 1 : 0
  const ids = offset ? idsIn.slice(1) : idsIn
  const h = kgwContextWidth(cfg)
  if (ids.length - h < 1) return null
  const n = kgwNgramLength(cfg)
  const selfSalt = kgwSelfSalt(cfg)

  const distinct = new Map<string, { target: number; mtSeed: number }>()
  const keys: string[] = []
  for (let i = 0; i + n <= ids.length; i++) {
    const ngram = ids.slice(i, i + n)
    const key = ngram.join(',')
    keys.push(key)
    if (distinct.has(key)) continue
    const prefix = selfSalt ? ngram : ngram.slice(0, -1)
    const mtSeed = mtSeedFromPrfKey(kgwPrfKey(cfg, prefix))
    distinct.set(key, { target: ngram[n - 1], mtSeed })
  }
  // answer every distinct n-gram, one generator pass per distinct seed
  const greenByKey = new Map<string, boolean>()
  const memory = rememberedFor(cfg)
  const pendingBySeed = new Map<number, { key: string; target: number }[]>()
  for (const [key, entry] of distinct) {
    const inVocabulary = entry.target >= 0 && entry.target < cfg.vocabSize
    const known = inVocabulary ? memory.get(entry.mtSeed * cfg.vocabSize + entry.target) : undefined
    if (known !== undefined) {
      greenByKey.set(key, known)
      continue
    }
    const list = pendingBySeed.get(entry.mtSeed) ?? []
    list.push({ key, target: entry.target })
    pendingBySeed.set(entry.mtSeed, list)
  }
  const lists = greenListsFor(cfg)
  for (const [mtSeed, list] of pendingBySeed) {
    const bits = lists.get(mtSeed, list.length)
    if (bits) {
      for (const x of list)
        greenByKey.set(x.key, x.target >= 0 && x.target < cfg.vocabSize && isSet(bits, x.target))
      continue
    }
    const answers = greenForSeed(
      mtSeed,
      cfg,
      list.map((x) => x.target)
    )
    list.forEach((x, i) => {
      greenByKey.set(x.key, answers[i])
      if (x.target < 0 || x.target >= cfg.vocabSize) return // out of range: never green, not remembered
      memory.set(mtSeed * cfg.vocabSize + x.target, answers[i])
    })
  }

  const windows: KgwWindow[] = []
  const seen = new Set<string>()
  let scored = 0
  let green = 0
  keys.forEach((key, i) => {
    const isGreen = greenByKey.get(key) === true
    const counted = !opts.ignoreRepeatedNgrams || !seen.has(key)
    seen.add(key)
    if (counted) {
      scored++
      if (isGreen) green++
    }
    windows.push({ tokenIndex: i + n - 1, green: isGreen, counted })
  })
  return { windows, scored, green, offset }
}
