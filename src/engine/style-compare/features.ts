/**
 * Topic-independent style features of one text, kept as counts so that several texts of a student can be
 * merged into one profile and stored without the text itself. Pure: a string in, numbers out.
 *
 * What is counted: function words, punctuation habits, sentence and word lengths, vocabulary-level proxies
 * (long words, Latinate suffixes), casing, error-pattern proxies (spacing around punctuation, "a" before a
 * vowel, doubled words, lower-case "i", sentences starting in lower case) and n-grams of the text's
 * "skeleton": function words and punctuation kept, every other word masked by its ending.
 */

/** Bumped when a count changes meaning: stored profiles of another version are recomputed or refused. */
export const STYLE_FEATURES_VERSION = 1

/** Common English function words (articles, pronouns, prepositions, conjunctions, auxiliaries, adverbs). */
export const FUNCTION_WORDS: readonly string[] = [
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'some',
  'any',
  'all',
  'each',
  'every',
  'no',
  'many',
  'much',
  'more',
  'most',
  'other',
  'such',
  'own',
  'i',
  'me',
  'my',
  'we',
  'us',
  'our',
  'you',
  'your',
  'he',
  'him',
  'his',
  'she',
  'her',
  'it',
  'its',
  'they',
  'them',
  'their',
  'myself',
  'what',
  'which',
  'who',
  'whom',
  'whose',
  'there',
  'here',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'by',
  'from',
  'about',
  'as',
  'into',
  'through',
  'during',
  'before',
  'after',
  'over',
  'under',
  'between',
  'without',
  'against',
  'among',
  'within',
  'upon',
  'and',
  'or',
  'but',
  'so',
  'because',
  'if',
  'when',
  'while',
  'although',
  'though',
  'than',
  'whether',
  'since',
  'until',
  'unless',
  'however',
  'therefore',
  'thus',
  'also',
  'then',
  'be',
  'is',
  'am',
  'are',
  'was',
  'were',
  'been',
  'being',
  'have',
  'has',
  'had',
  'do',
  'does',
  'did',
  'will',
  'would',
  'can',
  'could',
  'shall',
  'should',
  'may',
  'might',
  'must',
  'not',
  'very',
  'really',
  'just',
  'only',
  'even',
  'still',
  'too',
  'quite',
  'rather',
  'always',
  'never',
  'often',
  'again',
  'already',
  'yet',
  'now',
  'how',
  'why',
  'where',
  'up',
  'out',
  'off',
  'down',
  'like',
  'well',
  'both',
  'either',
  'neither',
  'nor',
  'one',
  'something',
  'anything',
  'nothing',
  'everything',
  'someone',
  'everyone',
  'people',
  'thing',
  'things',
  'get',
  'got',
  'make',
  'think',
  'know',
  'way',
  'lot'
]

/** Punctuation habits, in the order of `StyleCounts.punct`. */
export const PUNCTUATION: readonly { key: string; label: string; re: RegExp }[] = [
  { key: 'comma', label: 'commas', re: /,/g },
  { key: 'semicolon', label: 'semicolons', re: /;/g },
  { key: 'colon', label: 'colons', re: /:/g },
  { key: 'dash', label: 'dashes (– —)', re: /[–—]|\s-\s|--/g },
  { key: 'hyphen', label: 'hyphenated words', re: /\p{L}-\p{L}/gu },
  { key: 'paren', label: 'brackets', re: /\(/g },
  { key: 'quote', label: 'quotation marks', re: /["“”«»]/g },
  { key: 'apostrophe', label: 'apostrophes', re: /['’]/g },
  { key: 'exclamation', label: 'exclamation marks', re: /!/g },
  { key: 'question', label: 'question marks', re: /\?/g },
  { key: 'ellipsis', label: 'ellipses', re: /\.\.\.|…/g }
]

/** Error-pattern and habit proxies, in the order of `StyleCounts.habits` (per 100 words unless noted). */
export const HABITS: readonly { key: string; label: string }[] = [
  { key: 'spaceBeforePunct', label: 'spaces before punctuation (“word ,”)' },
  { key: 'noSpaceAfterPunct', label: 'missing spaces after commas and full stops' },
  { key: 'lowerSentenceStart', label: 'sentences starting in lower case' },
  { key: 'lowerI', label: 'lower-case “i” as a word' },
  { key: 'articleMismatch', label: '“a” before a vowel or “an” before a consonant' },
  { key: 'doubledWord', label: 'doubled words (“the the”)' },
  { key: 'repeatedPunct', label: 'repeated punctuation (“!!”, “??”)' },
  { key: 'allCapsWord', label: 'words in capitals' },
  { key: 'contraction', label: 'contractions (don’t, it’s)' },
  { key: 'digit', label: 'numbers written in digits' },
  { key: 'sentenceInitialConj', label: 'sentences starting with And/But/So' }
]

/** Word-ending classes used to mask content words in the skeleton (a crude stand-in for parts of speech). */
export const SUFFIX_CLASSES: readonly { key: string; label: string; re: RegExp }[] = [
  { key: 'ly', label: '-ly adverbs', re: /ly$/ },
  { key: 'ing', label: '-ing forms', re: /ing$/ },
  { key: 'ed', label: '-ed forms', re: /ed$/ },
  {
    key: 'nominal',
    label: 'abstract nouns (-tion, -ment, -ness, -ity, -ance, -ence)',
    re: /(tion|sion|ment|ness|ity|ance|ence)s?$/
  },
  {
    key: 'adj',
    label: 'adjective endings (-ous, -ive, -al, -able, -ful, -ic)',
    re: /(ous|ive|al|able|ible|ful|ic)$/
  },
  { key: 's', label: 'plural and third-person -s', re: /s$/ }
]

/** Hashed skeleton trigram buckets. */
export const SKELETON_BUCKETS = 256

/** Raw counts of one text or of several texts added together. Contains no words of the text. */
export interface StyleCounts {
  version: number
  texts: number
  words: number
  sentences: number
  paragraphs: number
  /** Sum of sentence lengths squared (for the spread of sentence lengths). */
  sentenceLengthSq: number
  letters: number
  longWords: number
  shortWords: number
  /** Sum of distinct-word ratios over 50-word windows, and the number of windows. */
  ttrSum: number
  ttrWindows: number
  functionWords: number[]
  punct: number[]
  habits: number[]
  suffixes: number[]
  skeleton: number[]
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu
const FW_INDEX = new Map(FUNCTION_WORDS.map((w, i) => [w, i]))
const VOWEL_START = /^[aeio]/ // "u" and "h" are ambiguous (a university, an hour): not counted
const CONSONANT_START = /^[bcdfgjklmnpqrstvwxyz]/

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0)
}

export function emptyCounts(): StyleCounts {
  return {
    version: STYLE_FEATURES_VERSION,
    texts: 0,
    words: 0,
    sentences: 0,
    paragraphs: 0,
    sentenceLengthSq: 0,
    letters: 0,
    longWords: 0,
    shortWords: 0,
    ttrSum: 0,
    ttrWindows: 0,
    functionWords: zeros(FUNCTION_WORDS.length),
    punct: zeros(PUNCTUATION.length),
    habits: zeros(HABITS.length),
    suffixes: zeros(SUFFIX_CLASSES.length),
    skeleton: zeros(SKELETON_BUCKETS)
  }
}

/** FNV-1a over a short string, into `buckets`. */
function bucket(s: string, buckets: number): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h % buckets
}

function skeletonToken(lower: string): string {
  if (FW_INDEX.has(lower)) return lower
  if (/^\p{N}+$/u.test(lower)) return '#'
  for (const s of SUFFIX_CLASSES) if (s.re.test(lower)) return `W${s.key}`
  return 'W'
}

function countMatches(text: string, re: RegExp): number {
  re.lastIndex = 0
  let n = 0
  while (re.exec(text)) n++
  return n
}

/** Counts of one text. Paragraphs are separated by blank lines or line breaks. */
export function styleCounts(text: string): StyleCounts {
  const c = emptyCounts()
  c.texts = 1
  const paragraphs = text.split(/\n\s*\n|\r?\n/).filter((p) => p.trim().length > 0)
  c.paragraphs = paragraphs.length
  const allWords: string[] = []
  for (const para of paragraphs) {
    // Sentences: end at . ! ? (runs of them) followed by space and a non-lower-case-digit start, or the end.
    const sentences = para.split(/(?<=[.!?…])["”’)]*\s+/).filter((s) => /[\p{L}\p{N}]/u.test(s))
    for (const sentence of sentences) {
      const words = sentence.match(WORD_RE) ?? []
      if (words.length === 0) continue
      c.sentences++
      c.sentenceLengthSq += words.length * words.length
      const first = words[0] ?? ''
      if (/^\p{Ll}/u.test(first)) c.habits[2]++
      if (/^(and|but|so)$/i.test(first) && /^\p{Lu}/u.test(first)) c.habits[10]++
      const tokens: string[] = ['<s>']
      const parts = sentence.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[,;:!?"“”()–—]/gu) ?? []
      for (const part of parts) {
        if (/^[\p{L}\p{N}]/u.test(part)) tokens.push(skeletonToken(part.toLowerCase()))
        else tokens.push(part === '“' || part === '”' ? '"' : part)
      }
      tokens.push('</s>')
      for (let i = 0; i + 2 < tokens.length; i++)
        c.skeleton[bucket(tokens.slice(i, i + 3).join(' '), SKELETON_BUCKETS)]++
      let prev = ''
      for (const w of words) {
        const lower = w.toLowerCase()
        allWords.push(lower)
        const letters = w.replace(/['’]/g, '').length
        c.letters += letters
        if (letters >= 7) c.longWords++
        if (letters <= 3) c.shortWords++
        const fw = FW_INDEX.get(lower)
        if (fw !== undefined) c.functionWords[fw]++
        else if (!/^\p{N}+$/u.test(lower))
          for (let s = 0; s < SUFFIX_CLASSES.length; s++)
            if (SUFFIX_CLASSES[s].re.test(lower)) {
              c.suffixes[s]++
              break
            }
        if (w === 'i') c.habits[3]++
        if ((prev === 'a' && VOWEL_START.test(lower)) || (prev === 'an' && CONSONANT_START.test(lower)))
          c.habits[4]++
        if (prev !== '' && prev === lower && !/^\p{N}+$/u.test(lower)) c.habits[5]++
        if (letters >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w)) c.habits[7]++
        if (/['’]/.test(w)) c.habits[8]++
        if (/^\p{N}+$/u.test(w)) c.habits[9]++
        prev = lower
      }
    }
  }
  c.words = allWords.length
  for (let i = 0; i + 50 <= allWords.length; i += 50) {
    c.ttrSum += new Set(allWords.slice(i, i + 50)).size / 50
    c.ttrWindows++
  }
  for (let p = 0; p < PUNCTUATION.length; p++) c.punct[p] = countMatches(text, PUNCTUATION[p].re)
  c.habits[0] = countMatches(text, /\p{L} [,.;:!?](?!\S*\p{L}\.)/gu)
  c.habits[1] = countMatches(text, /\p{Ll}[,.](?=\p{L}{2,})/gu)
  c.habits[6] = countMatches(text, /[!?]{2,}/g)
  return c
}

/** Adds counts (several known texts → one profile). */
export function addCounts(a: StyleCounts, b: StyleCounts): StyleCounts {
  const add = (x: number[], y: number[]): number[] => x.map((v, i) => v + (y[i] ?? 0))
  return {
    version: a.version,
    texts: a.texts + b.texts,
    words: a.words + b.words,
    sentences: a.sentences + b.sentences,
    paragraphs: a.paragraphs + b.paragraphs,
    sentenceLengthSq: a.sentenceLengthSq + b.sentenceLengthSq,
    letters: a.letters + b.letters,
    longWords: a.longWords + b.longWords,
    shortWords: a.shortWords + b.shortWords,
    ttrSum: a.ttrSum + b.ttrSum,
    ttrWindows: a.ttrWindows + b.ttrWindows,
    functionWords: add(a.functionWords, b.functionWords),
    punct: add(a.punct, b.punct),
    habits: add(a.habits, b.habits),
    suffixes: add(a.suffixes, b.suffixes),
    skeleton: add(a.skeleton, b.skeleton)
  }
}

export function mergeCounts(list: readonly StyleCounts[]): StyleCounts {
  return list.reduce(addCounts, emptyCounts())
}

/** True when `x` looks like stored counts of this version (profiles come from disk). */
export function isStyleCounts(x: unknown): x is StyleCounts {
  if (typeof x !== 'object' || x === null) return false
  const c = x as Record<string, unknown>
  const arr = (k: string, n: number): boolean =>
    Array.isArray(c[k]) &&
    (c[k] as unknown[]).length === n &&
    (c[k] as unknown[]).every((v) => Number.isFinite(v))
  return (
    c.version === STYLE_FEATURES_VERSION &&
    [
      'texts',
      'words',
      'sentences',
      'paragraphs',
      'sentenceLengthSq',
      'letters',
      'longWords',
      'shortWords',
      'ttrSum',
      'ttrWindows'
    ].every((k) => typeof c[k] === 'number' && Number.isFinite(c[k] as number) && (c[k] as number) >= 0) &&
    arr('functionWords', FUNCTION_WORDS.length) &&
    arr('punct', PUNCTUATION.length) &&
    arr('habits', HABITS.length) &&
    arr('suffixes', SUFFIX_CLASSES.length) &&
    arr('skeleton', SKELETON_BUCKETS)
  )
}
