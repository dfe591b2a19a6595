/**
 * Re-judging kept results with another setting, without checking the files again: the document probability
 * does not depend on the setting, only the threshold (and so the verdict and the stated error rates) does.
 * Uses the one verdict rule (engine/detector/verdict.ts) and the operating points of the model card; a school's calibration is
 * applied as when checking (applyCalibration).
 */
import type { DetectorCard } from '../engine/detector/card'
import { operatingPoint } from '../engine/detector/card'
import { judgeAt } from '../engine/detector/verdict'
import type { DetectorSummary, DocumentResult } from '../shared/types'
import type { ResultsStore } from './results-store'

/** The summary judged at the shipped operating point `name` (any calibration on it is dropped). */
export function rejudgeAtShippedPoint(
  summary: DetectorSummary,
  card: DetectorCard,
  name: string
): DetectorSummary {
  if (summary.model.sha256 !== card.sha256) return summary
  const { name: pointName, threshold, fpr, fprUpper, measuredOn } = operatingPoint(card, name)
  return judgeAt(summary, { name: pointName, threshold, fpr, fprUpper, measuredOn }, card.uncertainFloor)
}

/** A kept result with its detector summary re-judged; results without a summary are returned unchanged. */
export function rejudgeResult(
  result: DocumentResult,
  judge: (summary: DetectorSummary) => DetectorSummary
): DocumentResult {
  if (!result.detector) return result
  const detector = judge(result.detector)
  return detector === result.detector ? result : { ...result, detector }
}

/**
 * Judges the kept results for `paths` again and keeps those whose verdict changed (no file is read again);
 * results without a detector summary are left alone. Returns the updated results.
 */
export async function rejudgeKept(
  store: Pick<ResultsStore, 'readAll' | 'append'>,
  paths: readonly string[],
  judge: (result: DocumentResult) => DocumentResult
): Promise<DocumentResult[]> {
  const wanted = new Set(paths)
  const updated: DocumentResult[] = []
  for (const result of await store.readAll()) {
    if (!wanted.has(result.path) || !result.detector) continue
    const next = judge(result)
    if (next === result || next.detector === result.detector) continue
    await store.append(next)
    updated.push(next)
  }
  return updated
}
