/**
 * Turns one profile + token ids into a statistic, an honest p-value and one flag value per token.
 *
 * "Honest" means: repeated n-grams (or tokens, for Unigram) are counted once, because the null distributions
 * below assume independent scored tokens (research §2.4, §3, §4, §6.4) — even where a reference detector does
 * not de-duplicate (HF KGW, pitfall P7; SynthID outside its 1024-context window).
 */
import type { WatermarkProfile, KgwLmParams, KgwHfParams, SynthIdParams } from './profile'
import { kgwScoreIds, kgwNgramLength, type KgwConfig } from './schemes/kgw'
import { lookupLmSeedingScheme, LM_WATERMARKING_TABLE_SEED } from './schemes/kgw-seeding'
import { unigramScoreIds, unigramGreenCount } from './schemes/unigram'
import { aaronsonScoreIds } from './schemes/aaronson'
import {
  synthIdGValues,
  synthIdMasks,
  synthIdTableOnesShare,
  synthIdScores,
  synthIdWeights,
  type SynthIdConfig
} from './schemes/synthid'
import {
  kgwZScore,
  logBinomialSf,
  logGammaTestPValue,
  logHypergeometricSf,
  normalTestLogPValue,
  payloadCorrectedPValue
} from './stats/tests'

export interface ProfileScore {
  tokensScored: number
  statistic: { name: string; value: number }
  /** May be 0 when the true value is below ~1e-308; `logPValue` keeps it. */
  pValue: number
  logPValue: number
  /** One entry per token id: 1 green / 0 red / null not scored, or a value in [0,1] (SynthID, Aaronson). */
  tokenValues: (number | null)[]
  /** Which null distribution produced the p-value, in words. */
  nullModel: string
}

export function kgwConfigFromProfile(params: KgwLmParams | KgwHfParams, vocabSize: number): KgwConfig {
  if (params.convention === 'hf') {
    return {
      convention: 'hf',
      scheme: params.seedingScheme,
      contextWidth: params.contextWidth,
      hashKey: BigInt(params.hashKey),
      vocabSize,
      gamma: params.gamma,
      selectGreenTokens: true
    }
  }
  const scheme = lookupLmSeedingScheme(params.seedingScheme)
  if (!scheme) throw new Error(`unknown seeding scheme ${params.seedingScheme}`)
  return {
    convention: 'lm-watermarking',
    scheme: params.hashKey !== undefined ? { ...scheme, hashKey: BigInt(params.hashKey) } : scheme,
    tableSeed:
      params.fixedTableSeed !== undefined ? BigInt(params.fixedTableSeed) : LM_WATERMARKING_TABLE_SEED,
    vocabSize,
    gamma: params.gamma,
    selectGreenTokens: params.selectGreenTokens ?? true
  }
}

export function synthIdConfigFromProfile(params: SynthIdParams): SynthIdConfig {
  return {
    variant: params.variant,
    keys: params.keys.map((k) => BigInt(k)),
    ngramLen: params.ngramLen,
    contextHistorySize: params.contextHistorySize,
    samplingTableSize: params.samplingTableSize ?? 65536,
    samplingTableSeed: BigInt(params.samplingTableSeed ?? '0'),
    eosId: params.eosId ?? null
  }
}

function scoreKgw(
  ids: readonly number[],
  params: KgwLmParams | KgwHfParams,
  vocabSize: number
): ProfileScore {
  const cfg = kgwConfigFromProfile(params, vocabSize)
  const result = kgwScoreIds(ids, cfg, { ignoreRepeatedNgrams: true })
  const tokenValues: (number | null)[] = ids.map(() => null)
  if (!result) {
    const h = kgwNgramLength(cfg)
    return {
      tokensScored: 0,
      statistic: { name: 'z', value: 0 },
      pValue: 1,
      logPValue: 0,
      tokenValues,
      nullModel: `needs more than ${h} tokens`
    }
  }
  for (const w of result.windows) if (w.counted) tokenValues[w.tokenIndex] = w.green ? 1 : 0
  const logP = logBinomialSf(result.green, result.scored, cfg.gamma)
  return {
    tokensScored: result.scored,
    statistic: { name: 'z', value: kgwZScore(result.green, result.scored, cfg.gamma) },
    pValue: Math.exp(logP),
    logPValue: logP,
    tokenValues,
    nullModel: `exact binomial: ${result.green} of ${result.scored} distinct n-grams green, γ = ${cfg.gamma}`
  }
}

function scoreUnigram(
  ids: readonly number[],
  key: string,
  fraction: number,
  vocabSize: number
): ProfileScore {
  const cfg = { key: BigInt(key), vocabSize, fraction }
  const s = unigramScoreIds(ids, cfg)
  const logP = logHypergeometricSf(s.numGreenUnique, vocabSize, unigramGreenCount(cfg), s.numUnique)
  return {
    tokensScored: s.numUnique,
    statistic: { name: 'z (distinct tokens)', value: s.numUnique > 0 ? s.zUnidetect : 0 },
    pValue: Math.exp(logP),
    logPValue: logP,
    tokenValues: s.green.map((g, i) => (s.firstOccurrence[i] ? (g ? 1 : 0) : null)),
    nullModel: `exact hypergeometric: ${s.numGreenUnique} of ${s.numUnique} distinct tokens green`
  }
}

function scoreAaronson(
  ids: readonly number[],
  profile: Extract<WatermarkProfile, { scheme: 'aaronson' }>
): ProfileScore {
  const p = profile.params
  const result = aaronsonScoreIds(ids, {
    vocabSize: profile.tokenizer.vocabSize,
    ngram: p.ngram,
    saltKey: BigInt(p.saltKey),
    seed: BigInt(p.seed),
    scoring: p.scoring,
    payloadMax: p.payloadMax
  })
  const n = result.tokens.length
  const tokenValues: (number | null)[] = ids.map(() => null)
  if (n === 0)
    return {
      tokensScored: 0,
      statistic: { name: 'score sum', value: 0 },
      pValue: 1,
      logPValue: 0,
      tokenValues,
      nullModel: 'no scored tokens'
    }
  // best payload (three_bricks decodes the payload with the smallest p-value), then correct for the search
  const logPs = result.sums.map((s) => logGammaTestPValue(s, n))
  const best = logPs.indexOf(Math.min(...logPs))
  const payloads = p.payloadMax + 1
  const corrected = payloadCorrectedPValue(Math.exp(logPs[best]), payloads)
  const logP = corrected > 0 ? Math.log(corrected) : logPs[best] + Math.log(payloads)
  for (const t of result.tokens) tokenValues[t.position] = 1 - Math.exp(-t.increments[best])
  return {
    tokensScored: n,
    statistic: { name: 'score sum', value: result.sums[best] },
    pValue: Math.exp(logP),
    logPValue: logP,
    tokenValues,
    nullModel:
      `Gamma(${n}, 1) tail of the summed scores` +
      (payloads > 1 ? `, corrected for ${payloads} payloads tried` : '')
  }
}

function scoreSynthId(ids: readonly number[], params: SynthIdParams): ProfileScore {
  const cfg = synthIdConfigFromProfile(params)
  const g = synthIdGValues(ids, cfg)
  const { mask } = synthIdMasks(ids, g, cfg)
  // also drop exact repeats of a whole n-gram anywhere in the text (identical g rows are not independent)
  const seenNgrams = new Set<string>()
  g.rows.forEach((_, t) => {
    const key = ids.slice(t, t + cfg.ngramLen).join(',')
    if (seenNgrams.has(key)) mask[t] = 0
    seenNgrams.add(key)
  })
  const depth = cfg.keys.length
  const s = synthIdScores(g.rows, mask, depth)
  const tokenValues: (number | null)[] = ids.map(() => null)
  g.rows.forEach((row, t) => {
    if (mask[t]) tokenValues[t + cfg.ngramLen - 1] = row.reduce((a, b) => a + b, 0) / depth
  })
  if (s.numUnmasked === 0) {
    return {
      tokensScored: 0,
      statistic: { name: 'mean g-value', value: 0.5 },
      pValue: 1,
      logPValue: 0,
      tokenValues,
      nullModel: 'no scored n-grams'
    }
  }
  // Under H0 each g is Bernoulli(p0). p0 = ½ for hashing; for a table, the table's share of ones, but never
  // below ½, so the test stays conservative (the default CPU table has 32743/65536 ones).
  let p0 = 0.5
  if (cfg.variant === 'A-table') {
    p0 = Math.max(0.5, synthIdTableOnesShare(cfg.samplingTableSize, cfg.samplingTableSeed))
  }
  if (params.score === 'mean') {
    const logP = logBinomialSf(s.onesTotal, depth * s.numUnmasked, p0)
    return {
      tokensScored: s.numUnmasked,
      statistic: { name: 'mean g-value', value: s.meanScore },
      pValue: Math.exp(logP),
      logPValue: logP,
      tokenValues,
      nullModel: `exact binomial: ${s.onesTotal} ones in ${depth * s.numUnmasked} g-values, p0 = ${p0}`
    }
  }
  // weighted mean: Σ_l w_l·ones_l with ones_l ~ Bin(n, p0) independent → NORMAL APPROXIMATION (stated as such)
  const weights = synthIdWeights(depth)
  const n = s.numUnmasked
  const mean = p0
  const variance = (p0 * (1 - p0) * weights.reduce((a, w) => a + w * w, 0)) / (n * depth * depth)
  const z = (s.weightedMeanScore - mean) / Math.sqrt(variance)
  const logP = normalTestLogPValue(z)
  return {
    tokensScored: n,
    statistic: { name: 'weighted mean g-value', value: s.weightedMeanScore },
    pValue: Math.exp(logP),
    logPValue: logP,
    tokenValues,
    nullModel: `normal approximation of the weighted mean (z = ${z.toFixed(2)})`
  }
}

export function scoreProfile(profile: WatermarkProfile, ids: readonly number[]): ProfileScore {
  const vocabSize = profile.tokenizer.vocabSize
  switch (profile.scheme) {
    case 'kgw':
      return scoreKgw(ids, profile.params, vocabSize)
    case 'unigram':
      return scoreUnigram(ids, profile.params.key, profile.params.fraction, vocabSize)
    case 'aaronson':
      return scoreAaronson(ids, profile)
    case 'synthid':
      return scoreSynthId(ids, profile.params)
  }
}
