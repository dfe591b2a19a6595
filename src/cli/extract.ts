/**
 * `inkprint extract PATH...`: reading and extraction only, for IT staff who want the text and its structure
 * (and for measuring what a full check costs on top). No detector, no watermark tests, no fingerprints: each
 * document's text with its paragraphs and passages as character offsets, its metadata and warnings.
 */
import { createWriteStream } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { segmentPassages } from '../engine/text'
import { extractFile } from '../pipeline/extract'
import { INKPRINT_VERSION } from '../pipeline/version'
import { walkInputs } from '../pipeline/walk'
import {
  RESULT_SCHEMA_VERSION,
  type DocFormat,
  type DocumentMetadata,
  type DocWarning,
  type InkprintError,
  type Paragraph,
  type Passage
} from '../shared/types'

export const EXTRACT_USAGE = `Usage: inkprint extract PATH... [options]

Reads documents (PDF, DOCX, ODT, RTF, TXT, Markdown) and folders (recursively) and prints only what was read:
each document's text, its paragraphs and passages as character offsets into that text, its metadata and
warnings. Nothing is scored. Everything runs on this computer; nothing is uploaded.

Options:
  --format jsonl|json       jsonl (default): one JSON object per document; json: one array in an object
  --out FILE                write to FILE instead of standard output
  --no-text                 leave the text out (offsets, metadata and warnings only)
  --timeout SECONDS         give up on one file after this long (default 60)
  -h, --help                show this help

Each object: schemaVersion, path, fileName, format, sizeBytes, sha256, status (ok | error | unsupported),
error { code, message }, pageCount, words, characters, text, paragraphs [{ index, start, end, page, kind }],
passages [{ index, start, end, page, words, kind, paragraphs }], metadata, warnings, timingsMs { read, extract }.
text.slice(start, end) is exactly a paragraph or passage, as in "inkprint check" (docs/result-schema.md).

Exit status: 0 when every file was read, 1 when some could not be, 2 on usage errors.`

/** One document as `inkprint extract` prints it. */
export interface ExtractionRecord {
  schemaVersion: typeof RESULT_SCHEMA_VERSION
  path: string
  fileName: string
  format: DocFormat | null
  sizeBytes: number | null
  sha256: string | null
  status: 'ok' | 'error' | 'unsupported'
  error: InkprintError | null
  pageCount: number | null
  words: number
  /** UTF-16 code units of the text, the unit of every offset. */
  characters: number
  text?: string
  paragraphs: Paragraph[]
  passages: Passage[]
  metadata: DocumentMetadata
  warnings: DocWarning[]
  inkprintVersion: string
  timingsMs: { read: number; extract: number }
}

const round = (ms: number): number => Math.round(ms * 100) / 100

/** Reads one file into an ExtractionRecord; never throws. */
export async function extractRecord(
  path: string,
  options: { includeText: boolean; timeoutMs: number }
): Promise<ExtractionRecord> {
  const t0 = performance.now()
  const outcome = await extractFile(path, { signal: AbortSignal.timeout(options.timeoutMs) })
  const readMs = outcome.readMs ?? 0
  const base = {
    schemaVersion: RESULT_SCHEMA_VERSION as typeof RESULT_SCHEMA_VERSION,
    path,
    fileName: basename(path),
    sizeBytes: outcome.sizeBytes,
    sha256: outcome.sha256,
    inkprintVersion: INKPRINT_VERSION
  }
  if (!outcome.ok) {
    return {
      ...base,
      format: null,
      status: outcome.error.code === 'unsupported-type' ? 'unsupported' : 'error',
      error: outcome.error,
      pageCount: null,
      words: 0,
      characters: 0,
      paragraphs: [],
      passages: [],
      metadata: {},
      warnings: [],
      timingsMs: { read: round(readMs), extract: round(performance.now() - t0 - readMs) }
    }
  }
  const { doc } = outcome
  const passages = segmentPassages(doc.text, doc.paragraphs)
  return {
    ...base,
    format: doc.format,
    status: 'ok',
    error: null,
    pageCount: doc.pageCount,
    words: passages.reduce((n, p) => n + p.words, 0),
    characters: doc.text.length,
    text: options.includeText ? doc.text : undefined,
    paragraphs: doc.paragraphs,
    passages,
    metadata: doc.metadata,
    warnings: doc.warnings,
    timingsMs: { read: round(readMs), extract: round(performance.now() - t0 - readMs) }
  }
}

class ExtractUsageError extends Error {}

function parse(argv: string[]): {
  paths: string[]
  format: 'jsonl' | 'json'
  out: string | null
  includeText: boolean
  timeoutMs: number
} | null {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'jsonl' },
        out: { type: 'string' },
        'no-text': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '60' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (err) {
    throw new ExtractUsageError(err instanceof Error ? err.message : String(err))
  }
  const { values, positionals } = parsed
  if (values.help) return null
  if (positionals.length === 0) throw new ExtractUsageError('Name at least one file or folder to read.')
  const format = values.format
  if (format !== 'jsonl' && format !== 'json') throw new ExtractUsageError('--format must be jsonl or json.')
  const timeout = Number(values.timeout)
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new ExtractUsageError('--timeout must be a positive number of seconds.')
  return {
    paths: positionals,
    format,
    out: values.out ?? null,
    includeText: !values['no-text'],
    timeoutMs: timeout * 1000
  }
}

/** `inkprint extract …`; returns the exit status. */
export async function runExtract(argv: string[]): Promise<number> {
  let args
  try {
    args = parse(argv)
  } catch (err) {
    if (!(err instanceof ExtractUsageError)) throw err
    process.stderr.write(`inkprint: ${err.message}\n\n${EXTRACT_USAGE}\n`)
    return 2
  }
  if (!args) {
    process.stdout.write(EXTRACT_USAGE + '\n')
    return 0
  }
  const started = performance.now()
  const out = args.out ? createWriteStream(args.out) : process.stdout
  const walk = await walkInputs(args.paths)
  const records: ExtractionRecord[] = []
  let failed = 0
  const emit = (record: ExtractionRecord): void => {
    if (record.error) failed++
    if (args.format === 'jsonl') out.write(JSON.stringify(record) + '\n')
    else records.push(record)
  }
  // One file at a time: reading is cheap next to checking, and the output keeps the walk's order.
  for (const path of walk.files) emit(await extractRecord(path, args))
  for (const path of walk.missing) {
    const record = await extractRecord(path, args)
    emit(record)
  }
  if (args.format === 'json') {
    const payload = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      inkprintVersion: INKPRINT_VERSION,
      documents: records
    }
    out.write(JSON.stringify(payload, null, 2) + '\n')
  }
  if (out !== process.stdout) await new Promise<void>((resolve) => out.end(resolve))
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const parts = [`${walk.files.length + walk.missing.length - failed} read`, `${failed} failed`]
  if (walk.skipped.length) parts.push(`${walk.skipped.length} skipped (not a supported document type)`)
  process.stderr.write(`inkprint: ${parts.join(', ')} in ${seconds} s\n`)
  return failed > 0 ? 1 : 0
}
