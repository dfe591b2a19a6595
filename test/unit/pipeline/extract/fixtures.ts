/** Test helper: generated and static fixture paths. Generation is idempotent and shared across test files. */
import { join } from 'node:path'
import type { ExtractedDocument } from '../../../../src/shared/types'
import { makeFixtures, STATIC_DIR } from '../../../fixtures/make-fixtures.mjs'

export async function fixtureDirs(): Promise<{
  gen: (name: string) => string
  stat: (name: string) => string
}> {
  const dir = await makeFixtures()
  return { gen: (name) => join(dir, name), stat: (name) => join(STATIC_DIR, name) }
}

/** Paragraphs as [kind, text] pairs, read through their offsets. */
export function blocksOf(doc: ExtractedDocument): { kind: string; text: string }[] {
  return doc.paragraphs.map((p) => ({ kind: p.kind, text: doc.text.slice(p.start, p.end) }))
}

/** The offset contract: paragraphs are the text split by blank lines, trimmed, in order, nothing lost. */
export function expectExactOffsets(
  doc: ExtractedDocument,
  expect: (v: unknown) => { toBe(x: unknown): void }
): void {
  const slices = doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))
  expect(slices.join('\n\n')).toBe(doc.text)
  for (const [i, p] of doc.paragraphs.entries()) {
    expect(p.index).toBe(i)
    const s = slices[i] as string
    expect(s).toBe(s.trim())
  }
}
