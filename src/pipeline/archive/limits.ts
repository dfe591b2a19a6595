/**
 * Safety caps for archives of submissions, in line with the caps for DOCX/ODT containers
 * (src/pipeline/extract/zip.ts): entry count, per-entry size, compression ratio, total size, depth.
 * A platform's "download all submissions" for a class of 300 stays well inside each of them.
 */
export interface ArchiveLimits {
  /** Entries in one archive, and members listed from one archive and the archives inside it together. */
  maxEntries: number
  /** Uncompressed bytes of one document inside (the same 50 MB as a file on disk). */
  maxMemberBytes: number
  /** Uncompressed bytes of an archive inside an archive, which is held in memory while it is read. */
  maxNestedBytes: number
  /** Declared uncompressed bytes of everything in one archive, nested archives included. */
  maxTotalBytes: number
  /** Uncompressed/compressed ratio allowed for entries over 1 MiB (the DOCX/ODT cap). */
  maxRatio: number
  /** Archives inside archives: 1 means a ZIP in the ZIP is read, a ZIP in that one is not. */
  maxDepth: number
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 5000,
  maxMemberBytes: 50 * 1024 * 1024,
  maxNestedBytes: 128 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  maxRatio: 200,
  maxDepth: 3
}

/** File names that are archives of documents (a DOCX is a ZIP too, but it is a document). */
export function isArchiveName(name: string): boolean {
  return /\.zip$/i.test(name)
}
