/**
 * Runs every profile on one document text and returns `WatermarkTest` results (src/shared/types.ts).
 *
 * Significance level: `DEFAULT_ALPHA = 1e-6` on the Holm-adjusted p-value. Why so strict (research §11.2:
 * "choose α in advance, e.g. 1e-6 per test after adjustment"):
 * - a false "watermark detected" can hurt a student, while a miss costs little (absence proves nothing anyway);
 * - a teacher checks thousands of documents a year, each against several profiles: at 1e-6 the expected
 *   number of false alarms over ~10⁴ documents stays around 1 in 100;
 * - real watermarked text of a few hundred tokens reaches p < 1e-10 easily (vectors: 1e-19…1e-136), so the
 *   strict level costs little power where the test is meaningful at all.
 */
import type { WatermarkTest, WatermarkTokenFlag } from '../../shared/types'
import { DEFAULT_MIN_SCORED_TOKENS, type WatermarkProfile } from './profile'
import type { TokenEncoding, TokenizerRegistry } from './tokenizer'
import { compactForTokenizer, MAX_RUN, type CompactText } from './compact'
import { scoreProfile, type ProfileScore } from './score-profile'
import { holmAdjust } from './stats/tests'
import {
  detectedMessage,
  errorMessage,
  notDetectedMessage,
  tokenizerMissingMessage,
  tooShortMessage
} from './messages'

export const DEFAULT_ALPHA = 1e-6

export interface WatermarkRunOptions {
  /** Family-wise significance level applied to Holm-adjusted p-values. */
  alpha?: number
  /** Overrides every profile's minimum number of distinct scored tokens. */
  minScoredTokens?: number
  /** Omit per-token flags (smaller results, e.g. for CSV export). */
  includeFlags?: boolean
}

interface Pending {
  test: WatermarkTest
  profile: WatermarkProfile
  score: ProfileScore | null
}

function baseTest(profile: WatermarkProfile): WatermarkTest {
  return {
    profileId: profile.id,
    profileName: profile.name,
    scheme: profile.scheme,
    tokenizer: profile.tokenizer.id,
    publicDefaultKey: profile.publicDefaultKey,
    status: 'error',
    tokensScored: 0,
    statistic: null,
    pValue: null,
    pValueAdjusted: null,
    detected: false,
    flags: [],
    message: ''
  }
}

function flagsFor(encoding: TokenEncoding, values: (number | null)[]): WatermarkTokenFlag[] {
  return encoding.ids.map((_, i) => ({
    start: encoding.offsets[i][0],
    end: encoding.offsets[i][1],
    value: values[i] ?? null
  }))
}

function runOne(
  profile: WatermarkProfile,
  text: CompactText,
  tokenizers: TokenizerRegistry,
  encodings: Map<string, TokenEncoding>,
  opts: WatermarkRunOptions
): Pending {
  const test = baseTest(profile)
  const tokenizer = tokenizers.get(profile.tokenizer.id)
  if (!tokenizer) {
    test.message = tokenizerMissingMessage(profile, tokenizers.unavailableReason?.(profile.tokenizer.id))
    return { test, profile, score: null }
  }
  try {
    let encoding = encodings.get(tokenizer.id)
    if (!encoding) {
      encoding = text.remap(tokenizer.encode(text.text))
      encodings.set(tokenizer.id, encoding)
    }
    const tooLarge = encoding.ids.find((id) => id < 0 || id >= profile.tokenizer.vocabSize)
    if (tooLarge !== undefined) {
      test.message = errorMessage(
        profile,
        `token id ${tooLarge} is outside the profile's vocabulary of ${profile.tokenizer.vocabSize}`
      )
      return { test, profile, score: null }
    }
    const score = scoreProfile(profile, encoding.ids)
    test.tokensScored = score.tokensScored
    test.statistic = score.statistic
    if (opts.includeFlags !== false) test.flags = flagsFor(encoding, score.tokenValues)
    const needed = opts.minScoredTokens ?? profile.minScoredTokens ?? DEFAULT_MIN_SCORED_TOKENS
    if (score.tokensScored < needed) {
      test.status = 'too-short'
      test.message = tooShortMessage(profile, score.tokensScored, needed)
      return { test, profile, score: null }
    }
    test.status = 'scored'
    test.pValue = score.pValue
    return { test, profile, score }
  } catch (error) {
    test.status = 'error'
    test.message = errorMessage(profile, error instanceof Error ? error.message : String(error))
    return { test, profile, score: null }
  }
}

/**
 * Tests `text` against each profile. Each text is tokenized once per tokenizer. Only 'scored' tests enter the
 * Holm adjustment; 'too-short' and 'error' tests carry no p-value.
 */
export function runWatermarkChecks(
  text: string,
  profiles: readonly WatermarkProfile[],
  tokenizers: TokenizerRegistry,
  opts: WatermarkRunOptions = {}
): WatermarkTest[] {
  const alpha = opts.alpha ?? DEFAULT_ALPHA
  const encodings = new Map<string, TokenEncoding>()
  const compact = compactForTokenizer(text)
  const pending = profiles
    .filter((p) => p.enabled !== false)
    .map((p) => runOne(p, compact, tokenizers, encodings, opts))
  const adjusted = holmAdjust(pending.map((p) => (p.score ? p.score.pValue : null)))
  const tests = pending.filter((p) => p.score).length
  return pending.map((entry, i) => {
    const { test, profile, score } = entry
    if (!score) return test
    const adj = adjusted[i] ?? 1
    test.pValueAdjusted = adj
    test.detected = adj < alpha
    test.message = test.detected
      ? detectedMessage(profile, score.pValue, adj, score.tokensScored, tests, score.nullModel)
      : notDetectedMessage(profile, score.pValue, adj, score.tokensScored, tests, score.nullModel)
    if (compact.removed > 0)
      test.message +=
        ` ${compact.removed.toLocaleString('en-US')} characters in runs longer than ${MAX_RUN} repeated ` +
        'letters, digits, symbols or spaces were left out of this test.'
    return test
  })
}
