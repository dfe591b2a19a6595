/** Helpers for the reference-vector tests (fixtures copied from shared/watermark-vectors with provenance). */
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { expect } from 'vitest'

const DIR = join(__dirname, '../../../fixtures/watermark-vectors')

/** Reads a vector file; each test declares the part of the shape it uses. */
export function loadVectors<T>(file: string): T {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T
}

export interface Provenance {
  repo?: string
  commit?: string
  versions?: Record<string, string>
}

/** sha256 of ascending ids as ASCII decimal joined by ','. */
export function sortedSha256(ids: ArrayLike<number>): string {
  const sorted = Array.from(ids).sort((a, b) => a - b)
  return createHash('sha256').update(sorted.join(',')).digest('hex')
}

export function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** README: same-formula doubles within 1e-12 relative. */
export function expectRel(actual: number, expected: number, tolerance = 1e-12): void {
  if (expected === 0) {
    expect(Math.abs(actual)).toBeLessThanOrEqual(tolerance)
    return
  }
  expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(tolerance)
}
