/**
 * Archives of submissions as folders. A ZIP named on the command line or dropped on the window (or found in a
 * folder) is listed, archives inside it too, and every document inside becomes one path *through* the archive:
 * `/downloads/submissions.zip/Jane Doe_123_assignsubmission_file_/essay.docx`. That path is what results,
 * tables and reports show, so each result says where it came from; reading it streams the one entry out of
 * the archive into memory. Nothing is ever unpacked to disk, so no entry name can write anywhere.
 */
import { stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import type { InkprintError } from '../../shared/types'
import { ExtractFailure } from '../extract/errors'
import { archiveFailure } from './errors'
import { DEFAULT_ARCHIVE_LIMITS, isArchiveName, type ArchiveLimits } from './limits'
import {
  bufferSource,
  fileSource,
  readDirectory,
  readEntry,
  type ArchiveEntry,
  type ByteSource
} from './zip-reader'

export { DEFAULT_ARCHIVE_LIMITS, isArchiveName, type ArchiveLimits } from './limits'

export interface ArchiveListing {
  /** Documents to check, as paths through the archive. */
  members: string[]
  /** Files inside that Inkprint does not read (images, spreadsheets…), as paths through the archive. */
  skipped: string[]
  /** Archives inside the archive that could not be opened, each with its coded error. */
  failed: { path: string; error: InkprintError }[]
}

/** Platform and operating-system clutter inside archives, never a submission. */
function isClutter(name: string): boolean {
  return name
    .split('/')
    .some(
      (part) => part.startsWith('.') || part.startsWith('~$') || part === '__MACOSX' || part === 'Thumbs.db'
    )
}

/** Blackboard's per-attempt receipt ("Assignment_user_attempt_2024-02-28-21-14-05.txt"): data, not a submission. */
export function isPlatformReceipt(name: string): boolean {
  return /_attempt_\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.txt$/i.test(name)
}

/**
 * Lists the documents inside an archive file, archives inside it included (to `limits.maxDepth`). Throws an
 * ExtractFailure (coded) when the archive itself cannot be opened safely: damaged, too many entries, a
 * declared size past the caps, an entry name pointing outside it.
 */
export async function listArchive(
  path: string,
  isSupported: (name: string) => boolean,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS
): Promise<ArchiveListing> {
  const listing: ArchiveListing = { members: [], skipped: [], failed: [] }
  const budget = { entries: 0, bytes: 0 }
  const source = await fileSource(path)
  try {
    await listSource(source, path, 0, listing, budget, isSupported, limits)
  } finally {
    await source.close()
  }
  return listing
}

async function listSource(
  source: ByteSource,
  prefix: string,
  depth: number,
  listing: ArchiveListing,
  budget: { entries: number; bytes: number },
  isSupported: (name: string) => boolean,
  limits: ArchiveLimits
): Promise<void> {
  const entries = await readDirectory(source, limits)
  budget.entries += entries.length
  budget.bytes += entries.reduce((sum, e) => sum + e.size, 0)
  if (budget.entries > limits.maxEntries)
    throw archiveFailure('zip-bomb', `more than ${limits.maxEntries} entries`)
  if (budget.bytes > limits.maxTotalBytes) throw archiveFailure('zip-bomb')
  const sorted = entries
    .filter((e) => !e.directory && !e.symlink && !isClutter(e.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
  for (const entry of sorted) {
    const path = join(prefix, ...entry.name.split('/').filter((p) => p !== '' && p !== '.'))
    if (isArchiveName(entry.name)) {
      try {
        if (depth + 1 > limits.maxDepth) throw archiveFailure('too-complex', `${depth + 2} levels`)
        const inner = await readEntry(source, entry, limits.maxNestedBytes, limits)
        await listSource(bufferSource(inner), path, depth + 1, listing, budget, isSupported, limits)
      } catch (error) {
        // A hostile archive anywhere inside refuses the whole download: its siblings came with it.
        if (error instanceof ExtractFailure && (error.code === 'unsafe-archive' || error.code === 'zip-bomb'))
          throw error
        listing.failed.push({ path, error: toError(error) })
      }
    } else if (isSupported(entry.name) && !isPlatformReceipt(entry.name)) listing.members.push(path)
    else listing.skipped.push(path)
  }
}

function toError(error: unknown): InkprintError {
  if (error instanceof ExtractFailure) return error.toError()
  return archiveFailure('corrupt').toError()
}

/**
 * For a path through an archive, the archive file on disk and the entry path inside it (which may cross
 * nested archives). Null for an ordinary path, including a real folder whose name ends in ".zip".
 */
export async function locateArchiveMember(
  path: string
): Promise<{ archive: string; inner: string[] } | null> {
  if (!/\.zip[\\/]/i.test(path)) return null
  const exists = await stat(path).then(
    () => true,
    () => false
  )
  if (exists) return null
  const parts = path.split(/[\\/]/)
  for (let i = 1; i < parts.length; i++) {
    if (!isArchiveName(parts[i - 1])) continue
    const archive = parts.slice(0, i).join(sep) || sep
    const info = await stat(archive).catch(() => null)
    if (info?.isFile()) return { archive, inner: parts.slice(i) }
    if (!info) return null
  }
  return null
}

/** The bytes of one document inside an archive (through nested archives), within the caps. */
export async function readArchiveMember(
  archive: string,
  inner: string[],
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
  signal?: AbortSignal
): Promise<Uint8Array> {
  let source: ByteSource = await fileSource(archive)
  try {
    let rest = inner
    for (let depth = 0; depth <= limits.maxDepth; depth++) {
      const entries = await readDirectory(source, limits)
      const byName = new Map<string, ArchiveEntry>(entries.map((e) => [normalise(e.name), e]))
      // The longest prefix of `rest` that names an archive inside, else the whole of it as the document.
      const whole = byName.get(rest.join('/'))
      if (whole && !whole.directory)
        return await readEntry(source, whole, limits.maxMemberBytes, limits, signal)
      let next: { entry: ArchiveEntry; used: number } | null = null
      for (let k = 1; k < rest.length; k++) {
        const entry = byName.get(rest.slice(0, k).join('/'))
        if (entry && isArchiveName(entry.name)) next = { entry, used: k }
      }
      if (!next) throw archiveFailure('not-found')
      const bytes = await readEntry(source, next.entry, limits.maxNestedBytes, limits, signal)
      await source.close()
      source = bufferSource(bytes)
      rest = rest.slice(next.used)
    }
    throw archiveFailure('too-complex')
  } finally {
    await source.close()
  }
}

const normalise = (name: string): string =>
  name
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/')
