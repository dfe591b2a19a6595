/**
 * Realistic DocumentResult objects for UI tests: one scored essay with fingerprints and a watermark test, one
 * unscored (extraction only) result, and failed files. Offsets are computed from the text, as the engine does.
 */
import type {
  DocumentResult,
  Fingerprint,
  Passage,
  PassageScore,
  WatermarkTest,
  WatermarkTokenFlag
} from '../../src/shared/types'

const TITLE = 'The Water Cycle and Our Town'
const PARAGRAPHS = [
  'Last summer the creek behind my grandma’s house went almost dry, and I remember the frogs just sitting in the mud. My cousin said it was because nobody cleaned the gutters, which is not really how it works but I did not argue.',
  'When it rains, some water soaks into the ground and some runs off into streams. Our science teacher showed us a map of the aquifer under the town and it was bigger than I expected. She said the wells on the east side were dug in the 1950s, and that some of them still work if you pump hard enough. My friend Marco thinks the water tower is part of the same system, but it is just a big tank that gets filled from the treatment plant by the highway.',
  'In conclusion, the water cycle plays a crucial role in shaping our environment. It is important to note that evaporation, condensation, and precipitation work together in a delicate balance.\u200B This intricate interplay underscores the need for sustainable practices (see https://example.org/water?utm_source=chatgpt.com).',
  'Thanks for reading.'
]

export const ESSAY_TEXT = [TITLE, ...PARAGRAPHS].join('\n\n')

function offsetsOf(paragraph: string): { start: number; end: number } {
  const start = ESSAY_TEXT.indexOf(paragraph)
  return { start, end: start + paragraph.length }
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

const SCORES: PassageScore[] = [
  {
    aiProbability: 0.08,
    interval: [0.04, 0.15],
    label: 'likely-human',
    explanation: {
      towardsAi: [],
      towardsHuman: [{ ...offsetsOf('grandma’s house'), phrase: 'grandma’s house', weight: -0.9 }],
      style: [
        {
          feature: 'burstiness',
          text: 'Sentence lengths vary a lot, as in most student essays',
          direction: 'human'
        }
      ]
    },
    segment: 'human'
  },
  {
    aiProbability: 0.46,
    interval: [0.31, 0.62],
    label: 'uncertain',
    explanation: { towardsAi: [], towardsHuman: [], style: [] },
    segment: 'human'
  },
  {
    aiProbability: 0.91,
    interval: [0.84, 0.95],
    label: 'likely-ai',
    explanation: {
      towardsAi: [
        { ...offsetsOf('plays a crucial role'), phrase: 'plays a crucial role', weight: 1.4 },
        { ...offsetsOf('It is important to note'), phrase: 'It is important to note', weight: 1.1 }
      ],
      towardsHuman: [],
      style: [
        {
          feature: 'sentence-length-cv',
          text: 'Sentence lengths vary much less than in student essays',
          direction: 'ai'
        }
      ]
    },
    segment: 'ai'
  },
  { aiProbability: null, interval: null, label: 'too-short', explanation: null, segment: null }
]

const passages: (Passage & { score?: PassageScore })[] = PARAGRAPHS.map((paragraph, index) => ({
  index,
  ...offsetsOf(paragraph),
  page: 1,
  words: countWords(paragraph),
  kind: 'prose',
  paragraphs: [index + 1, index + 1],
  score: SCORES[index]
}))

const zwspAt = ESSAY_TEXT.indexOf('\u200B')
const utmAt = ESSAY_TEXT.indexOf('utm_source=chatgpt.com')
const fingerprints: Fingerprint[] = [
  {
    kind: 'invisible-character',
    rule: 'zero-width-space',
    start: zwspAt,
    end: zwspAt + 1,
    count: 1,
    description: 'A zero-width space (U+200B), an invisible character',
    innocentExplanations: ['Copied from a web page or a PDF', 'Some keyboards and editors insert it']
  },
  {
    kind: 'chatbot-artefact',
    rule: 'utm-chatgpt',
    start: utmAt,
    end: utmAt + 'utm_source=chatgpt.com'.length,
    count: 1,
    description: 'A link tagged utm_source=chatgpt.com, added when links are copied from ChatGPT',
    innocentExplanations: ['The student may have used ChatGPT as a search engine to find the source']
  }
]

/** Alternating green/red flags over the words of the AI-like paragraph (as a KGW test would emit). */
function wordFlags(paragraph: string): WatermarkTokenFlag[] {
  const { start } = offsetsOf(paragraph)
  const flags: WatermarkTokenFlag[] = []
  for (const match of paragraph.matchAll(/\S+/g)) {
    const index = match.index ?? 0
    flags.push({
      start: start + index,
      end: start + index + match[0].length,
      value: flags.length % 3 === 0 ? 0 : 1
    })
  }
  return flags
}

const watermarks: WatermarkTest[] = [
  {
    profileId: 'kgw-llama2-default',
    profileName: 'KGW (Kirchenbauer et al.) public default key, Llama-2 tokenizer',
    scheme: 'kgw',
    tokenizer: 'llama-2',
    publicDefaultKey: true,
    status: 'scored',
    tokensScored: 120,
    statistic: { name: 'z', value: 1.2 },
    pValue: 0.115,
    pValueAdjusted: 0.23,
    detected: false,
    flags: wordFlags(PARAGRAPHS[2]),
    message: 'No watermark from this key was found.'
  }
]

const base = {
  schemaVersion: 2 as const,
  checkedAt: '2026-11-29T01:00:00.000Z',
  inkprintVersion: '0.1.0',
  timingsMs: { extract: 12, score: 30 }
}

export const scoredEssay: DocumentResult = {
  ...base,
  path: '/class/Priya Patel - Water Cycle.docx',
  fileName: 'Priya Patel - Water Cycle.docx',
  sizeBytes: 14_200,
  sha256: 'a'.repeat(64),
  format: 'docx',
  status: 'ok',
  error: null,
  words: countWords(ESSAY_TEXT),
  pageCount: 1,
  warnings: [{ code: 'headers-removed', message: 'Page headers were removed before checking.' }],
  metadata: {
    application: 'Microsoft Office Word',
    appVersion: '16.0000',
    totalEditingMinutes: 3,
    revision: 2,
    rsidSessions: 1,
    created: '2026-11-20T19:02:00Z',
    modified: '2026-11-20T19:05:00Z',
    creator: 'Priya Patel'
  },
  passages,
  detector: {
    model: { name: 'inkprint-detector', version: '1.0.0', sha256: 'b'.repeat(64) },
    aiProbability: 0.86,
    verdict: 'likely-ai',
    aiShare: 0.41,
    operatingPoint: {
      name: 'balanced',
      threshold: 0.8,
      fpr: 0.01,
      fprUpper: 0.018,
      measuredOn: 'held-out human student essays (n=2400)'
    },
    segments: [{ fromPassage: 1, toPassage: 2, state: 'ai' }],
    humanRate: { rate: 0.0005, n: 2400, belowResolution: false },
    assumedAiShare: 0.5
  },
  watermarks,
  fingerprints,
  text: ESSAY_TEXT
}

/** A 60-word note: scored, but too short for a verdict ("limited evidence"). */
export const shortNote: DocumentResult = {
  ...scoredEssay,
  path: '/class/Sam Lee - reflection.txt',
  fileName: 'Sam Lee - reflection.txt',
  format: 'txt',
  words: 60,
  metadata: {},
  fingerprints: [],
  watermarks: [],
  detector: {
    ...scoredEssay.detector!,
    aiProbability: 0.93,
    verdict: 'likely-ai',
    humanRate: { rate: 0.01, n: 2400, belowResolution: false }
  }
}

/** Extraction worked but no detector ran yet: the UI must say scores are not available. */
export const unscoredEssay: DocumentResult = {
  ...scoredEssay,
  path: '/class/smithjohn_12345_67890_Essay.pdf',
  fileName: 'smithjohn_12345_67890_Essay.pdf',
  format: 'pdf',
  metadata: { producer: 'pdf-lib', pages: 1 },
  warnings: [],
  passages: passages.map(({ score: _score, ...rest }) => rest),
  detector: undefined,
  watermarks: undefined,
  fingerprints: undefined
}

export const corruptFile: DocumentResult = {
  ...base,
  path: '/class/broken.docx',
  fileName: 'broken.docx',
  sizeBytes: 300,
  sha256: null,
  format: 'docx',
  status: 'error',
  error: { code: 'corrupt', message: 'This DOCX file is damaged and could not be opened.' },
  words: 0,
  pageCount: null,
  warnings: [],
  metadata: {},
  passages: []
}

export const unsupportedFile: DocumentResult = {
  ...corruptFile,
  path: '/class/photo.png',
  fileName: 'photo.png',
  format: null,
  status: 'unsupported',
  error: { code: 'unsupported-type', message: 'PNG images are not supported: save the essay as PDF or DOCX.' }
}
