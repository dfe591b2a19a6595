import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import {
  DEFAULT_OPERATING_POINT,
  isOperatingPointName,
  OPERATING_POINT_NAMES,
  type OperatingPointName
} from '../shared/operating-points'

export type OutputFormat = 'jsonl' | 'json' | 'csv'
export type ReportFormat = 'html' | 'pdf' | 'json' | 'csv'

export interface CheckCommand {
  command: 'check'
  paths: string[]
  format: OutputFormat
  out: string | null
  /** With --report DIR: evidence reports are written there, in `reportFormat`. */
  report: string | null
  reportFormat: ReportFormat
  includeText: boolean
  operatingPoint: OperatingPointName
  profiles: string[]
  workers: number
  results: string | null
  resume: boolean
  timeoutMs: number
  /** A saved local calibration (inkprint calibrate) that sets the verdict threshold, and where it is kept. */
  calibration: string | null
  calibrationsDir: string | null
  /** --known: students' known writing (a folder with one sub-folder per student, or a mapping file). */
  known: string | null
}

export type ParsedArgs = CheckCommand | { command: 'help' } | { command: 'version' }

export class UsageError extends Error {}

export const USAGE = `Usage: inkprint check PATH... [options]

Checks documents (PDF, DOCX, ODT, RTF, TXT, Markdown) and folders (recursively) for signs of AI authorship.
Everything runs on this computer; nothing is uploaded.

Options:
  --format jsonl|json|csv   output format (default jsonl: one JSON object per document)
  --out FILE                write to FILE instead of standard output
  --report DIR              write an evidence report per document (and a class report) into DIR;
                            with --report, --format is html | pdf | json | csv (default html)
  --include-text            include each document's extracted text
  --operating-point NAME    strict | balanced | sensitive (default balanced: about 1% of human essays flagged)
  --calibration ID          judge with a calibration saved by "inkprint calibrate" (see calibrate --list)
  --calibrations-dir DIR    where calibrations are kept (default ~/.inkprint/calibrations)
  --known PATH              compare each document with its student's known writing: a folder with one
                            sub-folder per student, or a mapping file (CSV "student,path" or JSON)
  --profile FILE            also test this watermark profile (JSON), e.g. your school's own model key
  --workers N               files checked in parallel (default: 2; 0 checks in this process)
  --results FILE            append each result to FILE as it finishes (JSON Lines, flushed to disk)
  --resume                  with --results: skip files already checked there (matched by content hash)
  --timeout SECONDS         give up on one file after this long (default 60)
  -h, --help                show this help
  -v, --version             show the version

Other commands:
  inkprint extract PATH... [--format jsonl|json]            text, paragraphs and passages with offsets; no checks
  inkprint calibrate --human DIR [--ai DIR] [--name NAME]   measure the false-positive rate on your own essays
  inkprint audit --data FILE.jsonl [--group-field group]     error rates by group on labelled texts

Exit status: 0 when every file was checked, 1 when some files could not be, 2 on usage errors.`

const FORMATS: readonly OutputFormat[] = ['jsonl', 'json', 'csv']
const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'pdf', 'json', 'csv']

export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        report: { type: 'string' },
        out: { type: 'string' },
        'include-text': { type: 'boolean', default: false },
        'operating-point': { type: 'string', default: DEFAULT_OPERATING_POINT },
        profile: { type: 'string', multiple: true, default: [] },
        workers: { type: 'string', default: '2' },
        results: { type: 'string' },
        resume: { type: 'boolean', default: false },
        timeout: { type: 'string', default: '60' },
        calibration: { type: 'string' },
        'calibrations-dir': { type: 'string' },
        known: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false }
      }
    })
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err))
  }
  const { values, positionals } = parsed
  if (values.help) return { command: 'help' }
  if (values.version) return { command: 'version' }
  const [command, ...paths] = positionals
  if (command === undefined) return { command: 'help' }
  if (command !== 'check') throw new UsageError(`Unknown command "${command}".`)
  if (paths.length === 0) throw new UsageError('Name at least one file or folder to check.')
  const report = values.report ?? null
  const format = (report ? 'jsonl' : (values.format ?? 'jsonl')) as OutputFormat
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`)
  const reportFormat = (report ? (values.format ?? 'html') : 'html') as ReportFormat
  if (!REPORT_FORMATS.includes(reportFormat))
    throw new UsageError(`With --report, --format must be one of ${REPORT_FORMATS.join(', ')}.`)
  const operatingPoint = values['operating-point']
  if (!isOperatingPointName(operatingPoint))
    throw new UsageError(`--operating-point must be one of ${OPERATING_POINT_NAMES.join(', ')}.`)
  const workers = Number(values.workers)
  if (!Number.isInteger(workers) || workers < 0 || workers > 64)
    throw new UsageError('--workers must be 0–64.')
  const timeout = Number(values.timeout)
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new UsageError('--timeout must be a positive number of seconds.')
  if (values.resume && !values.results) throw new UsageError('--resume needs --results FILE.')
  if (values.known !== undefined && !existsSync(values.known))
    throw new UsageError(`--known ${values.known}: no such folder or mapping file.`)
  return {
    command: 'check',
    paths,
    format,
    out: values.out ?? null,
    report,
    reportFormat,
    includeText: values['include-text'],
    operatingPoint,
    profiles: values.profile,
    workers,
    results: values.results ?? null,
    resume: values.resume,
    timeoutMs: timeout * 1000,
    calibration: values.calibration ?? null,
    calibrationsDir: values['calibrations-dir'] ?? null,
    known: values.known ?? null
  }
}
