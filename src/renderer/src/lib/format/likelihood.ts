/**
 * Maps a passage score to the visual scale. Not colour alone: each band has a pattern class and a text label,
 * and passages that were not scored stay visibly neutral.
 */
import type { BlockKind, PassageLabel, PassageScore } from '../../../../shared/types'
import { formatPercent } from './wording'
import { passageLabelWords } from '../../../../shared/wording'

export type LikelihoodBand = 'human' | 'uncertain' | 'ai' | 'neutral'

export interface PassageShade {
  band: LikelihoodBand
  /** 0..1, how strongly to tint inside the band (probability-driven, neutral is 0). */
  intensity: number
  /** Short label printed on the passage, e.g. "Reads like AI · 87%". */
  label: string
  labelCode: PassageLabel
}

const BAND_BY_LABEL: Record<PassageLabel, LikelihoodBand> = {
  'likely-ai': 'ai',
  uncertain: 'uncertain',
  'likely-human': 'human',
  'too-short': 'neutral',
  'not-scored': 'neutral'
}

/** Non-prose blocks say what they are, so a teacher sees why a heading or reference list has no score. */
const KIND_WORDS: Record<BlockKind, string> = {
  prose: 'Passage',
  heading: 'Heading',
  list: 'List',
  table: 'Table',
  quote: 'Quotation',
  references: 'References',
  code: 'Code'
}

export function shadePassage(score: PassageScore | undefined, kind: BlockKind = 'prose'): PassageShade {
  const kindPrefix = kind === 'prose' ? '' : `${KIND_WORDS[kind]} · `
  if (!score)
    return { band: 'neutral', intensity: 0, label: `${kindPrefix}Not scored`, labelCode: 'not-scored' }
  const band = BAND_BY_LABEL[score.label]
  const p = score.aiProbability
  const words = kindPrefix + passageLabelWords(score.label, p)
  if (band === 'neutral' || p === null)
    return { band: 'neutral', intensity: 0, label: words, labelCode: score.label }
  // Tint grows with distance from 0.5 so that confident calls stand out and near-coin-flips stay pale.
  const intensity = Math.min(1, Math.abs(p - 0.5) * 2)
  return { band, intensity, label: `${words} · ${formatPercent(p)}`, labelCode: score.label }
}
