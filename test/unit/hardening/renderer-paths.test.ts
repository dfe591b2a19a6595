/**
 * Issue 17, point 16: the renderer could ask main to read any path it named (startBatch, startCalibration), and
 * the window could load any file: or data: URL. A hostile page is played here by a generator of requests —
 * paths, traversals, URLs, guessed and mangled ids, ids of another session, mixed lists — against the real
 * handler table; not one may make the engine read a file. The window's request filter gets the same treatment.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/handlers'
import { isAllowedRequest } from '../../../src/main/security'
import type { CheckEngine } from '../../../src/pipeline/batch/engine'
import type { ApiHandlers, ApiResult } from '../../../src/shared/api'
import { standInResult } from '../main/stand-in'

let root: string
let handlers: ApiHandlers
let otherSession: ApiHandlers
const read: string[] = []

const engine: CheckEngine = {
  slots: 1,
  check: async (path) => (read.push(path), standInResult(path, { aiProbability: 0.1 })),
  close: async () => {}
}

const make = (storeDir: string, chosen: string[]): ApiHandlers =>
  createHandlers({
    emit: () => {},
    engine,
    storeDir,
    pickFiles: async () => chosen,
    pickFolder: async () => []
  })

let granted: string
let foreignId: string
let secrets: string[]

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkprint-renderer-paths-'))
  await mkdir(join(root, 'class'))
  await mkdir(join(root, 'private'))
  await writeFile(join(root, 'class', 'essay.txt'), 'essay')
  secrets = ['tax-return.pdf', 'passwords.txt', 'diary.docx'].map((name) => join(root, 'private', name))
  for (const file of secrets) await writeFile(file, 'private')
  handlers = make(join(root, 'store'), [join(root, 'class', 'essay.txt')])
  otherSession = make(join(root, 'store-2'), [secrets[0]])
  const mine = await handlers.pickFiles(null)
  const theirs = await otherSession.pickFiles(null)
  if (!mine.ok || !theirs.ok) throw new Error('dialogs failed')
  granted = mine.value[0].id
  foreignId = theirs.value[0].id
})
afterAll(() => rm(root, { recursive: true, force: true }))

/** Every way a page could name a file it was not given. */
function hostileIds(): unknown[][] {
  const out: unknown[][] = []
  for (const secret of secrets) {
    out.push(
      [secret],
      [pathToFileURL(secret).href],
      [join(root, 'class', '..', 'private', secret.split('/').pop() ?? '')],
      [`../private/${secret.split('/').pop()}`],
      [granted, secret]
    )
  }
  out.push([join(root, 'class', 'essay.txt')], [join(root, 'private')], [root], ['/'], ['~/.ssh/id_rsa'])
  // the granted id mangled at every position, shortened, lengthened, case-flipped
  for (let i = 0; i < granted.length; i++) {
    const c = granted[i] === 'A' ? 'B' : 'A'
    out.push([granted.slice(0, i) + c + granted.slice(i + 1)])
  }
  out.push(
    [granted.slice(0, -1)],
    [granted + 'A'],
    [granted.toUpperCase() === granted ? granted.toLowerCase() : granted.toUpperCase()]
  )
  // an id another session (another launch) issued, and non-ids
  out.push([foreignId], [null], [42], [{ id: granted }], [[granted]], [''], [])
  return out
}

const refusedAsInvalid = (answer: ApiResult<unknown>): boolean =>
  !answer.ok && answer.error.code === 'invalid-request'

describe('a hostile page cannot make main read a file it was not given', () => {
  it('startBatch refuses every generated request, and reads nothing', async () => {
    const requests = hostileIds()
    expect(requests.length).toBeGreaterThan(40)
    for (const ids of requests) {
      const answer = await handlers.startBatch({
        ids: ids as string[],
        options: { operatingPoint: 'balanced' }
      })
      expect(refusedAsInvalid(answer), JSON.stringify(ids)).toBe(true)
    }
    // the old request shape (paths) is refused too
    const old = await handlers.startBatch({ paths: secrets, options: {} } as never)
    expect(refusedAsInvalid(old)).toBe(true)
    expect(read).toEqual([])
  })

  it('startCalibration refuses them as human or as AI examples, and reads nothing', async () => {
    for (const ids of hostileIds()) {
      const human = await handlers.startCalibration({ name: 'x', humanIds: ids as string[] })
      expect(refusedAsInvalid(human), JSON.stringify(ids)).toBe(true)
      if ((ids as unknown[]).length === 0) continue
      const ai = await handlers.startCalibration({ name: 'x', humanIds: [granted], aiIds: ids as string[] })
      expect(refusedAsInvalid(ai), JSON.stringify(ids)).toBe(true)
    }
    expect(read).toEqual([])
  })

  it('the id of the file the teacher chose still works', async () => {
    const answer = await handlers.startBatch({ ids: [granted], options: { operatingPoint: 'balanced' } })
    expect(answer.ok).toBe(true)
    await expect.poll(() => read).toEqual([join(root, 'class', 'essay.txt')])
  })
})

describe("the window loads nothing but the app's own files", () => {
  const appUrl = 'file:///opt/Inkprint/resources/app.asar/out/renderer/index.html'
  it('refuses every generated file: URL outside the renderer folder and every data: type but SVG', () => {
    const inside = ['index.html', 'assets/index-abc.js', 'assets/index-abc.css']
    for (const file of inside)
      expect(isAllowedRequest(new URL(file, appUrl).href, { appUrl }), file).toBe(true)
    const escapes = ['..', '%2e%2e', '.%2e', '%2E%2E', '..%2f..', '..%5c..', '..%2F..', 'assets/../..']
    const targets = [
      'etc/passwd',
      'home/teacher/Year 10/essay.docx',
      'out/main/index.js',
      'out/preload/index.js'
    ]
    let refused = 0
    for (const escape of escapes)
      for (const target of targets) {
        const url = `file:///opt/Inkprint/resources/app.asar/out/renderer/${escape}/${escape}/${escape}/${target}`
        expect(isAllowedRequest(url, { appUrl }), url).toBe(false)
        refused++
      }
    for (const target of targets) {
      expect(isAllowedRequest(`file:///${target}`, { appUrl })).toBe(false)
      refused++
    }
    expect(refused).toBe(escapes.length * targets.length + targets.length)
    const types = [
      'text/html',
      'text/javascript',
      'application/javascript',
      'image/png',
      'font/woff2',
      'application/pdf',
      ''
    ]
    for (const type of types) expect(isAllowedRequest(`data:${type},x`, { appUrl }), type).toBe(false)
    expect(isAllowedRequest('data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E', { appUrl })).toBe(true)
  })
})
