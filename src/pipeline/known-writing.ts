/**
 * Known writing on the Node side: reading a folder (one sub-folder per student) or a mapping file into style
 * counts, and comparing a checked document with its student's known writing using the shipped card.
 */
import { readFileSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'
import type { Passage, StyleComparison } from '../shared/types'
import type { KnownStudent, KnownText, KnownWritingSet } from '../shared/known-writing'
import { parseStudentName } from '../shared/student-name'
import {
  checkStyleCard,
  compareWithKnown,
  matchStudent,
  sameStudent,
  styleCounts,
  type StyleCompareCard
} from '../engine/style-compare'
import { extractFile } from './extract'
import { resourcesDir } from './resources'
import { SUPPORTED_EXTENSIONS } from './walk'

let cached: { card: StyleCompareCard } | { error: string } | null = null

/** The shipped style-comparison card, read once per process. */
export function loadStyleCard(): { card: StyleCompareCard } | { error: string } {
  if (cached) return cached
  const file = join(resourcesDir(), 'style', 'style-compare.card.json')
  try {
    const checked = checkStyleCard(JSON.parse(readFileSync(file, 'utf8')))
    cached = checked.ok ? { card: checked.card } : { error: `the style card is unusable (${checked.reason})` }
  } catch (err) {
    cached = {
      error: `the style card could not be read (${err instanceof Error ? err.message : String(err)})`
    }
  }
  return cached
}

const isDocument = (name: string): boolean =>
  (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()) && !name.startsWith('.')

/** Style counts of one file; the text is dropped as soon as it is counted. */
export async function knownTextFromFile(path: string): Promise<KnownText | { error: string }> {
  const extracted = await extractFile(path)
  if (!extracted.ok) return { error: `${basename(path)}: ${extracted.error.message}` }
  const counts = styleCounts(extracted.doc.text)
  return {
    fileName: basename(path),
    sha256: extracted.sha256,
    words: counts.words,
    addedAt: new Date().toISOString(),
    counts
  }
}

function addText(set: KnownWritingSet, student: string, text: KnownText): void {
  let entry = set.students.find((s) => sameStudent(s.student, student))
  if (!entry) {
    entry = { student, texts: [] }
    set.students.push(entry)
  }
  if (!entry.texts.some((t) => t.sha256 !== null && t.sha256 === text.sha256)) entry.texts.push(text)
}

export interface LoadedKnownWriting {
  set: KnownWritingSet
  /** Files that could not be read or matched to a student, in words. */
  warnings: string[]
}

/**
 * `--known PATH`: a folder with one sub-folder per student (files directly inside are matched by their LMS
 * file name), or a mapping file: CSV/TSV lines `student,path` or JSON `{ "student": ["path", …] }`, paths
 * relative to the mapping file.
 */
export async function loadKnownWriting(path: string): Promise<LoadedKnownWriting> {
  const root = resolve(path)
  const set: KnownWritingSet = { students: [] }
  const warnings: string[] = []
  const pairs: { student: string; file: string }[] = []
  const info = await stat(root)
  if (info.isDirectory()) {
    for (const entry of (await readdir(root, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name)
    )) {
      if (entry.name.startsWith('.')) continue
      const full = join(root, entry.name)
      if (entry.isDirectory()) {
        for (const f of (await readdir(full)).sort())
          if (isDocument(f)) pairs.push({ student: entry.name, file: join(full, f) })
      } else if (isDocument(entry.name)) {
        const guess = parseStudentName(entry.name).student
        if (guess) pairs.push({ student: guess, file: full })
        else
          warnings.push(
            `${entry.name}: no student in the file name; put it in a folder named after the student`
          )
      }
    }
  } else {
    const raw = await readFile(root, 'utf8')
    const base = dirname(root)
    if (root.toLowerCase().endsWith('.json')) {
      const parsed = JSON.parse(raw) as Record<string, unknown>
      for (const [student, files] of Object.entries(parsed))
        for (const f of Array.isArray(files) ? files : [files])
          if (typeof f === 'string') pairs.push({ student, file: resolve(base, f) })
    } else {
      for (const line of raw.split(/\r?\n/)) {
        const cells = line.split(/\t|,/).map((c) => c.trim().replace(/^"|"$/g, ''))
        if (cells.length < 2 || !cells[0] || !cells[1] || /^student$/i.test(cells[0])) continue
        pairs.push({ student: cells[0], file: resolve(base, cells.slice(1).join(',')) })
      }
    }
  }
  for (const { student, file } of pairs) {
    const text = await knownTextFromFile(file)
    if ('error' in text) warnings.push(text.error)
    else addText(set, student, text)
  }
  return { set, warnings }
}

export function knownStudentFor(path: string, set: KnownWritingSet): KnownStudent | null {
  const name = matchStudent(
    path,
    set.students.map((s) => s.student),
    set.assignments
  )
  if (name !== null) return set.students.find((s) => s.student === name) ?? { student: name, texts: [] }
  // A student the class table names but who has no known writing: say so by name.
  const guess = parseStudentName(path).student
  return guess === null ? null : { student: guess, texts: [] }
}

/** The comparison for one checked document (text and its passages). */
export function compareDocument(
  path: string,
  text: string,
  passages: readonly Passage[],
  set: KnownWritingSet
): StyleComparison {
  const student = knownStudentFor(path, set)
  const loaded = loadStyleCard()
  const input = {
    student: student?.student ?? null,
    known: student?.texts.map((t) => t.counts) ?? [],
    text,
    passages: passages
      .filter((p) => p.kind === 'prose')
      .map((p) => ({ index: p.index, text: text.slice(p.start, p.end), words: p.words }))
  }
  if ('error' in loaded)
    return {
      ...compareWithKnown({ ...input, known: [] }, {
        minWords: { known: 0, questioned: 0, passage: 0 }
      } as StyleCompareCard),
      status: 'unavailable',
      message: `The style comparison is not available: ${loaded.error}.`
    }
  return compareWithKnown(input, loaded.card)
}

/** CLI `--known PATH`: the check option, with what could not be read written to standard error. */
export async function knownWritingOptions(path: string | null): Promise<{ knownWriting?: KnownWritingSet }> {
  if (path === null) return {}
  const { set, warnings } = await loadKnownWriting(path)
  for (const w of warnings) process.stderr.write(`inkprint: known writing: ${w}\n`)
  const texts = set.students.reduce((n, s) => n + s.texts.length, 0)
  process.stderr.write(
    `inkprint: known writing of ${set.students.length} student(s), ${texts} text(s), kept as style counts only\n`
  )
  return { knownWriting: set }
}
