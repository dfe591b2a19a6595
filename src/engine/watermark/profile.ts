/**
 * Watermark provider profiles: one named hypothesis each (scheme + key + tokenizer + conventions).
 * The JSON shape is described by resources/profiles/profile.schema.json; `validateProfile` (profile-validate.ts)
 * checks it by hand so school-imported profiles get readable errors without a schema library.
 *
 * Integers that can exceed 2^53 (keys, seeds) are decimal strings; small ones may be JSON numbers.
 */

export type WatermarkScheme = 'kgw' | 'unigram' | 'aaronson' | 'synthid'

export type IntegerString = string

export interface ProfileTokenizer {
  /** Registry id, e.g. "gpt2" (r50k_base), "llama" (LLaMA-1/2 SentencePiece), "gemma", "opt". */
  id: string
  /** V as the GENERATING code used it (e.g. OPT: config 50272, not len(get_vocab()) 50265). */
  vocabSize: number
  /** A leading BOS id the reference detector strips (text encodings here never add one). */
  bosId?: number | null
}

export interface ProfileProvenance {
  /** Repository or publication the conventions come from. */
  source: string
  commit?: string
  files?: string[]
  notes?: string
}

export interface KgwLmParams {
  convention: 'lm-watermarking'
  /** simple_1 | lefthash | selfhash | algorithm-3 | minhash | skipgram | ff-<prf>-<h>-<True|False>[-<key>] */
  seedingScheme: string
  /** Overrides the scheme's hash key (default 15485863). */
  hashKey?: IntegerString
  gamma: number
  /** Fixed hash table seed; lm-watermarking uses 2971215073. */
  fixedTableSeed?: IntegerString
  /** false = legacy mode (green = last floor(Vγ) entries). Default true. */
  selectGreenTokens?: boolean
}

export interface KgwHfParams {
  convention: 'hf'
  seedingScheme: 'lefthash' | 'selfhash'
  contextWidth: number
  hashKey: IntegerString
  /** HF greenlist_ratio. */
  gamma: number
}

export interface UnigramParams {
  key: IntegerString
  fraction: number
}

export interface AaronsonParams {
  seeding: 'hash'
  ngram: number
  saltKey: IntegerString
  /** Initial hash value (three_bricks --seed). */
  seed: IntegerString
  /** v1: unique contexts; v2: unique (context, token). Repeats are never scored twice (H0 needs it). */
  scoring: 'v1' | 'v2'
  /** Payloads 0…payloadMax tried; the p-value is corrected for the search. */
  payloadMax: number
}

export interface SynthIdParams {
  variant: 'A-table' | 'B-hash'
  keys: IntegerString[]
  ngramLen: number
  contextHistorySize: number
  /** Variant A only. */
  samplingTableSize?: number
  samplingTableSeed?: IntegerString
  eosId?: number | null
  /** mean → exact binomial p-value; weighted-mean → normal approximation. */
  score: 'mean' | 'weighted-mean'
}

interface ProfileBase {
  id: string
  name: string
  description?: string
  /** True for the reference implementations' published default keys; false for a real (e.g. school) key. */
  publicDefaultKey: boolean
  /** Human label of the key ("lm-watermarking default key 15485863", "District-2026"). */
  keyLabel: string
  tokenizer: ProfileTokenizer
  /** Only CPU-generator conventions are implemented; GPU-generated text has different lists. */
  device: 'cpu'
  /** Below this many distinct scored tokens the result is "too short". Default 50. */
  minScoredTokens?: number
  provenance: ProfileProvenance
  enabled?: boolean
}

export type WatermarkProfile =
  | (ProfileBase & { scheme: 'kgw'; params: KgwLmParams | KgwHfParams })
  | (ProfileBase & { scheme: 'unigram'; params: UnigramParams })
  | (ProfileBase & { scheme: 'aaronson'; params: AaronsonParams })
  | (ProfileBase & { scheme: 'synthid'; params: SynthIdParams })

export const DEFAULT_MIN_SCORED_TOKENS = 50
