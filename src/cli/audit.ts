/**
 * `inkprint audit`: how often the detector flags human texts, per writer group, on a labelled JSONL file.
 * The lead's src/cli/index.ts dispatches here with the arguments after the subcommand.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import {
  DEFAULT_OPERATING_POINT,
  isOperatingPointName,
  OPERATING_POINT_NAMES
} from '../shared/operating-points'
import { AUROC_FOOTNOTE, auditPlots, formatGroupTable, seededSample } from '../engine/calibration'
import { readAuditRecords, scoreAuditRecords, groupValue } from '../pipeline/audit'
import { resourcesDir } from '../pipeline/resources'

export const AUDIT_USAGE = `Usage: inkprint audit --data FILE.jsonl [--group-field group] [--plots DIR] [--limit N] [--operating-point balanced]

Scores labelled texts ({"id","text","label":"human"|"ai"|"mixed","group"?,...} per line) and prints, for each
group, how many human texts are flagged (false-positive rate, 95% Wilson interval), how many AI texts are
caught, and the AUROC.

Options:
  --data FILE             JSON Lines file of labelled texts (required)
  --group-field NAME      field to group by: a top-level field, a meta field, or a dotted path (default group)
  --operating-point NAME  strict | balanced | sensitive (default balanced)
  --limit N               audit a seeded random sample of N texts, stratified by group and label
  --sample N              same as --limit
  --seed TEXT             seed for the sample (default inkprint-audit)
  --plots DIR             write roc.svg and scores.svg there
  --out FILE              write the table and the scores (no texts) as JSON
  --models DIR            detector model folder (default: the shipped one)

Exit status: 0 when the audit ran, 1 when nothing could be scored or the detector is missing, 2 on usage errors.`

const write = (s: string): void => void process.stdout.write(s + '\n')
const warn = (s: string): void => void process.stderr.write(s + '\n')

export async function runAudit(argv: string[]): Promise<number> {
  const args = argv[0] === 'audit' ? argv.slice(1) : argv
  let values
  try {
    values = parseArgs({
      args,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        'group-field': { type: 'string', default: 'group' },
        'operating-point': { type: 'string', default: DEFAULT_OPERATING_POINT },
        limit: { type: 'string' },
        sample: { type: 'string' },
        seed: { type: 'string', default: 'inkprint-audit' },
        plots: { type: 'string' },
        out: { type: 'string' },
        models: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    }).values
  } catch (err) {
    warn(`inkprint audit: ${err instanceof Error ? err.message : String(err)}\n\n${AUDIT_USAGE}`)
    return 2
  }
  if (values.help) {
    write(AUDIT_USAGE)
    return 0
  }
  const usage = (msg: string): number => {
    warn(`inkprint audit: ${msg}\n\n${AUDIT_USAGE}`)
    return 2
  }
  if (!values.data) return usage('--data FILE.jsonl is required.')
  const operatingPoint = values['operating-point']
  if (!isOperatingPointName(operatingPoint))
    return usage(`--operating-point must be one of ${OPERATING_POINT_NAMES.join(', ')}.`)
  const limitText = values.limit ?? values.sample
  const limit = limitText === undefined ? null : Number(limitText)
  if (limit !== null && (!Number.isInteger(limit) || limit < 1))
    return usage('--limit must be a positive whole number.')
  const groupField = values['group-field']

  let read
  try {
    read = await readAuditRecords(resolve(values.data))
  } catch (err) {
    warn(`inkprint audit: cannot read ${values.data}: ${err instanceof Error ? err.message : String(err)}`)
    return 1
  }
  if (read.invalidLines > 0)
    warn(`inkprint audit: ${read.invalidLines} lines were not labelled records and were skipped.`)
  const records =
    limit === null
      ? read.records
      : seededSample(read.records, limit, values.seed, (r) => `${groupValue(r, groupField) ?? ''}|${r.label}`)
  if (records.length === 0) {
    warn('inkprint audit: no labelled records to audit.')
    return 1
  }

  let detector
  try {
    const { loadDetector } = await import('../pipeline/detector')
    detector = await loadDetector(resolve(values.models ?? join(resourcesDir(), 'models')))
  } catch (err) {
    warn(
      `inkprint audit: the detector model could not be loaded: ${err instanceof Error ? err.message : String(err)}`
    )
    return 1
  }
  const started = Date.now()
  const outcome = await scoreAuditRecords(records, detector, {
    groupField,
    operatingPoint,
    onProgress: (done, total) => {
      if (done === total || done % 50 === 0) process.stderr.write(`\rscoring: ${done}/${total}   `)
    }
  })
  process.stderr.write('\n')
  await detector.close()
  const op = outcome.operatingPoint
  if (!op || outcome.scored.every((r) => r.score === null)) {
    warn('inkprint audit: no text could be scored (all too short or not English).')
    return 1
  }
  write(
    `Operating point ${op.name}: threshold ${op.threshold.toFixed(4)} (${op.measuredOn}); grouped by ${groupField}`
  )
  write(formatGroupTable(outcome.rows))
  if (outcome.rows.some((r) => r.aurocAgainst === 'all-ai')) write(AUROC_FOOTNOTE)
  warn(`inkprint audit: ${records.length} texts scored in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  if (values.plots) {
    const dir = resolve(values.plots)
    await mkdir(dir, { recursive: true })
    const plots = auditPlots(outcome.scored, outcome.rows, {
      title: `Audit by ${groupField}`,
      threshold: op.threshold,
      operatingPoint: op.name
    })
    await writeFile(join(dir, 'roc.svg'), plots.rocSvg)
    await writeFile(join(dir, 'scores.svg'), plots.histogramSvg)
    write(`Plots written to ${join(dir, 'roc.svg')} and ${join(dir, 'scores.svg')}`)
  }
  if (values.out) {
    const payload = {
      data: values.data,
      groupField,
      operatingPoint: op,
      model: outcome.model,
      rows: outcome.rows,
      scores: outcome.scored
    }
    await writeFile(resolve(values.out), JSON.stringify(payload, null, 2) + '\n')
  }
  return 0
}
