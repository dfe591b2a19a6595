/**
 * Main reads only paths it issued: the renderer names documents by unguessable ids from dialogs, drops and the
 * OS's open requests, and a path it makes up (or an id it guesses) is refused before anything touches the disk.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/handlers'
import { createPathGrantHandlers, PathGrants } from '../../../src/main/path-grants'
import type { ApiHandlers, ApiResult, BatchEvent } from '../../../src/shared/api'
import type { CheckEngine } from '../../../src/pipeline/batch/engine'
import { standInResult } from './stand-in'

const value = <T>(answer: ApiResult<T>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.value
}

describe('PathGrants', () => {
  it('issues random ids that say nothing about the path, one per path, and resolves only those', () => {
    const grants = new PathGrants()
    const [a, b] = grants.grant(['/class/Ava Chen.docx', '/class/Ben Ode.docx'])
    expect(a).toEqual({ id: a.id, name: 'Ava Chen.docx', path: '/class/Ava Chen.docx' })
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(a.id).not.toContain('Ava')
    expect(b.id).not.toBe(a.id)
    // the same path keeps its id (a folder opened twice), another registry never knows it
    expect(grants.grant(['/class/Ava Chen.docx'])[0].id).toBe(a.id)
    expect(new PathGrants().resolve([a.id]).ok).toBe(false)
    expect(grants.resolve([b.id, a.id])).toEqual({
      ok: true,
      value: ['/class/Ben Ode.docx', '/class/Ava Chen.docx']
    })
  })

  it('is not guessable: 10,000 ids are distinct and spread over the whole alphabet', () => {
    const grants = new PathGrants()
    const ids = grants
      .grant(Array.from({ length: 10_000 }, (_, i) => `/class/essay-${i}.txt`))
      .map((g) => g.id)
    expect(new Set(ids).size).toBe(ids.length)
    // 144 random bits each: every base64url character turns up in every position across 10,000 ids
    const firstChars = new Set(ids.map((id) => id[0]))
    expect(firstChars.size).toBe(64)
    // neighbours in issue order share no prefix beyond chance (a counter or a timestamp would)
    const shared = ids.slice(1).filter((id, i) => id.slice(0, 3) === ids[i].slice(0, 3)).length
    expect(shared).toBeLessThan(5)
  })

  it('refuses an ungranted path, a guessed id, and anything that is not a list of ids, saying why', () => {
    const grants = new PathGrants()
    const [granted] = grants.grant(['/class/a.txt'])
    for (const ids of [
      ['/class/a.txt'],
      ['/etc/passwd'],
      [granted.id.slice(0, -1) + 'x'],
      [granted.id, 7],
      []
    ]) {
      const answer = grants.resolve(ids)
      expect(answer.ok, JSON.stringify(ids)).toBe(false)
      if (!answer.ok) expect(answer.error.code).toBe('invalid-request')
    }
    const unknown = grants.resolve(['/etc/passwd'])
    expect(!unknown.ok && unknown.error.message).toMatch(/^Unknown file id: Inkprint reads only files chosen/)
    expect(grants.resolve('x').ok).toBe(false)
    expect(() => grants.grant(['relative/path.txt'])).toThrow(/absolute/)
  })
})

describe('the verbs that hand out paths', () => {
  it('grant what the dialogs and the OS returned, and drops from the preload', async () => {
    const grants = new PathGrants()
    const queue = ['/Downloads/essay.pdf']
    const verbs = createPathGrantHandlers(grants, {
      pickFiles: async () => ['/class/a.docx'],
      pickFolder: async () => ['/class'],
      takeOpenRequests: () => queue.splice(0)
    })
    const files = value(await verbs.pickFiles(null))
    expect(files.map((g) => [g.name, g.path])).toEqual([['a.docx', '/class/a.docx']])
    expect(value(await verbs.pickFolder(null))[0].name).toBe('class')
    expect(value(await verbs.takeOpenRequests(null))[0].path).toBe('/Downloads/essay.pdf')
    expect(value(await verbs.takeOpenRequests(null))).toEqual([])
    const dropped = value(await verbs.grantDroppedPaths({ paths: ['/Desktop/Year 10'] }))
    expect(grants.resolve([files[0].id, dropped[0].id])).toEqual({
      ok: true,
      value: ['/class/a.docx', '/Desktop/Year 10']
    })
    for (const arg of [null, { paths: 'x' }, { paths: ['relative.txt'] }, { paths: ['/a\0b'] }])
      expect((await verbs.grantDroppedPaths(arg as never)).ok, JSON.stringify(arg)).toBe(false)
  })
})

describe('startBatch and startCalibration through the handler table', () => {
  let root: string
  let handlers: ApiHandlers
  const checked: string[] = []
  const events: BatchEvent[] = []
  const engine: CheckEngine = {
    slots: 1,
    check: async (path) => (checked.push(path), standInResult(path, { aiProbability: 0.1 })),
    close: async () => {}
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'inkprint-grants-'))
    await writeFile(join(root, 'chosen.txt'), 'essay')
    await writeFile(join(root, 'secret.txt'), 'not chosen')
    handlers = createHandlers({
      emit: (e) => events.push(e),
      engine,
      storeDir: join(root, 'store'),
      pickFiles: async () => [join(root, 'chosen.txt')],
      pickFolder: async () => []
    })
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('checks a file chosen in the dialog by its id', async () => {
    const [chosen] = value(await handlers.pickFiles(null))
    const { batchId } = value(
      await handlers.startBatch({ ids: [chosen.id], options: { operatingPoint: 'balanced' } })
    )
    await expect.poll(() => events.some((e) => e.type === 'batch-done' && e.batchId === batchId)).toBe(true)
    expect(checked).toEqual([join(root, 'chosen.txt')])
  })

  it('refuses a path the page names, for a check and for a calibration, without reading it', async () => {
    const secret = join(root, 'secret.txt')
    const batch = await handlers.startBatch({ ids: [secret], options: { operatingPoint: 'balanced' } })
    expect(batch.ok === false && batch.error.code).toBe('invalid-request')
    // the old shape, a list of paths, is refused too
    const old = await handlers.startBatch({ paths: [secret], options: {} } as never)
    expect(old.ok).toBe(false)
    const calibration = await handlers.startCalibration({ name: 'Y10', humanIds: [root] })
    expect(calibration.ok === false && calibration.error.message).toMatch(/Unknown file id/)
    expect(checked).not.toContain(secret)
  })
})
