/** Realistic DocumentResults for report tests, built from paragraphs so every offset is real. */
import type {
  Attribution,
  DocumentResult,
  Passage,
  PassageLabel,
  PassageScore,
  WatermarkTest
} from '../../../../src/shared/types'
import type { ReportContext } from '../../../../src/engine/report'

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

const ESSAY_300 = [
  'My grandfather kept bees for forty years, and every summer he let me help him check the hives. At first I was scared of being stung, and I was stung, more than once. But he told me that bees only sting when they think you are a threat, and that the trick is to move slowly and breathe.',
  'At first it was hard because I kept making the same mistakes, but my grandfather told me to write down what went wrong each time. After a few weeks I could see a pattern, and that helped more than any video. Some people say it is a waste of time, and honestly I agreed with them for a while.',
  'The hardest part was asking for help. I am not good at that. But the older beekeepers at the market were kind, and one of them showed me a trick with the smoker that I still use. We made a chart of everything that happened over the summer, messy and half in pencil.',
  'Last spring one hive swarmed and we followed the bees down the lane to an apple tree. My grandfather laughed, climbed a ladder and shook them into a box as if it were nothing.',
  'Beekeeping also taught me that you cannot rush living things. You open the hive, you look, you close it again, and you wait. My grandfather says that patience is not doing nothing, it is paying attention, and I think he is right about that and about most things.',
  'I do not know if I will keep doing it forever, but I am glad I started, and I think I understand myself a bit better because of it. If I had to give advice to someone starting out, I would say: be patient, write things down, and do not be afraid to look silly.'
]

/**
 * A 300-word essay as the app checks it today: every passage explained (five phrases each way, three style
 * notes), ten watermark keys of which three could not be tested, and a model card with ten writer groups.
 * Sized like the real thing so the printed report's page count means something.
 */
export function essay300Result(): { result: DocumentResult; ctx: ReportContext } {
  const base = okResult()
  let text = ''
  const passages = ESSAY_300.map((para, index) => {
    if (index > 0) text += '\n\n'
    const start = text.length
    text += para
    return {
      index,
      start,
      end: text.length,
      page: null,
      words: para.split(/\s+/).length,
      kind: 'prose' as const,
      paragraphs: [index, index] as [number, number]
    }
  })
  const probabilities = [0.97, 0.99, 0.93, 0.9, 0.62, 0.85]
  const scored = passages.map((p, i) => {
    const words = [...text.slice(p.start, p.end).matchAll(/\S+ \S+/g)]
    const attribution = (k: number, weight: number): Attribution => {
      const m = words[Math.floor((k * words.length) / 10)]
      return { start: p.start + m.index, end: p.start + m.index + m[0].length, phrase: m[0], weight }
    }
    const aiProbability = probabilities[i]
    return {
      ...p,
      score: {
        aiProbability,
        interval: [aiProbability - 0.02, Math.min(1, aiProbability + 0.01)] as [number, number],
        label: aiProbability > 0.95 ? ('likely-ai' as const) : ('uncertain' as const),
        segment: 'ai' as const,
        explanation: {
          towardsAi: [0, 1, 2, 3, 4].map((k) => attribution(k, 1.4 - k * 0.2)),
          towardsHuman: [5, 6, 7, 8, 9].map((k) => attribution(k, -0.5 + k * 0.03)),
          style: [
            {
              feature: 'wordLengthMean',
              text: 'Words are shorter than in typical student essays',
              direction: 'ai' as const
            },
            {
              feature: 'longWordShare',
              text: 'Long words are rarer than in typical student essays',
              direction: 'human' as const
            },
            {
              feature: 'sentenceLengthCv',
              text: 'Sentence lengths vary less than in typical student essays',
              direction: 'ai' as const
            }
          ]
        }
      }
    }
  })
  const generic =
    'This does not indicate human authorship: most AI services do not watermark text, no commercial chatbot publishes its watermark key, and paraphrasing, translation, editing or another model remove watermarks.'
  const watermarks: WatermarkTest[] = Array.from({ length: 10 }, (_, i) => {
    const untested = i % 3 === 2
    const name = `Research profile ${i + 1} (published reference defaults)`
    return {
      profileId: `profile-${i + 1}`,
      profileName: name,
      scheme: (['kgw', 'unigram', 'aaronson', 'synthid'] as const)[i % 4],
      tokenizer: untested ? 'opt' : 'gpt2',
      publicDefaultKey: true,
      status: untested ? ('error' as const) : ('scored' as const),
      tokensScored: untested ? 0 : 330 + i,
      statistic: untested ? null : { name: 'z', value: 0.1 * i - 0.4 },
      pValue: untested ? null : 0.1 + 0.08 * i,
      pValueAdjusted: untested ? null : 1,
      detected: false,
      flags: [],
      message: untested
        ? `Not tested: ${name} needs the "opt" tokenizer, which is not available offline in this installation (the OPT tokenizer is not bundled with this version). Nothing can be concluded either way.`
        : `No watermark found for ${name}, gpt2 tokenizer (p = ${(0.1 + 0.08 * i).toFixed(2)}, 1.0 after adjusting for 7 tests). ${generic}`
    }
  })
  const groups = [
    'all held-out student essays',
    'native: university papers',
    'native: US grades 6–12',
    'non-native: exam answers',
    'non-native: grades 8–12',
    'non-native: adults',
    'non-native: university papers (non-native or bilingual)',
    'unknown: US grades 7–10',
    'unknown: essay-forum writers',
    'non-native: all groups'
  ]
  const ctx: ReportContext = {
    ...CTX,
    calibration: undefined,
    modelCard: {
      ...CTX.modelCard!,
      rates: [
        ...groups.map((population, i) => ({
          population,
          n: 100 + 300 * i,
          rate: 0.001 * i,
          interval: [0, 0.002 * i + 0.01] as [number, number],
          kind: 'false-positive' as const
        })),
        {
          population: 'AI-written essays (held out)',
          n: 1114,
          rate: 0.77,
          interval: [0.746, 0.795],
          kind: 'detection'
        }
      ],
      caveats: [
        'Measured on held-out essays the model never trained on.',
        'Documents under 50 words are not scored.',
        'Paraphrased AI text is often missed.'
      ],
      cardLocation: 'detector.card.md and fairness.md, shipped with Inkprint in resources/models'
    }
  }
  const result: DocumentResult = {
    ...base,
    fileName: 'maya-singh_bees.txt',
    path: '/home/teacher/essays/maya-singh_bees.txt',
    format: 'txt',
    pageCount: null,
    sizeBytes: text.length,
    metadata: {},
    warnings: [],
    text,
    words: passages.reduce((n, p) => n + p.words, 0),
    passages: scored,
    detector: {
      ...base.detector!,
      aiProbability: 0.99,
      aiShare: 0.38,
      humanRate: { rate: 0.0002, n: 4775, belowResolution: true }
    },
    watermarks,
    fingerprints: []
  }
  return { result, ctx }
}
