import { createReadStream } from 'node:fs'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { createInterface } from 'node:readline'
import type { DocumentResult } from '../shared/types'
import { RESULT_SCHEMA_VERSION } from '../shared/types'

/**
 * An append-only JSON Lines file of results. Each result is written and fsynced as it finishes, so killing
 * the process loses at most the documents still in flight. A torn last line (crash mid-write) is ignored on read.
 */
export class ResultsStore {
  constructor(readonly file: string) {}

  async append(result: DocumentResult): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true })
    const handle = await open(this.file, 'a')
    try {
      await handle.write(JSON.stringify(result) + '\n')
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  /** All readable results in file order; a later result for the same path replaces an earlier one. */
  async readAll(): Promise<DocumentResult[]> {
    const byPath = new Map<string, DocumentResult>()
    for await (const result of this.lines()) byPath.set(result.path, result)
    return [...byPath.values()]
  }

  /**
   * Finished results keyed by the file's content hash, for resuming without re-checking; with `accept`, only
   * the results it accepts (the latest accepted one per hash).
   */
  async finishedByHash(
    accept: (result: DocumentResult) => boolean = () => true
  ): Promise<Map<string, DocumentResult>> {
    const map = new Map<string, DocumentResult>()
    for await (const result of this.lines()) {
      if (result.sha256 && result.status !== 'error' && accept(result)) map.set(result.sha256, result)
    }
    return map
  }

  /** The content hash recorded for each path (the latest line for it), so a caller can avoid writing a line twice. */
  async hashesByPath(): Promise<Map<string, string | null>> {
    const map = new Map<string, string | null>()
    for await (const result of this.lines()) map.set(result.path, result.sha256 ?? null)
    return map
  }

  /**
   * Rewrites the file with exactly one line per document (the latest result for each path, in the order those
   * were written), dropping torn lines. Written to a temporary file, fsynced, then renamed over the original, so
   * a crash leaves either the old file or the new one. Does nothing when no path appears twice.
   * Returns the number of lines removed.
   */
  async compact(): Promise<number> {
    const latest = new Map<string, string>()
    let lines = 0
    for await (const { result, line } of this.rawLines()) {
      lines++
      latest.delete(result.path)
      latest.set(result.path, line)
    }
    const removed = lines - latest.size
    if (removed === 0) return 0
    const tmp = `${this.file}.${process.pid}.tmp`
    const handle = await open(tmp, 'w')
    try {
      await handle.write([...latest.values()].map((l) => l + '\n').join(''))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, this.file)
    return removed
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true })
  }

  private async *lines(): AsyncGenerator<DocumentResult> {
    for await (const { result } of this.rawLines()) yield result
  }

  private async *rawLines(): AsyncGenerator<{ result: DocumentResult; line: string }> {
    const stream = createReadStream(this.file, { encoding: 'utf8' })
    const ready = await new Promise<boolean>((resolve) => {
      stream.once('open', () => resolve(true))
      stream.once('error', () => resolve(false))
    })
    if (!ready) return
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      if (!line.trim()) continue
      try {
        const parsed = JSON.parse(line) as DocumentResult
        if (parsed.schemaVersion === RESULT_SCHEMA_VERSION) yield { result: parsed, line }
      } catch {
        // A line torn by a crash mid-write: the document is simply checked again.
      }
    }
  }
}
