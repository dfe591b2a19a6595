/**
 * Passages are what the detector scores. Prose paragraphs stand alone; runs of short prose paragraphs are
 * merged (never across a heading or another non-prose block) so each passage has enough words to judge;
 * very long paragraphs are split at sentence boundaries. Non-prose blocks become passages of their own
 * kind (consecutive list items and bibliography entries together) so scoring can skip them.
 */
import type { BlockKind, Paragraph, Passage } from '../../shared/types'
import { splitSentences } from './sentences'
import { countWords } from './words'

export interface PassageOptions {
  /** Prose shorter than this is merged with its neighbours. */
  minWords: number
  /** Size aimed at when splitting a long paragraph. */
  targetWords: number
  /** Paragraphs longer than this are split; merged groups never grow past it. */
  maxWords: number
}

// minWords matches the detector's shortest scored passage (model card tooShortWords, 50), so a paragraph is
// merged with its neighbours rather than left unscored.
export const DEFAULT_PASSAGE_OPTIONS: PassageOptions = { minWords: 50, targetWords: 120, maxWords: 220 }

interface Group {
  first: number
  last: number
  start: number
  end: number
  page: number | null
  words: number
  kind: BlockKind
}

const MERGED_NON_PROSE: ReadonlySet<BlockKind> = new Set(['list', 'references'])

export function segmentPassages(
  text: string,
  paragraphs: readonly Paragraph[],
  opts: Partial<PassageOptions> = {}
): Passage[] {
  const o = { ...DEFAULT_PASSAGE_OPTIONS, ...opts }
  const groups: Group[] = []
  let run: Group[] = [] // current run of prose groups, closed by any non-prose block
  const closeRun = (): void => {
    groups.push(...mergeTrailingShort(run, o))
    run = []
  }
  for (const p of paragraphs) {
    const words = countWords(text.slice(p.start, p.end))
    const g: Group = {
      first: p.index,
      last: p.index,
      start: p.start,
      end: p.end,
      page: p.page,
      words,
      kind: p.kind
    }
    if (p.kind !== 'prose') {
      closeRun()
      const prev = groups[groups.length - 1]
      if (prev && prev.kind === p.kind && MERGED_NON_PROSE.has(p.kind) && prev.last === p.index - 1) {
        Object.assign(prev, { last: p.index, end: p.end, words: prev.words + words })
      } else groups.push(g)
      continue
    }
    if (words > o.maxWords) {
      closeRun()
      groups.push(...splitLong(text, g, o))
      continue
    }
    const current = run[run.length - 1]
    if (
      current &&
      (current.words < o.minWords || words < o.minWords) &&
      current.words + words <= o.maxWords
    ) {
      Object.assign(current, { last: p.index, end: p.end, words: current.words + words })
    } else run.push(g)
  }
  closeRun()
  return groups.map((g, index) => ({
    index,
    start: g.start,
    end: g.end,
    page: g.page,
    words: g.words,
    kind: g.kind,
    paragraphs: [g.first, g.last]
  }))
}

/** A short group left at the end of a run joins the one before it when that stays under maxWords. */
function mergeTrailingShort(run: Group[], o: PassageOptions): Group[] {
  const last = run[run.length - 1]
  const prev = run[run.length - 2]
  if (last && prev && last.words < o.minWords && prev.words + last.words <= o.maxWords) {
    Object.assign(prev, { last: last.last, end: last.end, words: prev.words + last.words })
    run.pop()
  }
  return run
}

/** Splits one long paragraph into pieces of about equal size near targetWords, at sentence ends. */
function splitLong(text: string, g: Group, o: PassageOptions): Group[] {
  const body = text.slice(g.start, g.end)
  const sentences = splitSentences(body).map(([s, e]) => ({
    start: g.start + s,
    end: g.start + e,
    words: countWords(body.slice(s, e))
  }))
  const pieces = Math.max(1, Math.round(g.words / o.targetWords))
  const aim = g.words / pieces
  const out: Group[] = []
  let cur: Group | null = null
  for (const s of sentences.flatMap((s) =>
    s.words > o.maxWords ? splitByWords(text, s, o.targetWords) : [s]
  )) {
    if (cur && cur.words >= aim * 0.6 && cur.words + s.words > aim) {
      out.push(cur)
      cur = null
    }
    if (!cur) cur = { ...g, start: s.start, end: s.end, words: s.words }
    else Object.assign(cur, { end: s.end, words: cur.words + s.words })
  }
  if (cur) out.push(cur)
  return mergeTrailingShort(out, o)
}

/** Last resort for a "sentence" with no end punctuation: cut at word boundaries. */
function splitByWords(
  text: string,
  span: { start: number; end: number; words: number },
  size: number
): { start: number; end: number; words: number }[] {
  const out: { start: number; end: number; words: number }[] = []
  const re = /\S+/g
  re.lastIndex = span.start
  let start = -1
  let end = span.start
  let n = 0
  for (let m = re.exec(text); m !== null && m.index < span.end; m = re.exec(text)) {
    if (start < 0) start = m.index
    end = Math.min(m.index + m[0].length, span.end)
    n++
    if (n >= size) {
      out.push({ start, end, words: countWords(text.slice(start, end)) })
      start = -1
      n = 0
    }
  }
  if (start >= 0) out.push({ start, end, words: countWords(text.slice(start, end)) })
  return out
}
