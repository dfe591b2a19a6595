/**
 * Known writing: a student's own earlier texts, kept as style counts (numbers, no text) on this computer.
 * Types only.
 */
import type { StyleCounts } from '../engine/style-compare/features'

export interface KnownText {
  /** File name the counts were taken from (shown to the teacher; the text itself is not kept). */
  fileName: string
  sha256: string | null
  words: number
  addedAt: string
  counts: StyleCounts
  /** Where a copy of the file is kept, only when the teacher chose to keep files. */
  keptCopy?: string
}

export interface KnownStudent {
  student: string
  texts: KnownText[]
}

export interface KnownWritingSet {
  students: KnownStudent[]
  /** Corrections by hand: checked file path (or file name) → student, overriding the name parser. */
  assignments?: Record<string, string>
}
