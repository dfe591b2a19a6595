/** Realistic DocumentResults for report tests, built from paragraphs so every offset is real. */
import type { DocumentResult, Passage, PassageLabel, PassageScore } from '../../../src/shared/types'
import type { ReportContext } from '../../../src/engine/report'

export const SHA = 'a3f1c9e07b2d4e5f8a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f7'
export const MODEL_SHA = '5e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5'

export const CTX: ReportContext = {
  generatedAt: '2026-11-29T09:41:00.000Z',
  inkprintVersion: '0.4.0',
  calibration: { name: 'Northfield High, essays 2019–2021', n: 412, fpr: 0.0097, interval: [0.0027, 0.0247] },
  modelCard: {
    modelName: 'inkprint-detector',
    modelVersion: '1.2.0',
    rates: [
      {
        population: 'Native-speaker student essays',
        n: 1800,
        rate: 0.008,
        interval: [0.0047, 0.013],
        kind: 'false-positive'
      },
      {
        population: 'Non-native (EFL) student essays',
        n: 640,
        rate: 0.025,
        interval: [0.015, 0.04],
        kind: 'false-positive'
      },
      {
        population: 'AI-generated essays (5 models)',
        n: 2000,
        rate: 0.91,
        interval: [0.897, 0.922],
        kind: 'detection'
      }
    ],
    caveats: ['Not evaluated on texts under 150 words.'],
    cardLocation: 'resources/models/detector/MODEL_CARD.md'
  }
}

const PARAGRAPHS = [
  'The Industrial Revolution',
  'When my grandad talks about the mill in Bolton he always says it was loud, so loud you couldnt hear yourself think. I think thats a good way to start with the Industrial Revolution because it wasnt just machines, it was peoples lives changing really fast and not always for the better.',
  'Before factories most people worked at home or on farms. Spinning and weaving was done by hand in cottages, and families worked together. Then inventions like the spinning jenny (1764) and the water frame changed everything because one machine could do the work of many people.',
  'Furthermore, it is important to note that the Industrial Revolution represented a pivotal transformation in human history. It fundamentally reshaped economic structures, social hierarchies, and the very fabric of daily life, fostering unprecedented growth while simultaneously giving rise to profound challenges.',
  'In conclusion, the multifaceted legacy of industrialization continues to resonate today. By delving into its complexities, we gain valuable insights into the intricate interplay between technological innovation and societal change.',
  'Moreover, the rapid urbanization that accompanied industrial growth highlighted the crucial importance of robust public health infrastructure. See https://example.org/cities?utm_source=chatgpt.com for further\u200b context.',
  'Anyway I think the mills were good and bad. My grandad says the pay was rubbish but at least it was a job.'
]

type Shade = [label: PassageLabel, p: number | null]
const SHADES: Shade[] = [
  ['not-scored', null],
  ['likely-human', 0.04],
  ['likely-human', 0.11],
  ['likely-ai', 0.94],
  ['likely-ai', 0.97],
  ['likely-ai', 0.88],
  ['too-short', null]
]

function assemble(paragraphs: string[]): { text: string; passages: Passage[] } {
  let text = ''
  const passages: Passage[] = paragraphs.map((para, index) => {
    if (index > 0) text += '\n\n'
    const start = text.length
    text += para
    return {
      index,
      start,
      end: text.length,
      page: index < 4 ? 1 : 2,
      words: para.split(/\s+/).length,
      kind: index === 0 ? 'heading' : 'prose',
      paragraphs: [index, index]
    }
  })
  return { text, passages }
}

function phraseAt(
  text: string,
  phrase: string,
  weight: number
): { start: number; end: number; phrase: string; weight: number } {
  const start = text.indexOf(phrase)
  if (start < 0) throw new Error(`fixture phrase not found: ${phrase}`)
  return { start, end: start + phrase.length, phrase, weight }
}

export function okResult(): DocumentResult {
  const { text, passages } = assemble(PARAGRAPHS)
  const scores: PassageScore[] = SHADES.map(([label, p]) => ({
    aiProbability: p,
    interval: p === null ? null : [Math.max(0, p - 0.06), Math.min(1, p + 0.04)],
    label,
    explanation: null,
    segment: p === null ? null : p > 0.5 ? 'ai' : 'human'
  }))
  scores[3].explanation = {
    towardsAi: [
      phraseAt(text, 'it is important to note that', 0.82),
      phraseAt(text, 'pivotal transformation', 0.61)
    ],
    towardsHuman: [],
    style: [
      {
        feature: 'sentence-length-variation',
        text: 'Sentence lengths vary much less than in student essays.',
        direction: 'ai'
      }
    ]
  }
  scores[1].explanation = {
    towardsAi: [],
    towardsHuman: [phraseAt(text, 'couldnt hear yourself think', -0.7)],
    style: [
      {
        feature: 'typos',
        text: 'Informal spelling and missing apostrophes, common in student drafts.',
        direction: 'human'
      }
    ]
  }
  const zw = text.indexOf('\u200b')
  const utm = text.indexOf('utm_source=chatgpt.com')
  return {
    schemaVersion: 2,
    path: '/home/teacher/essays/Year 10/jane-doe_history-essay.docx',
    fileName: 'jane-doe_history-essay.docx',
    sizeBytes: 24817,
    sha256: SHA,
    format: 'docx',
    status: 'ok',
    error: null,
    words: passages.reduce((n, p) => n + p.words, 0),
    pageCount: 2,
    warnings: [{ code: 'hyphenation-joined', message: '3 words split across lines were joined.' }],
    metadata: {
      application: 'Microsoft Office Word',
      appVersion: '16.0000',
      creator: 'Jane Doe',
      lastModifiedBy: 'Jane Doe',
      created: '2026-11-20T18:02:00Z',
      modified: '2026-11-20T18:09:00Z',
      totalEditingMinutes: 7,
      revision: 2,
      rsidSessions: 1,
      pages: 2
    },
    passages: passages.map((p, i) => ({ ...p, score: scores[i] })),
    detector: {
      model: { name: 'inkprint-detector', version: '1.2.0', sha256: MODEL_SHA },
      aiProbability: 0.83,
      verdict: 'likely-ai',
      aiShare: 0.41,
      operatingPoint: {
        name: 'strict',
        threshold: 0.912,
        fpr: 0.01,
        fprUpper: 0.016,
        measuredOn: 'held-out human student essays (n=1800)'
      },
      segments: [
        { fromPassage: 1, toPassage: 2, state: 'human' },
        { fromPassage: 3, toPassage: 5, state: 'ai' }
      ]
    },
    watermarks: [
      {
        profileId: 'kgw-llama2-default',
        profileName: 'KGW, Llama-2 tokenizer, published default key',
        scheme: 'kgw',
        tokenizer: 'llama-2',
        publicDefaultKey: true,
        status: 'scored',
        tokensScored: 212,
        statistic: { name: 'z', value: 0.41 },
        pValue: 0.341,
        pValueAdjusted: 0.682,
        detected: false,
        flags: [],
        message: ''
      },
      {
        profileId: 'school-own-model',
        profileName: 'Northfield tutor bot (school key)',
        scheme: 'synthid',
        tokenizer: 'gemma',
        publicDefaultKey: false,
        status: 'scored',
        tokensScored: 198,
        statistic: { name: 'mean g', value: 0.562 },
        pValue: 0.00021,
        pValueAdjusted: 0.00042,
        detected: true,
        flags: [],
        message: ''
      }
    ],
    fingerprints: [
      {
        kind: 'invisible-character',
        rule: 'zero-width-space',
        start: zw,
        end: zw + 1,
        count: 1,
        description: 'A zero-width space: an invisible character inside the text.',
        innocentExplanations: ['Copied from a web page or PDF that uses them for line breaking.']
      },
      {
        kind: 'chatbot-artefact',
        rule: 'utm-chatgpt',
        start: utm,
        end: utm + 'utm_source=chatgpt.com'.length,
        count: 1,
        description:
          'A link tagged utm_source=chatgpt.com, added when links are copied from ChatGPT answers.',
        innocentExplanations: [
          'The student may have used ChatGPT search to find a source, then written the text themselves.'
        ]
      },
      {
        kind: 'metadata',
        rule: 'short-editing-time',
        start: null,
        end: null,
        count: 1,
        description: 'Total editing time is 7 minutes for 270 words.',
        innocentExplanations: ['Written in another app or online and pasted into this file.']
      }
    ],
    text,
    checkedAt: '2026-11-29T09:40:12.000Z',
    inkprintVersion: '0.4.0',
    timingsMs: { extract: 12.5, detector: 48.1, watermark: 20.3, fingerprint: 1.2, total: 84.9 }
  }
}

export function errorResult(): DocumentResult {
  return {
    schemaVersion: 2,
    path: '/home/teacher/essays/Year 10/sam-smith.pdf',
    fileName: 'sam-smith.pdf',
    sizeBytes: 1_204_332,
    sha256: 'b'.repeat(64),
    format: 'pdf',
    status: 'error',
    error: {
      code: 'scanned',
      message: 'This PDF contains only scanned images of pages, so there is no text to check.'
    },
    words: 0,
    pageCount: 3,
    warnings: [],
    metadata: { producer: 'HP Scan 2.1' },
    passages: [],
    checkedAt: '2026-11-29T09:40:13.000Z',
    inkprintVersion: '0.4.0',
    timingsMs: { extract: 40, total: 41 }
  }
}

export function tooShortResult(): DocumentResult {
  const { text, passages } = assemble(['My summer holiday was fun and we went to the sea.'])
  return {
    ...errorResult(),
    path: '/home/teacher/essays/Year 10/alex.txt',
    fileName: 'alex.txt',
    sizeBytes: 51,
    sha256: 'c'.repeat(64),
    format: 'txt',
    status: 'too-short',
    error: null,
    words: 11,
    pageCount: null,
    metadata: {},
    passages,
    text,
    fingerprints: []
  }
}
