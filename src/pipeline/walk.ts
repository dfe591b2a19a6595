import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import type { InkprintError } from '../shared/types'
import { isArchiveName, listArchive } from './archive'
import { ExtractFailure } from './extract/errors'

/**
 * Extensions Inkprint reads. Inside folders, other files are counted as skipped, not reported one by one.
 * A ZIP archive is read like a folder: each document inside becomes a path through it (see ./archive).
 */
export const SUPPORTED_EXTENSIONS = [
  '.pdf',
  '.docx',
  '.odt',
  '.rtf',
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.zip',
  // Scans and photos of pages, read by OCR.
  '.png',
  '.jpg',
  '.jpeg',
  '.tif',
  '.tiff'
] as const

export interface WalkResult {
  /** Files to check, in a stable order: explicit files first as given, then each folder's files sorted. */
  files: string[]
  /** Files found in folders that Inkprint does not read (images, spreadsheets…). */
  skipped: string[]
  /** Inputs that could not be walked at all (missing, unreadable); reported by the checker as errors. */
  missing: string[]
  /** Archives (or archives inside them) that could not be opened safely, each with its coded error. */
  failed: { path: string; error: InkprintError }[]
  /** Inkprint's own reports (`*.inkprint.pdf` …) found among the inputs: never checked as a student's work. */
  ownReports: string[]
}

export interface WalkOptions {
  /** Safety cap for archive-sized folders. */
  maxFiles?: number
  maxDepth?: number
}

/** The names Inkprint gives its own reports (see report/file-names.ts): `<stem>-<hash>.inkprint.pdf`, `class-report.inkprint.csv`. */
export const OWN_REPORT_NAME = /\.inkprint\.(pdf|html|json|csv)$/i

export const isOwnReport = (path: string): boolean => OWN_REPORT_NAME.test(basename(path))

const isSupported = (path: string): boolean =>
  (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())
/**
 * Pictures that belong to a saved web page ("images/", "Page_files/", Google Docs' "… images/") are part of
 * that page, not scans of student work.
 */
const isPageResource = (path: string): boolean =>
  /\.(png|jpe?g|tiff?)$/i.test(path) &&
  /(^|[\\/])(images|[^\\/]*_files|[^\\/]* images)[\\/][^\\/]+$/i.test(path)
const isDocument = (path: string): boolean =>
  isSupported(path) && !isArchiveName(path) && !isPageResource(path)

/**
 * Expands files and folders (recursively) into the list of documents to check.
 * Symlinked folders are followed once: a loop, or two links to the same folder, never repeats a file.
 * Hidden entries (".git", "~$lock.docx" Office lock files, macOS "._" forks) are ignored inside folders.
 */
export async function walkInputs(inputs: string[], options: WalkOptions = {}): Promise<WalkResult> {
  const maxFiles = options.maxFiles ?? 100_000
  const maxDepth = options.maxDepth ?? 32
  const result: WalkResult = { files: [], skipped: [], missing: [], failed: [], ownReports: [] }
  const seenDirs = new Set<string>()
  const seenFiles = new Set<string>()

  const addFile = async (path: string, explicit: boolean): Promise<void> => {
    const real = await realpath(path).catch(() => path)
    if (seenFiles.has(real) || result.files.length >= maxFiles) return
    if (isOwnReport(path)) {
      seenFiles.add(real)
      result.ownReports.push(path)
      return
    }
    if (!explicit && (!isSupported(path) || isPageResource(path))) {
      result.skipped.push(path)
      return
    }
    seenFiles.add(real)
    if (isArchiveName(path)) await addArchive(path)
    else result.files.push(path)
  }

  const addArchive = async (path: string): Promise<void> => {
    try {
      const listing = await listArchive(path, isDocument)
      for (const member of listing.members) if (result.files.length < maxFiles) result.files.push(member)
      result.skipped.push(...listing.skipped)
      result.failed.push(...listing.failed)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code
      if (error instanceof ExtractFailure) result.failed.push({ path, error: error.toError() })
      else if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM') result.missing.push(path)
      else
        result.failed.push({
          path,
          error: {
            code: 'corrupt',
            message:
              'This ZIP archive is damaged or incomplete and cannot be read. Download it again from the platform.'
          }
        })
    }
  }

  const walkDir = async (dir: string, depth: number): Promise<void> => {
    const real = await realpath(dir).catch(() => null)
    if (real === null || seenDirs.has(real) || depth > maxDepth) return
    seenDirs.add(real)
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => null)
    if (entries === null) {
      result.missing.push(dir)
      return
    }
    const names = entries.map((e) => e.name).sort((a, b) => a.localeCompare(b, 'en'))
    for (const name of names) {
      if (name.startsWith('.') || name.startsWith('~$')) continue
      const path = join(dir, name)
      const info = await stat(path).catch(() => null) // follows links; a dangling link is skipped
      if (info === null) continue
      if (info.isDirectory()) await walkDir(path, depth + 1)
      else if (info.isFile()) await addFile(path, false)
    }
  }

  for (const input of inputs) {
    const path = resolve(input)
    const info = await stat(path).catch(() => null)
    if (info === null) {
      // Keep it: the checker reports a dangling link or a vanished file as a per-file error.
      const link = await lstat(path).catch(() => null)
      if (link !== null) result.files.push(path)
      else result.missing.push(path)
    } else if (info.isDirectory()) await walkDir(path, 0)
    else await addFile(path, true)
  }
  return result
}
