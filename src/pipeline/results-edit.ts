/**
 * Editing the app's kept results: removing some (one row, or one class) and putting them back (undo), and
 * recording a teacher's review. The results file stays append-only for checks; a removal rewrites it through a
 * temporary file that is fsynced and renamed over the original, so a crash leaves the old or the new file.
 */
import { open, rename } from 'node:fs/promises'
import type { DocumentResult, DocumentReview } from '../shared/types'
import type { ResultsStore } from './results-store'

/** Longest private note kept (characters); longer notes are cut. */
export const MAX_NOTE_CHARS = 2000

async function rewrite(store: ResultsStore, results: DocumentResult[]): Promise<void> {
  const tmp = `${store.file}.${process.pid}.edit.tmp`
  const handle = await open(tmp, 'w')
  try {
    await handle.write(results.map((r) => JSON.stringify(r) + '\n').join(''))
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(tmp, store.file)
}

/** Removes the results for these paths; returns what was removed (in file order), for an undo. */
export async function removeResults(
  store: ResultsStore,
  paths: readonly string[]
): Promise<DocumentResult[]> {
  const drop = new Set(paths)
  const all = await store.readAll()
  const removed = all.filter((r) => drop.has(r.path))
  if (removed.length === 0) return []
  await rewrite(
    store,
    all.filter((r) => !drop.has(r.path))
  )
  return removed
}

/** Puts removed results back (a result checked again since keeps its newer version). */
export async function restoreResults(
  store: ResultsStore,
  results: readonly DocumentResult[]
): Promise<DocumentResult[]> {
  const present = new Set((await store.readAll()).map((r) => r.path))
  const back = results.filter((r) => !present.has(r.path))
  for (const r of back) await store.append(r)
  return back
}

/** The review as it is kept: a boolean and a plain, bounded note. */
export function cleanReview(reviewed: boolean, note: string, now: string): DocumentReview {
  // eslint-disable-next-line no-control-regex -- control characters never belong in a note
  const text = note.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').slice(0, MAX_NOTE_CHARS)
  return { reviewed, note: text, updatedAt: now }
}

/** Records the review on the kept result for `path`; null when no result is kept for it. */
export async function setReview(
  store: ResultsStore,
  path: string,
  review: DocumentReview
): Promise<DocumentResult | null> {
  const current = (await store.readAll()).find((r) => r.path === path)
  if (!current) return null
  const updated: DocumentResult = { ...current, review }
  await store.append(updated)
  return updated
}
