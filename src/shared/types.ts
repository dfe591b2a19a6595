/**
 * The one result shape every consumer reads: CLI, desktop UI, reports and tests.
 * Types only (plus a few constants): no runtime logic lives here.
 */

/** Bumped whenever a field changes meaning or disappears. Additive changes keep the version. */
export const RESULT_SCHEMA_VERSION = 1

export type DocFormat = 'pdf' | 'docx' | 'odt' | 'rtf' | 'txt' | 'md'

/** What a block of text is, so scoring can skip or treat non-prose separately. */
export type BlockKind = 'prose' | 'heading' | 'list' | 'table' | 'quote' | 'references' | 'code'

/** Error codes are a closed union: consumers switch on the code, never on message text. */
export type ErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'is-directory'
  | 'too-large'
  | 'empty'
  | 'corrupt'
  | 'encrypted'
  | 'scanned'
  | 'unsupported-type'
  | 'zip-bomb'
  | 'xml-entities'
  | 'too-complex'
  | 'timeout'
  | 'cancelled'
  | 'internal'

export interface InkprintError {
  code: ErrorCode
  /** One or two sentences a teacher understands. */
  message: string
}

export type WarningCode =
  | 'encoding-guessed'
  | 'headers-removed'
  | 'hyphenation-joined'
  | 'pages-without-text'
  | 'truncated'
  | 'non-english'
  | 'mostly-non-prose'
  | 'extraction-note'

export interface DocWarning {
  code: WarningCode
  message: string
}

/** A paragraph (or other block) of the extracted text. `text.slice(start, end)` is its content. */
export interface Paragraph {
  index: number
  start: number
  end: number
  /** 1-based page number where the format has pages, else null. */
  page: number | null
  kind: BlockKind
}

/** The unit we score. `text.slice(start, end)` is exactly what was scored. */
export interface Passage {
  index: number
  start: number
  end: number
  page: number | null
  words: number
  kind: BlockKind
  /** Indices of the first and last paragraph merged into this passage. */
  paragraphs: [number, number]
}

/** Process evidence read from the file itself. Every field optional: formats differ. */
export interface DocumentMetadata {
  application?: string
  appVersion?: string
  producer?: string
  creator?: string
  lastModifiedBy?: string
  created?: string
  modified?: string
  template?: string
  title?: string
  /** Minutes, as Word's TotalTime or ODT's editing duration. */
  totalEditingMinutes?: number
  revision?: number
  /** ODT meta:editing-cycles. */
  editingCycles?: number
  /** Distinct w:rsid values in a DOCX: roughly, how many editing sessions touched it. */
  rsidSessions?: number
  pages?: number
  encrypted?: boolean
}

/** What extraction produces; engine-side input to scoring. */
export interface ExtractedDocument {
  format: DocFormat
  text: string
  paragraphs: Paragraph[]
  pageCount: number | null
  metadata: DocumentMetadata
  warnings: DocWarning[]
}

export type PassageLabel = 'likely-human' | 'uncertain' | 'likely-ai' | 'too-short' | 'not-scored'

/** A phrase that pushed the score, located in the document text. */
export interface Attribution {
  start: number
  end: number
  phrase: string
  /** Contribution to the log-odds; positive pushes towards AI. */
  weight: number
}

export interface StyleObservation {
  feature: string
  /** Plain words, e.g. "Sentence lengths vary much less than in student essays". */
  text: string
  direction: 'ai' | 'human'
}

export interface PassageExplanation {
  towardsAi: Attribution[]
  towardsHuman: Attribution[]
  style: StyleObservation[]
}

export interface PassageScore {
  aiProbability: number | null
  /** 90% interval on the probability, from calibration uncertainty. */
  interval: [number, number] | null
  label: PassageLabel
  explanation: PassageExplanation | null
  /** Smoothed state along the document (mixed-document segmentation). */
  segment: 'human' | 'ai' | null
}

export interface OperatingPoint {
  name: 'strict' | 'balanced' | 'sensitive' | string
  threshold: number
  /** Measured false-positive rate on held-out human student essays. */
  fpr: number
  /** 95% upper bound of that rate. */
  fprUpper: number
  /** Where the figures were measured, e.g. "held-out human essays (n=1234)". */
  measuredOn: string
  /** Set when a school's local calibration decided the verdict: which one, and its 95% Wilson interval. */
  calibration?: { id: string; name: string; n: number; fprInterval: [number, number] }
}

export type DocumentVerdict =
  'likely-human' | 'uncertain' | 'likely-ai' | 'too-short' | 'unsupported-language'

export interface DetectorSummary {
  model: { name: string; version: string; sha256: string }
  aiProbability: number | null
  verdict: DocumentVerdict
  /** Share of scored characters in likely-AI passages. */
  aiShare: number | null
  operatingPoint: OperatingPoint
  /** Plain-language segments, e.g. passages 3–5 read like AI. */
  segments: { fromPassage: number; toPassage: number; state: 'human' | 'ai' }[]
  /**
   * "About 1 in N human texts score this high": the share of held-out human essays scoring at least this
   * document's probability, over n essays; belowResolution when none did (then it is "fewer than 1 in n").
   */
  humanRate?: { rate: number; n: number; belowResolution: boolean } | null
  /** The share of AI texts the AI probability assumes (one half unless stated). */
  assumedAiShare?: number
}

export interface WatermarkTokenFlag {
  /** Character offsets in the document text (approximate for byte-level BPE merges across characters). */
  start: number
  end: number
  /**
   * 1 green / 0 red / null not scored (repeated n-gram, context); or a g-value mean in [0,1] for SynthID; or, for
   * Aaronson/Gumbel, r at the emitted token in [0,1] (uniform for unwatermarked text, near 1 when watermarked).
   */
  value: number | null
}

export interface WatermarkTest {
  profileId: string
  profileName: string
  scheme: 'kgw' | 'unigram' | 'aaronson' | 'synthid'
  tokenizer: string
  /** True when the profile ships a published public default key, not a provider's secret key. */
  publicDefaultKey: boolean
  status: 'scored' | 'too-short' | 'error'
  tokensScored: number
  statistic: { name: string; value: number } | null
  pValue: number | null
  /** Holm-adjusted across all profiles tested on this document. */
  pValueAdjusted: number | null
  detected: boolean
  flags: WatermarkTokenFlag[]
  message: string
}

export type FingerprintKind =
  | 'invisible-character'
  | 'tag-character'
  | 'bidi-control'
  | 'private-use'
  | 'homoglyph'
  | 'chatbot-artefact'
  | 'markdown-leftover'
  | 'metadata'

export interface Fingerprint {
  kind: FingerprintKind
  /** Stable rule id, e.g. "zero-width-space", "utm-chatgpt". */
  rule: string
  /** Character offsets in the document text; null for document-level (metadata) observations. */
  start: number | null
  end: number | null
  count: number
  description: string
  innocentExplanations: string[]
}

/** A teacher's mark and private note on one document (the app only; never produced by a check). */
export interface DocumentReview {
  reviewed: boolean
  /** Plain text, at most 2,000 characters. */
  note: string
  /** ISO timestamp of the last change. */
  updatedAt: string
}

export type DocumentStatus = 'ok' | 'error' | 'too-short' | 'unsupported'

export interface DocumentResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION
  path: string
  fileName: string
  sizeBytes: number | null
  sha256: string | null
  format: DocFormat | null
  status: DocumentStatus
  error: InkprintError | null
  words: number
  pageCount: number | null
  warnings: DocWarning[]
  metadata: DocumentMetadata
  passages: (Passage & { score?: PassageScore })[]
  detector?: DetectorSummary
  watermarks?: WatermarkTest[]
  fingerprints?: Fingerprint[]
  /** Extracted text; present in the app and with `--include-text` in the CLI. */
  text?: string
  /** The teacher's own review of this document in the app: kept with the result on this computer, exported. */
  review?: DocumentReview
  checkedAt: string
  inkprintVersion: string
  timingsMs: Record<string, number>
}
