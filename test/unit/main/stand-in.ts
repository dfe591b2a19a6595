/** A DocumentResult as the real engine shapes it, for handler tests that stand in for the detector. */
import type { ApiHandlers } from '../../../src/shared/api'
import type { DocumentResult } from '../../../src/shared/types'

/** Ids main grants for `paths`, as a drop on the window would get them (the renderer never sends paths). */
export async function grantedIds(handlers: ApiHandlers, paths: string[]): Promise<string[]> {
  const answer = await handlers.grantDroppedPaths({ paths })
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value.map((grant) => grant.id)
}

export const STAND_IN_MODEL = { name: 'stand-in', version: '1', sha256: 'c'.repeat(64) }

export function standInResult(
  path: string,
  fields: { aiProbability: number; operatingPoint?: string } & Partial<DocumentResult>
): DocumentResult {
  const { aiProbability: p, operatingPoint = 'balanced', ...rest } = fields
  return {
    schemaVersion: 2,
    path,
    fileName: path.split('/').pop() ?? path,
    sizeBytes: 10,
    sha256: 'd'.repeat(64),
    format: 'txt',
    status: 'ok',
    error: null,
    words: 300,
    pageCount: null,
    warnings: [],
    metadata: {},
    passages: [],
    detector: {
      model: STAND_IN_MODEL,
      aiProbability: p,
      verdict: p > 0.9 ? 'likely-ai' : 'likely-human',
      aiShare: 0,
      operatingPoint: { name: operatingPoint, threshold: 0.9, fpr: 0.01, fprUpper: 0.02, measuredOn: 'card' },
      segments: []
    },
    text: 'text',
    checkedAt: '2026-11-29T00:00:00Z',
    inkprintVersion: 'test',
    timingsMs: {},
    ...rest
  }
}
