/**
 * The desktop app's worker pool (built out/main/check-worker.js, as Electron runs it) tests the watermark
 * profiles a school imported, and picks up a newly imported one after ReloadingEngine.reload().
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ReloadingEngine } from '../../../src/main/reloading-engine'
import { WorkerEngine } from '../../../src/pipeline/batch/worker-engine'
import { UserProfiles } from '../../../src/pipeline/user-profiles'

const SCRIPT = resolve('out/main/check-worker.js')
const ESSAY =
  'My grandfather kept bees for forty years, and every summer he let me help him check the hives. '.repeat(12)

let root: string
let engine: ReloadingEngine
let shipped: Record<string, unknown>
const before = process.env.INKPRINT_USER_PROFILES

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkprint-app-worker-'))
  await writeFile(join(root, 'essay.txt'), ESSAY)
  shipped = JSON.parse(await readFile(resolve('resources/profiles/kgw-hf-lefthash-gpt2.json'), 'utf8'))
  process.env.INKPRINT_USER_PROFILES = join(root, 'profiles')
  engine = new ReloadingEngine(
    () => new WorkerEngine({ script: SCRIPT, workers: 1, timeoutMs: 60_000, maxHeapMb: 1024 })
  )
})
afterAll(async () => {
  await engine.close()
  process.env.INKPRINT_USER_PROFILES = before
  await rm(root, { recursive: true, force: true })
})

const importProfile = (id: string): Promise<unknown> =>
  new UserProfiles(join(root, 'profiles')).import(
    JSON.stringify({ ...shipped, id, name: id, publicDefaultKey: false }),
    new Set()
  )

const tested = async (): Promise<string[]> => {
  const result = await engine.check(
    join(root, 'essay.txt'),
    { operatingPoint: 'balanced', profiles: [], includeText: false },
    new AbortController().signal
  )
  return (result.watermarks ?? []).map((w) => w.profileId)
}

describe('app worker with imported profiles', () => {
  it('tests imported profiles, and new imports after a reload', async () => {
    await importProfile('school-one')
    const first = await tested()
    expect(first).toContain('school-one')
    expect(first).toContain('kgw-hf-lefthash-gpt2')
    await importProfile('school-two')
    // The running pool keeps what it loaded; the reloaded one sees the new import.
    expect(await tested()).not.toContain('school-two')
    engine.reload()
    expect(await tested()).toEqual(expect.arrayContaining(['school-one', 'school-two']))
  }, 60_000)
})
