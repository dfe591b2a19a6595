/**
 * Known writing kept on this computer: `<storeDir>/known-writing.json` holds each student's style counts (no
 * text) and hand corrections of which student a file belongs to. Kept results are compared again whenever
 * either changes.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { KnownWritingSummary } from '../shared/api'
import type { KnownWritingSet } from '../shared/known-writing'
import type { DocumentResult } from '../shared/types'
import { isStyleCounts, sameStudent } from '../engine/style-compare'
import { compareDocument, knownTextFromFile } from '../pipeline/known-writing'
import { walkInputs } from '../pipeline/walk'

const MAX_STUDENT_NAME = 120

function validSet(x: unknown): KnownWritingSet {
  const empty: KnownWritingSet = { students: [], assignments: {} }
  if (typeof x !== 'object' || x === null) return empty
  const v = x as Partial<KnownWritingSet>
  const students = Array.isArray(v.students)
    ? v.students
        .filter((s) => typeof s?.student === 'string' && Array.isArray(s.texts))
        .map((s) => ({ student: s.student, texts: s.texts.filter((t) => isStyleCounts(t?.counts)) }))
    : []
  const assignments: Record<string, string> = {}
  if (v.assignments && typeof v.assignments === 'object')
    for (const [k, val] of Object.entries(v.assignments)) if (typeof val === 'string') assignments[k] = val
  return { students, assignments }
}

export class KnownWritingService {
  private readonly file: string
  private set: KnownWritingSet | null = null

  constructor(storeDir: string) {
    this.file = join(storeDir, 'known-writing.json')
  }

  private async load(): Promise<KnownWritingSet> {
    if (this.set) return this.set
    try {
      this.set = validSet(JSON.parse(await readFile(this.file, 'utf8')))
    } catch {
      this.set = { students: [], assignments: {} }
    }
    return this.set
  }

  private async save(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    await writeFile(tmp, JSON.stringify(this.set), 'utf8')
    await rename(tmp, this.file)
  }

  async summary(updated: DocumentResult[] = [], warnings: string[] = []): Promise<KnownWritingSummary> {
    const set = await this.load()
    return {
      students: set.students.map((s) => ({
        student: s.student,
        words: s.texts.reduce((n, t) => n + t.words, 0),
        texts: s.texts.map((t) => ({ fileName: t.fileName, words: t.words, addedAt: t.addedAt }))
      })),
      assignments: { ...(set.assignments ?? {}) },
      updated,
      warnings
    }
  }

  /** Adds documents (files, or every document in folders) as known writing of `student`. */
  async add(student: string, paths: string[]): Promise<string[]> {
    const name = student.trim().slice(0, MAX_STUDENT_NAME)
    const set = await this.load()
    const { files } = await walkInputs(paths, { maxFiles: 500 })
    const warnings: string[] = []
    let entry = set.students.find((s) => sameStudent(s.student, name))
    if (!entry) {
      entry = { student: name, texts: [] }
      set.students.push(entry)
    }
    for (const file of files) {
      const text = await knownTextFromFile(file)
      if ('error' in text) warnings.push(text.error)
      else if (!entry.texts.some((t) => t.sha256 !== null && t.sha256 === text.sha256)) entry.texts.push(text)
    }
    if (entry.texts.length === 0) set.students = set.students.filter((s) => s !== entry)
    await this.save()
    return warnings
  }

  async remove(student: string, fileName?: string): Promise<void> {
    const set = await this.load()
    if (fileName === undefined) set.students = set.students.filter((s) => s.student !== student)
    else
      for (const s of set.students)
        if (s.student === student) s.texts = s.texts.filter((t) => t.fileName !== fileName)
    set.students = set.students.filter((s) => s.texts.length > 0)
    await this.save()
  }

  async assign(path: string, student: string | null): Promise<void> {
    const set = await this.load()
    const assignments = { ...(set.assignments ?? {}) }
    if (student === null || student.trim() === '') delete assignments[path]
    else assignments[path] = student.trim().slice(0, MAX_STUDENT_NAME)
    set.assignments = assignments
    await this.save()
  }

  /**
   * A result with its comparison (re)computed from its kept text; unchanged when no known writing is kept (no
   * comparison is shown at all then) or the result has no text.
   */
  async apply(result: DocumentResult): Promise<DocumentResult> {
    return applyKnown(await this.load(), result)
  }

  /** A synchronous `apply` over the known writing as it is now (for results streaming out of a batch). */
  async comparer(): Promise<(result: DocumentResult) => DocumentResult> {
    const set = structuredClone(await this.load())
    return (result) => applyKnown(set, result)
  }
}

function applyKnown(set: KnownWritingSet, result: DocumentResult): DocumentResult {
  if (set.students.length === 0 && Object.keys(set.assignments ?? {}).length === 0) {
    if (!result.styleComparison) return result
    const { styleComparison: _dropped, ...rest } = result
    return rest
  }
  if (result.status !== 'ok' && result.status !== 'too-short') return result
  if (result.text === undefined) return result
  return { ...result, styleComparison: compareDocument(result.path, result.text, result.passages, set) }
}
