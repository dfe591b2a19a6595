/** Watermark profiles through the contract: listing, importing (validated, never shadowing a shipped id), on/off. */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers, ApiResult } from '../../../src/shared/api'
import { createHandlers } from '../../../src/main/handlers'
import { NO_PROFILE } from '../../../src/main/profiles-service'

const value = <T>(answer: ApiResult<T>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.value
}

let root: string
let handlers: ApiHandlers
let pick: string | null = null
let shipped: Record<string, unknown>

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkprint-profiles-'))
  shipped = JSON.parse(await readFile(resolve('resources/profiles/kgw-hf-lefthash-gpt2.json'), 'utf8'))
  handlers = createHandlers({
    emit: () => {},
    storeDir: join(root, 'store'),
    profilesDir: join(root, 'profiles'),
    pickFiles: async () => [],
    pickFolder: async () => [],
    pickProfileFile: async () => pick
  })
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('watermark profiles', () => {
  it('lists the shipped profiles with scheme, tokenizer, key kind and availability', async () => {
    const list = value(await handlers.listProfiles(null))
    expect(list.length).toBeGreaterThanOrEqual(8)
    expect(list.every((p) => p.source === 'shipped' && p.publicDefaultKey)).toBe(true)
    const opt = list.find((p) => p.tokenizer === 'opt')
    expect(opt?.unavailable).toMatch(/not available on this computer/)
    expect(list.find((p) => p.id === 'kgw-hf-lefthash-gpt2')?.unavailable).toBeNull()
  })

  it('rejects invalid and shadowing profiles with per-field errors, imports a valid one', async () => {
    pick = null
    expect(value(await handlers.importProfile(null))).toEqual({
      imported: false,
      cancelled: true,
      errors: []
    })
    pick = join(root, 'bad.json')
    await writeFile(pick, JSON.stringify({ ...shipped, id: 'bad', params: { convention: 'hf' } }))
    const bad = value(await handlers.importProfile(null))
    expect(bad.imported).toBe(false)
    expect(!bad.imported && bad.errors.some((e) => e.includes('params'))).toBe(true)
    pick = join(root, 'shadow.json')
    await writeFile(pick, JSON.stringify(shipped))
    const shadow = value(await handlers.importProfile(null))
    expect(!shadow.imported && shadow.errors[0]).toMatch(/already used by a shipped profile/)

    pick = join(root, 'school.json')
    await writeFile(
      pick,
      JSON.stringify({ ...shipped, id: 'school-key', name: 'School', publicDefaultKey: false })
    )
    const ok = value(await handlers.importProfile(null))
    expect(ok.imported && ok.profile).toMatchObject({ id: 'school-key', source: 'imported', enabled: true })
    expect(await readdir(join(root, 'profiles'))).toContain('school-key.json')
    expect(value(await handlers.listProfiles(null)).some((p) => p.id === 'school-key')).toBe(true)
  })

  it('switches profiles off and on, and refuses unknown ids', async () => {
    const off = value(await handlers.setProfileEnabled({ id: 'school-key', enabled: false }))
    expect(off.find((p) => p.id === 'school-key')?.enabled).toBe(false)
    const again = value(await handlers.listProfiles(null))
    expect(again.find((p) => p.id === 'school-key')?.enabled).toBe(false)
    await handlers.setProfileEnabled({ id: 'school-key', enabled: true })
    expect(value(await handlers.listProfiles(null)).find((p) => p.id === 'school-key')?.enabled).toBe(true)
    const unknown = await handlers.setProfileEnabled({ id: 'nope', enabled: false })
    expect(unknown.ok === false && unknown.error.code).toBe('not-found')
    expect(NO_PROFILE).not.toMatch(/^[a-z0-9-]+$/)
  })
})
