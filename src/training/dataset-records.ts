/**
 * Reading the shared datasets and deciding, per record: split (by pair/prompt, never by record),
 * generator family, domain, attack, and whether it is used at all (seeded subsampling).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fnv1a } from '../engine/detector/hash'

export const SPLIT_SEED = 'inkprint-detector-v1'

/** Our own corpus of chat-assistant text written to imitate students (data/imitation, in this repo). */
export const IMITATION = 'imitation'

/** Every dataset featurised for training and evaluation (`trainable` decides which records train). */
export const TRAINING_DATASETS = [
  'outfox',
  'gede-preview',
  'ellipse-ell-essays',
  'argugpt-machine',
  'ndhal-asap-fce-gpt',
  'fastdetect-glimpse',
  'raidar',
  'mixset',
  'asap-essays',
  'fce-learners',
  'micusp-papers',
  'commonlit-summaries',
  'apt-eval-polished',
  'adversarial-paraphrasing',
  'detectrl',
  'imitation'
]

export interface RawRecord {
  id: string
  text: string
  label: 'human' | 'ai' | 'mixed'
  generator: string
  domain: string
  group?: string
  segments?: { start: number; end: number; label: string }[]
  meta: Record<string, unknown>
}

export type Split = 'train' | 'calib' | 'test'

export interface RecordInfo {
  dataset: string
  /** The human corpus a record belongs to for leave-one-corpus-out (imitation texts: their prompt's corpus). */
  corpus: string
  /** Writer group for fairness tables (k12-us, learner, university, adult-forum, general). */
  writers: string
  split: Split
  pairKey: string
  family: string
  domain: string
  attack: string
  /** gede contribution level / mixset edit kind, for the AI-assisted evaluation. */
  edit: string
  student: boolean
}

/** Seeded uniform number in [0, 100) from a string. */
export function bucket100(key: string): number {
  return fnv1a(SPLIT_SEED + '|' + key) % 100
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v)
}

/** The grouping key that keeps prompt-mates together. */
export function pairKey(dataset: string, r: RawRecord): string {
  const m = r.meta
  switch (dataset) {
    case 'outfox':
      return 'outfox:' + str(m.problem_statement)
    case 'argugpt-machine':
      return 'argugpt:' + str(m.prompt_id)
    case 'ndhal-asap-fce-gpt':
      return 'ndhal:' + str(m.rawdata_file) + ':' + str(m.prompt_id)
    case 'ellipse-ell-essays':
      return 'ellipse:' + str(m.prompt)
    case 'asap-essays':
    case 'fce-learners':
      return 'prompt:' + str(m.prompt_id)
    case 'micusp-papers':
      return 'micusp:' + str(m.paper_id)
    case 'commonlit-summaries':
      return 'commonlit:' + str(m.prompt_id)
    case 'apt-eval-polished':
    case 'mixset':
      // The same human texts appear in both (README): one key space so a text never straddles splits.
      return 'hwt:' + (str(m.pair_id) || str(m.mixset_id) || r.id).replace(/^mixset-/, '')
    case 'adversarial-paraphrasing':
      return 'advp:' + (str(m.source_text_id) || str(m.pair_id) || r.id)
    case IMITATION:
      return imitationKey(str(m.prompt_id), str(m.prompt))
    default:
      return dataset + ':' + (str(m.pair_id) || r.id)
  }
}

/** Imitation texts written for a corpus prompt share that corpus's key, so they fall in its split. */
export function imitationKey(promptId: string, prompt: string): string {
  if (promptId.startsWith('asap-') || promptId.startsWith('fce-')) return 'prompt:' + promptId
  if (promptId.startsWith('micusp-')) return 'micusp:' + promptId.slice('micusp-'.length)
  if (promptId.startsWith('commonlit-')) return 'commonlit:' + promptId.slice('commonlit-'.length)
  if (promptId.startsWith('ellipse-')) return 'ellipse:' + prompt.replace(/ \(the ELLIPSE.*$/, '')
  if (promptId.startsWith('outfox-')) return 'outfox:' + prompt
  return 'imit:' + promptId
}

/** The corpus an imitation prompt was taken from ('' for the team's own prompts). */
export function imitationCorpus(promptId: string): string {
  const prefix = promptId.split('-')[0] ?? ''
  const map: Record<string, string> = {
    asap: 'asap-essays',
    fce: 'fce-learners',
    micusp: 'micusp-papers',
    commonlit: 'commonlit-summaries',
    ellipse: 'ellipse-ell-essays',
    outfox: 'outfox',
    gede: 'gede-preview'
  }
  return map[prefix] ?? ''
}

export function writerGroup(dataset: string, r: RawRecord): string {
  switch (dataset) {
    case 'outfox':
    case 'asap-essays':
    case 'commonlit-summaries':
      return 'k12-us'
    case 'ellipse-ell-essays':
    case 'fce-learners':
      return 'learner'
    case 'micusp-papers':
      return 'university'
    case 'gede-preview':
      return r.group === 'non-native' ? 'learner' : 'adult-forum'
    default:
      return 'general'
  }
}

export function splitOf(key: string): Split {
  const b = bucket100(key)
  return b < 55 ? 'train' : b < 75 ? 'calib' : 'test'
}

export function familyOf(generator: string): string {
  const g = generator.toLowerCase()
  if (g === 'human') return 'human'
  if (g.includes('gpt-4')) return 'gpt-4'
  if (g.includes('gpt-3.5') || g.includes('chatgpt')) return 'gpt-3.5'
  if (g.includes('llama')) return 'llama'
  if (g.includes('claude')) return 'claude'
  if (g.includes('dipper')) return 'open-small'
  if (/davinci|babbage|curie|gpt-3\b/.test(g)) return 'gpt-3'
  return 'open-small'
}

export function domainOf(domain: string): string {
  if (domain === 'creative-writing' || domain === 'story') return 'story'
  if (['qa', 'blog', 'email', 'review', 'speech'].includes(domain)) return 'web-misc'
  if (domain === 'mage-mixed') return 'web-misc'
  return domain
}

export function attackOf(dataset: string, r: RawRecord): string {
  if (r.generator.includes('+dipper')) return 'dipper'
  if (dataset === 'adversarial-paraphrasing') {
    const a = str(r.meta.attack)
    return a === 'none' || a === ''
      ? 'none'
      : a.includes('adv') || str(r.meta.guide)
        ? 'humanizer'
        : 'paraphrase'
  }
  if (dataset === 'detectrl') {
    const a = str(r.meta.attack)
    return a === 'none' || a === '' ? 'none' : a.includes('paraphras') ? 'paraphrase' : 'perturbation'
  }
  if (dataset === 'apt-eval-polished') return 'polish'
  const edit = str(r.meta.ai_edit)
  if (edit.includes('humanize')) return 'humanize'
  if (dataset === 'gede-preview' && str(r.meta.contribution_level).startsWith('rewrite-'))
    return 'llm-rewrite'
  return 'none'
}

export function editOf(dataset: string, r: RawRecord): string {
  if (dataset === 'gede-preview') return str(r.meta.contribution_level) || 'human'
  if (dataset === 'mixset') {
    const e = str(r.meta.ai_edit)
    if (e.includes('token-level polish')) return 'polish-token'
    if (e.includes('sentence-level polish')) return 'polish-sentence'
    if (e.includes('rewrite of human')) return 'rewrite-human'
    if (e.includes('completion')) return 'completion'
    if (r.generator.includes('human-edit')) return 'human-edited-ai'
    return e ? 'other' : r.label
  }
  return str(r.meta.ai_edit) ? 'other' : r.label
}

/**
 * Which records are featurised. Everything human is kept; large AI pools are subsampled with the seed
 * so featurising and training stay inside the CPU budget; mixed records only where an evaluation uses them.
 */
export function keepRecord(dataset: string, r: RawRecord, info: RecordInfo): boolean {
  const b = bucket100('keep|' + r.id)
  if (dataset === IMITATION) return true
  if (dataset === 'apt-eval-polished') {
    // The human originals are mixset's (dedupe); polished versions: evaluation only, a seeded third.
    if (r.label === 'human') return false
    return info.split !== 'train' && b < 35 && Number(r.meta.len_ratio ?? 1) >= 0.6
  }
  if (r.label === 'human') return true
  if (dataset === 'coauthor-hybrid-chunks' || dataset === 'cheat-fusion') return false
  if (dataset === 'adversarial-paraphrasing') return !r.meta.refusal && !r.meta.degenerate && b < 30
  if (dataset === 'detectrl') return r.label === 'mixed' ? info.split !== 'train' && b < 20 : b < 40
  if (dataset === 'raidar' && r.label === 'mixed') return info.split !== 'train' && b < 15
  if (dataset === 'gede-preview') {
    if (r.label === 'mixed') return info.split !== 'train'
    if (info.attack === 'dipper') return true
    return b < 40
  }
  if (dataset === 'fastdetect-glimpse') return b < 40
  if (dataset === 'ndhal-asap-fce-gpt') return b < 50
  return true
}

/** Mixset's pure human and AI sets come from different domains: never train on them (README caveat). */
export function trainable(dataset: string, r: RawRecord): boolean {
  return dataset !== 'mixset' && dataset !== 'apt-eval-polished' && r.label !== 'mixed'
}

export function readDataset(dataDir: string, dataset: string): RawRecord[] {
  const file =
    dataset === IMITATION
      ? join(__dirname, '../../data/imitation/imitation.jsonl')
      : join(dataDir, dataset, 'data.jsonl')
  const lines = readFileSync(file, 'utf8').split('\n')
  return lines.filter((l) => l.trim().length > 0).map((l) => JSON.parse(l) as RawRecord)
}

export function describe(dataset: string, r: RawRecord): RecordInfo {
  const key = pairKey(dataset, r)
  const promptId = str(r.meta.prompt_id)
  const info: RecordInfo = {
    dataset,
    corpus: dataset === IMITATION ? imitationCorpus(promptId) || IMITATION : dataset,
    writers: writerGroup(dataset, r),
    split: splitOf(key),
    pairKey: key,
    family: familyOf(r.generator),
    domain: domainOf(r.domain),
    attack: 'none',
    edit: editOf(dataset, r),
    student:
      r.label === 'human' &&
      ['k12-us', 'learner', 'university', 'adult-forum'].includes(writerGroup(dataset, r))
  }
  info.attack = attackOf(dataset, r)
  return info
}

/** Formatting cues that give labels away in some sources; measured on raw and on normalised text. */
export function formattingCues(text: string): number[] {
  return [
    (text.match(/\n/g) ?? []).length > 0 ? 1 : 0,
    Math.min((text.match(/\n\n/g) ?? []).length, 20) / 20,
    /^\s*(title|subject)\s*:/i.test(text) ? 1 : 0,
    / {2,}/.test(text) ? 1 : 0,
    /\u00a0/.test(text) ? 1 : 0,
    /[\u2018\u2019\u201c\u201d]/.test(text) ? 1 : 0,
    /[\u2013\u2014]/.test(text) ? 1 : 0,
    /^\s|\s$/.test(text) ? 1 : 0,
    /[*#]/.test(text) ? 1 : 0
  ]
}
