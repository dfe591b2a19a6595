/**
 * Plain-language result text, following research/watermarks.md §11.2: name the hypothesis (one scheme, one
 * key, one tokenizer), give the p-value with its meaning, and never turn "not detected" into "human".
 */
import { formatPValue, oneIn } from '../../shared/wording'
import type { WatermarkProfile } from './profile'

const ABSENCE_PROVES_NOTHING =
  'This does not indicate human authorship: most AI services do not watermark text, no commercial chatbot ' +
  'publishes its watermark key, and paraphrasing, translation, editing or another model remove watermarks.'

/** "about 1 in 330 billion", or "less than 1 in a trillion" beyond what the test can tell apart. */
function chanceOf(p: number): string {
  const n = oneIn(p)
  return n.startsWith('less') ? n : `about ${n}`
}

function hypothesis(profile: WatermarkProfile): string {
  const key = profile.publicDefaultKey
    ? `${profile.keyLabel} (a published default key, not a provider's secret key)`
    : profile.keyLabel
  return `${profile.name}, key ${key}, ${profile.tokenizer.id} tokenizer`
}

export function detectedMessage(
  profile: WatermarkProfile,
  p: number,
  adjusted: number,
  tokens: number,
  tests: number,
  method: string
): string {
  return (
    `Watermark detected for ${hypothesis(profile)}: p = ${formatPValue(p)} (${chanceOf(p)} chance that text not ` +
    `generated with this key would score this high), based on ${tokens} distinct scored tokens` +
    (tests > 1
      ? `; ${formatPValue(adjusted)} after adjusting for the ${tests} watermark tests run on this document`
      : '') +
    '. This is evidence about this one key only. It supports a conversation with the student; it is not proof of who wrote the text.' +
    ` (Test: ${method}.)`
  )
}

export function notDetectedMessage(
  profile: WatermarkProfile,
  p: number,
  adjusted: number,
  tokens: number,
  tests: number,
  method: string
): string {
  return (
    `No watermark found for ${hypothesis(profile)} (p = ${formatPValue(p)}` +
    (tests > 1 ? `, ${formatPValue(adjusted)} after adjusting for ${tests} tests` : '') +
    `, ${tokens} distinct scored tokens). ${ABSENCE_PROVES_NOTHING} (Test: ${method}.)`
  )
}

export function tooShortMessage(profile: WatermarkProfile, tokens: number, needed: number): string {
  return (
    `Too little text to test ${hypothesis(profile)}: ${tokens} distinct tokens could be scored, at least ${needed} ` +
    'are needed. Nothing can be concluded either way.'
  )
}

export function tokenizerMissingMessage(profile: WatermarkProfile, reason: string | undefined): string {
  return (
    `Not tested: ${profile.name} needs the "${profile.tokenizer.id}" tokenizer, which is not available offline ` +
    `in this installation${reason ? ` (${reason})` : ''}. Nothing can be concluded either way.`
  )
}

export function errorMessage(profile: WatermarkProfile, detail: string): string {
  return `Not tested: ${profile.name} could not be run (${detail}). Nothing can be concluded either way.`
}
