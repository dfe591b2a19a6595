/**
 * The one result shape every consumer reads: CLI, desktop UI, reports and tests.
 * Types only (plus a few constants): no runtime logic lives here.
 */

/** Bumped whenever a field changes meaning or disappears. Additive changes keep the version. */
import type { OperatingPointName } from './operating-points'

export const RESULT_SCHEMA_VERSION = 2

export type DocFormat = 'pdf' | 'docx' | 'odt' | 'rtf' | 'txt' | 'md' | 'html' | 'image'

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
  | 'undecodable'
  | 'unsupported-type'
  | 'zip-bomb'
  | 'unsafe-archive'
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
  | 'ocr'
  | 'ocr-unreliable'

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
  /** Text read by OCR: the recognition confidence of this passage's words, 0–100. */
  ocrConfidence?: number
  /** OCR confidence below the floor: the passage "could not be read reliably" and shows no score. */
  ocrUnreliable?: boolean
}

/** Text read from page images (scanned PDF pages, photos of pages) by the offline OCR engine. */
export interface OcrInfo {
  engine: string
  /** Pages read by OCR, 1-based (an image file is page 1); other pages kept their text layer. */
  pages: number[]
  /** Word-weighted mean recognition confidence of all OCR text, 0–100. */
  confidence: number
  /** Confidence of each page in `pages`, 0–100. */
  pageConfidence: number[]
  /** Below this confidence text "could not be read reliably" and gets no verdict. */
  floor: number
  /** Mean recognition time per page, milliseconds. */
  msPerPage: number
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

/** How text was hidden from a reader (issue 17.11). */
export type HiddenHow = 'hidden-formatting' | 'white-text' | 'tiny-text' | 'comment' | 'invisible-pdf-text'

/**
 * Text in the file that a reader cannot see: left out of the document text (never scored) and reported as a
 * fingerprint. `offset` is where it sits in the document text (an insertion point between visible characters).
 */
export interface HiddenText {
  offset: number
  text: string
  words: number
  how: HiddenHow
  page: number | null
}

/** What extraction produces; engine-side input to scoring. */
export interface ExtractedDocument {
  format: DocFormat
  text: string
  paragraphs: Paragraph[]
  pageCount: number | null
  metadata: DocumentMetadata
  warnings: DocWarning[]
  /** Text a reader cannot see, left out of `text`; absent when there is none. */
  hidden?: HiddenText[]
  /** Present when some text was read by OCR; `paragraphConfidence[i]` is null for text-layer paragraphs. */
  ocr?: OcrInfo & { paragraphConfidence: (number | null)[] }
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
  /** A shipped point (OPERATING_POINT_NAMES), or "calibrated: <name>" for a school's calibration. */
  name: OperatingPointName | string
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
  | 'likely-human'
  | 'uncertain'
  | 'likely-ai'
  | 'limited-evidence'
  | 'not-prose'
  | 'too-short'
  | 'unsupported-language'

/** How unusual a document's score is for human writing, from the model card's calibration documents. */
export interface HumanRate {
  /** Share of human texts (in the writer group where it is highest) scoring at least this high. */
  rate: number
  /** How many human texts that group had. */
  n: number
  /** True when no human text in that group scored this high: the rate is then below 1 in n. */
  belowResolution: boolean
}

export interface DetectorSummary {
  model: { name: string; version: string; sha256: string }
  aiProbability: number | null
  /** "About 1 in N human texts score this high": independent of how many AI texts anyone assumed. */
  humanRate?: HumanRate | null
  /** The share of AI-written texts the probability assumes (the model card's calibration). */
  assumedAiShare?: number
  verdict: DocumentVerdict
  /** Share of scored characters in likely-AI passages. */
  aiShare: number | null
  operatingPoint: OperatingPoint
  /** Plain-language segments, e.g. passages 3–5 read like AI. */
  segments: { fromPassage: number; toPassage: number; state: 'human' | 'ai' }[]
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
  | 'hidden-text'
  | 'metadata'

export interface Fingerprint {
  kind: FingerprintKind
  /** Stable rule id, e.g. "zero-width-space", "utm-chatgpt". */
  rule: string
  /**
   * Character offsets in the document text; null for document-level (metadata) observations. Hidden text is
   * not in the document text: its fingerprint has start === end, the point where the hidden text sits.
   */
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
  /** Comparison with the student's known writing; present when known writing was given for this check. */
  styleComparison?: StyleComparison
  /** Extracted text; present in the app and with `--include-text` in the CLI. */
  text?: string
  /** The teacher's own review of this document in the app: kept with the result on this computer, exported. */
  review?: DocumentReview
  checkedAt: string
  inkprintVersion: string
  timingsMs: Record<string, number>
  /** Present when some of the text was read from page images by OCR. */
  ocr?: OcrInfo
}

/** One concrete style difference between a text and the student's known writing, in words. */
export interface StyleDifference {
  /** Measure key, e.g. "sentenceLength", "punct.semicolon", "fw.however". */
  feature: string
  /** Plain words, e.g. "Average sentence length: 24 words here, 14 in the known writing". */
  text: string
  /** Value in this text and in the known writing (unit as in `text`). */
  questioned: number
  known: number
  /** Difference in reference standard deviations of student texts (signed: positive = more here). */
  z: number
}

export type StyleComparisonStatus =
  'compared' | 'no-known-writing' | 'too-little-known-writing' | 'too-short' | 'unavailable'

/** How far a checked text is from its student's known writing (see docs/result-schema.md). */
export interface StyleComparison {
  status: StyleComparisonStatus
  /** Student the known writing belongs to (as matched or corrected), or null when none matched. */
  student: string | null
  knownTexts: number
  knownWords: number
  /** Style distance (log-odds of "different writer" from the calibrated model); null unless compared. */
  distance: number | null
  /** Pairs of texts by the same student differ at least this much about 1 time in N (calibration data). */
  sameWriterOneIn: number | null
  /** Pairs of texts by different writers differ at least this much about 1 time in M. */
  differentWriterOneIn: number | null
  /** True when the distance is at or above the app's setting (see `setting`). */
  standsOut: boolean
  setting: {
    /** Share of same-student pairs the setting marks as standing out, measured on held-out writers. */
    falseAlarmRate: number
    falseAlarmInterval: [number, number]
    threshold: number
    measuredOn: string
  } | null
  /** The largest concrete differences for the whole text. */
  differences: StyleDifference[]
  /** Passages that differ most from the known writing, most different first (at most three). */
  passages: { index: number; distance: number; differences: StyleDifference[] }[]
  /** What the comparison means or what is missing, for a teacher. */
  message: string
  /** What changes style besides a different writer; shown wherever the comparison is. */
  limits: string[]
}
