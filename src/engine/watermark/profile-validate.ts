/**
 * Hand-written validation of watermark profile JSON (no schema library): every problem is reported with its
 * path, so a school importing its own key sees exactly what to fix. Accepts and refuses exactly what
 * resources/profiles/profile.schema.json does (test/unit/engine/watermark/profile-schema.test.ts), plus the int64
 * range of keys and seeds, which a schema pattern cannot state.
 */
import { lookupLmSeedingScheme } from './schemes/kgw-seeding'
import type { WatermarkProfile } from './profile'

export type ProfileValidation = { ok: true; profile: WatermarkProfile } | { ok: false; errors: string[] }

type Json = Record<string, unknown>

const INT64_MIN = -(1n << 63n)
const INT64_MAX = (1n << 63n) - 1n

class Checker {
  readonly errors: string[] = []

  object(value: unknown, path: string): Json | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json
    this.errors.push(`${path} must be an object`)
    return null
  }

  string(obj: Json, key: string, path: string, optional = false): void {
    const v = obj[key]
    if (v === undefined && optional) return
    if (typeof v !== 'string' || v.trim() === '')
      this.errors.push(`${path}.${key} must be a non-empty string`)
  }

  boolean(obj: Json, key: string, path: string, optional = false): void {
    const v = obj[key]
    if (v === undefined && optional) return
    if (typeof v !== 'boolean') this.errors.push(`${path}.${key} must be true or false`)
  }

  integer(obj: Json, key: string, path: string, min: number, max: number, optional = false): void {
    const v = obj[key]
    if (v === undefined && optional) return
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.errors.push(`${path}.${key} must be an integer between ${min} and ${max}`)
    }
  }

  fraction(obj: Json, key: string, path: string): void {
    const v = obj[key]
    if (typeof v !== 'number' || !(v > 0 && v < 1))
      this.errors.push(`${path}.${key} must be a number between 0 and 1`)
  }

  /** An int64 key or seed: a decimal string, or a JSON safe integer. */
  int64(value: unknown, path: string, nonNegative = false, optional = false): void {
    if (value === undefined && optional) return
    let parsed: bigint | null = null
    // A non-negative value is written without a sign ("-0" is refused, as the schema's pattern does).
    if (typeof value === 'string' && (nonNegative ? /^\d+$/ : /^-?\d+$/).test(value)) parsed = BigInt(value)
    if (typeof value === 'number' && Number.isSafeInteger(value)) parsed = BigInt(value)
    if (parsed === null || parsed < INT64_MIN || parsed > INT64_MAX || (nonNegative && parsed < 0n)) {
      this.errors.push(
        `${path} must be ${nonNegative ? 'a non-negative' : 'an'} int64 integer (a decimal string for large values)`
      )
    }
  }

  oneOf(obj: Json, key: string, path: string, allowed: readonly string[]): void {
    if (!allowed.includes(obj[key] as string))
      this.errors.push(`${path}.${key} must be one of: ${allowed.join(', ')}`)
  }
}

function checkKgw(c: Checker, p: Json): void {
  c.oneOf(p, 'convention', 'params', ['lm-watermarking', 'hf'])
  c.fraction(p, 'gamma', 'params')
  if (p.convention === 'lm-watermarking') {
    if (typeof p.seedingScheme !== 'string' || lookupLmSeedingScheme(p.seedingScheme) === null) {
      c.errors.push(
        'params.seedingScheme must be simple_1, lefthash, selfhash, algorithm-3, minhash, skipgram or ff-…'
      )
    }
    c.int64(p.hashKey, 'params.hashKey', false, true)
    c.int64(p.fixedTableSeed, 'params.fixedTableSeed', true, true)
    c.boolean(p, 'selectGreenTokens', 'params', true)
  } else if (p.convention === 'hf') {
    c.oneOf(p, 'seedingScheme', 'params', ['lefthash', 'selfhash'])
    c.integer(p, 'contextWidth', 'params', 1, 64)
    c.int64(p.hashKey, 'params.hashKey')
  }
}

function checkUnigram(c: Checker, p: Json): void {
  c.int64(p.key, 'params.key')
  c.fraction(p, 'fraction', 'params')
}

function checkAaronson(c: Checker, p: Json): void {
  c.oneOf(p, 'seeding', 'params', ['hash'])
  c.integer(p, 'ngram', 'params', 1, 64)
  c.int64(p.saltKey, 'params.saltKey', true)
  c.int64(p.seed, 'params.seed', true)
  c.oneOf(p, 'scoring', 'params', ['v1', 'v2'])
  c.integer(p, 'payloadMax', 'params', 0, 1024)
}

function checkSynthId(c: Checker, p: Json): void {
  c.oneOf(p, 'variant', 'params', ['A-table', 'B-hash'])
  if (!Array.isArray(p.keys) || p.keys.length === 0) c.errors.push('params.keys must be a non-empty array')
  else p.keys.forEach((k, i) => c.int64(k, `params.keys[${i}]`))
  c.integer(p, 'ngramLen', 'params', 2, 64)
  c.integer(p, 'contextHistorySize', 'params', 1, 1_000_000)
  // The sampling table is required by the table variant, and checked whenever it is given.
  const table = p.variant === 'A-table'
  c.integer(p, 'samplingTableSize', 'params', 2, 2 ** 24, !table)
  c.int64(p.samplingTableSeed, 'params.samplingTableSeed', true, !table)
  if (p.eosId !== undefined && p.eosId !== null) c.integer(p, 'eosId', 'params', 0, 2 ** 31 - 1)
  c.oneOf(p, 'score', 'params', ['mean', 'weighted-mean'])
}

export function validateProfile(json: unknown): ProfileValidation {
  const c = new Checker()
  const root = c.object(json, 'profile')
  if (!root) return { ok: false, errors: c.errors }
  c.string(root, 'id', 'profile')
  if (typeof root.id === 'string' && !/^[a-z0-9][a-z0-9._-]*$/.test(root.id)) {
    c.errors.push('profile.id may only use lower-case letters, digits, ".", "_" and "-"')
  }
  if (typeof root.id === 'string' && root.id.length > 100)
    c.errors.push('profile.id must be at most 100 characters long')
  c.string(root, 'name', 'profile')
  c.string(root, 'description', 'profile', true)
  c.string(root, 'keyLabel', 'profile')
  c.boolean(root, 'publicDefaultKey', 'profile')
  c.boolean(root, 'enabled', 'profile', true)
  c.oneOf(root, 'scheme', 'profile', ['kgw', 'unigram', 'aaronson', 'synthid'])
  if (root.device !== 'cpu')
    c.errors.push('profile.device must be "cpu" (GPU-generator conventions are not supported)')
  c.integer(root, 'minScoredTokens', 'profile', 1, 100_000, true)
  const tokenizer = c.object(root.tokenizer, 'profile.tokenizer')
  if (tokenizer) {
    c.string(tokenizer, 'id', 'profile.tokenizer')
    c.integer(tokenizer, 'vocabSize', 'profile.tokenizer', 2, 2 ** 24)
    if (tokenizer.bosId !== undefined && tokenizer.bosId !== null)
      c.integer(tokenizer, 'bosId', 'profile.tokenizer', 0, 2 ** 24)
  }
  const provenance = c.object(root.provenance, 'profile.provenance')
  if (provenance) {
    c.string(provenance, 'source', 'profile.provenance')
    c.string(provenance, 'commit', 'profile.provenance', true)
    c.string(provenance, 'notes', 'profile.provenance', true)
    if (
      provenance.files !== undefined &&
      !(Array.isArray(provenance.files) && provenance.files.every((f) => typeof f === 'string'))
    ) {
      c.errors.push('profile.provenance.files must be an array of strings')
    }
  }
  const params = c.object(root.params, 'profile.params')
  if (params) {
    if (root.scheme === 'kgw') checkKgw(c, params)
    if (root.scheme === 'unigram') checkUnigram(c, params)
    if (root.scheme === 'aaronson') checkAaronson(c, params)
    if (root.scheme === 'synthid') checkSynthId(c, params)
  }
  if (c.errors.length > 0) return { ok: false, errors: c.errors }
  return { ok: true, profile: root as unknown as WatermarkProfile }
}
