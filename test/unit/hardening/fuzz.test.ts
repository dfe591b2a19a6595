/**
 * Seeded fuzzing of every reader: real fixtures are damaged (bytes, truncation, chunks, XML inside the zip, deep
 * nesting, huge attributes, random Unicode) and each case must end in an ok result with exact offsets or a
 * coded error — never a throw, never an 'internal' error, never a hang (CASE_CAP_MS, a cap generous enough that
 * only a hang or a quadratic reader reaches it on a busy machine).
 *
 * A fixed number of cases, whatever the machine's speed: the same seed always covers the same cases.
 *
 *   INKPRINT_FUZZ_CASES=20000 INKPRINT_FUZZ_SEED=7 npx vitest run test/unit/hardening/fuzz
 *
 * A failing case is written to $TMPDIR/inkprint-fuzz-<seed>/ so it can be turned into a regression fixture;
 * with INKPRINT_FUZZ_TRACE=1 each case is also written there before it runs, to catch one that hangs.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractBuffer } from '../../../src/pipeline/extract'
import { segmentPassages } from '../../../src/engine/text'
import type { Passage } from '../../../src/shared/types'
import { makeFixtures, STATIC_DIR } from '../../fixtures/make-fixtures.mjs'
import { outcomeProblems } from './invariants'
import { mutateFixture, Rng, seededRandom } from './mutators'

const SEED = Number(process.env.INKPRINT_FUZZ_SEED ?? 20261129)
const CASES = Number(process.env.INKPRINT_FUZZ_CASES ?? 6000)
/** Per case; the slowest case takes well under a second on an idle 2-core machine (the log line says). */
const CASE_CAP_MS = 30_000
/** For the whole run: only reached if something hangs (vitest then names this test). */
const RUN_TIMEOUT_MS = 30 * 60_000
const TRACE = process.env.INKPRINT_FUZZ_TRACE === '1'

const SOURCES = [
  'essay.pdf',
  'essay.docx',
  'essay-word.docx',
  'essay.odt',
  'essay.rtf',
  'essay.md',
  'essay-utf8.txt',
  'essay-utf16le.txt',
  'essay-1252.txt'
]
const STATIC_SOURCES = ['lo-essay.odt', 'lo-essay.pdf', 'lo-essay.rtf']

interface Failure {
  index: number
  name: string
  mutation: string
  problems: string[]
  file: string
}

describe('fuzzing the readers', () => {
  it(
    `every mutated fixture ends in exact offsets or a coded error (seed ${SEED})`,
    async () => {
      const dir = await makeFixtures()
      const inputs = await Promise.all([
        ...SOURCES.map(async (n) => ({ name: n, bytes: new Uint8Array(await readFile(join(dir, n))) })),
        ...STATIC_SOURCES.map(async (n) => ({
          name: n,
          bytes: new Uint8Array(await readFile(join(STATIC_DIR, n)))
        }))
      ])
      const rng = new Rng(seededRandom(SEED))
      const failDir = join(tmpdir(), `inkprint-fuzz-${SEED}`)
      const failures: Failure[] = []
      const outcomes = new Map<string, number>()
      let slowest = { ms: 0, label: '' }
      let slowestMutation = { ms: 0, label: '' }
      if (TRACE) await mkdir(failDir, { recursive: true })
      const started = performance.now()
      let ran = 0
      for (; ran < CASES; ran++) {
        const input = rng.pick(inputs)
        const m0 = performance.now()
        const { bytes, mutation } = mutateFixture(input.name, input.bytes, rng)
        const mutateMs = performance.now() - m0
        if (mutateMs > slowestMutation.ms)
          slowestMutation = { ms: mutateMs, label: `${input.name} ${mutation}` }
        // Kept on disk while it runs: if a case ever hangs the process, this is its reproducer.
        if (TRACE) await writeFile(join(failDir, `running-${basename(input.name)}`), bytes)
        const t0 = performance.now()
        let problems: string[]
        try {
          const outcome = await extractBuffer(bytes, input.name)
          let passages: Passage[] | null = null
          if (outcome.ok) passages = segmentPassages(outcome.doc.text, outcome.doc.paragraphs)
          problems = outcomeProblems(outcome, passages)
          const key = outcome.ok ? 'ok' : outcome.error.code
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
        } catch (err) {
          problems = [`threw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`]
        }
        const ms = performance.now() - t0
        if (ms > slowest.ms) slowest = { ms, label: `${input.name} ${mutation}` }
        if (ms > CASE_CAP_MS) problems.push(`took ${Math.round(ms)} ms (cap ${CASE_CAP_MS} ms)`)
        if (problems.length > 0 && failures.length < 20) {
          await mkdir(failDir, { recursive: true })
          const file = join(failDir, `case-${ran}-${basename(input.name)}`)
          await writeFile(file, bytes)
          failures.push({ index: ran, name: input.name, mutation, problems: problems.slice(0, 3), file })
        }
      }
      const elapsed = Math.round(performance.now() - started)
      // Printed so a CI log shows how much was covered and how to reproduce.
      process.stdout.write(
        `fuzz: seed ${SEED}, ${ran} cases in ${elapsed} ms, slowest ${Math.round(slowest.ms)} ms (${slowest.label}), ` +
          `outcomes ${JSON.stringify(Object.fromEntries(outcomes))}, ` +
          `slowest mutation ${Math.round(slowestMutation.ms)} ms (${slowestMutation.label})\n`
      )
      expect(failures).toEqual([])
      expect(ran).toBe(CASES)
    },
    RUN_TIMEOUT_MS
  )
})
