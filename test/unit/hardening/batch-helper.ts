/** Runs the real batch runner over paths and collects what a caller (the app, the CLI) would see. */
import type { BatchEvent } from '../../../src/shared/api'
import type { DocumentResult } from '../../../src/shared/types'
import type { CheckContext } from '../../../src/pipeline/check'
import type { CheckEngine } from '../../../src/pipeline/batch/engine'
import { InProcessEngine } from '../../../src/pipeline/batch/in-process-engine'
import { runBatch, type BatchSummary } from '../../../src/pipeline/batch/runner'

export interface BatchRun {
  summary: BatchSummary
  results: DocumentResult[]
  events: BatchEvent[]
  byName: (name: string) => DocumentResult
}

export async function runPaths(
  paths: string[],
  engine: CheckEngine | (() => Promise<CheckContext>),
  opts: { signal?: AbortSignal; includeText?: boolean } = {}
): Promise<BatchRun> {
  const events: BatchEvent[] = []
  const results: DocumentResult[] = []
  const eng = typeof engine === 'function' ? new InProcessEngine(engine) : engine
  const summary = await runBatch({
    batchId: 'hardening',
    paths,
    options: { operatingPoint: 'balanced', profiles: [], includeText: opts.includeText ?? false },
    engine: eng,
    signal: opts.signal,
    onEvent: (e) => {
      events.push(e)
      if (e.type === 'file-done') results.push(e.result)
    }
  })
  const byName = (name: string): DocumentResult => {
    const found = results.find((r) => r.fileName === name || r.path.endsWith(`/${name}`))
    if (!found) throw new Error(`no result for ${name}; have ${results.map((r) => r.fileName).join(', ')}`)
    return found
  }
  return { summary, results, events, byName }
}

/** Memoised context: loading the detector and tokenizers once per test file keeps the suite fast. */
export function sharedContext(load: () => Promise<CheckContext>): () => Promise<CheckContext> {
  let ctx: Promise<CheckContext> | null = null
  return () => (ctx ??= load())
}
