/** Every platform's "download all submissions" archive through the folder walk and extraction, and hostile ZIPs. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { locateArchiveMember } from '../../../../src/pipeline/archive'
import { readDocument as extractPath } from '../../../../src/pipeline/read'
import { walkInputs } from '../../../../src/pipeline/walk'
import { parseStudentName } from '../../../../src/shared/student-name'
import { writeLmsArchives, type Platform } from '../../../fixtures/make-lms-archives.mjs'

let dir: string
let archives: Awaited<ReturnType<typeof writeLmsArchives>>

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inkprint-lms-'))
  archives = await writeLmsArchives(join(dir, 'downloads'))
}, 60_000)
afterAll(() => rm(dir, { recursive: true, force: true }))

const PLATFORMS: Platform[] = ['canvas', 'moodle', 'blackboard', 'classroom', 'teams']

describe('LMS download archives', () => {
  it.each(PLATFORMS)(
    '%s: one document per student file, named, read with exact offsets',
    async (platform) => {
      const { path, expected } = archives[platform]
      const walk = await walkInputs([path])
      expect(walk.failed).toEqual([])
      expect(walk.files.map((f) => relative(path, f).split('\\').join('/')).sort()).toEqual(
        Object.keys(expected).sort()
      )
      for (const file of walk.files) {
        const inside = relative(path, file).split('\\').join('/')
        expect(parseStudentName(file).student, inside).toBe(expected[inside])
        const out = await extractPath(file)
        if (!out.ok) throw new Error(`${inside}: ${out.error.code} ${out.error.message}`)
        expect(out.doc.text).toContain('I ')
        for (const p of out.doc.paragraphs) expect(out.doc.text.slice(p.start, p.end).trim()).not.toBe('')
        expect(out.sha256).toMatch(/^[0-9a-f]{64}$/)
      }
    }
  )

  it('skips what is not a submission: Blackboard receipts, images, macOS clutter', async () => {
    const walk = await walkInputs([archives.blackboard.path, archives.classroom.path])
    expect(walk.skipped.map((s) => s.split(/[\\/]/).pop())).toEqual(
      expect.arrayContaining([
        'Essay 1_jdoe_attempt_2024-02-28-21-14-05.txt',
        'Essay 1_bsmith_attempt_2024-02-29-08-01-44.txt',
        'image1.png'
      ])
    )
    const clutter = join(dir, 'clutter.zip')
    await writeFile(
      clutter,
      zipSync({
        '__MACOSX/._essay.txt': strToU8('x'),
        '.DS_Store': strToU8('x'),
        '~$essay.docx': strToU8('x'),
        'essay.txt': strToU8('A short essay about gardens.')
      })
    )
    expect((await walkInputs([clutter])).files.map((f) => f.split(/[\\/]/).pop())).toEqual(['essay.txt'])
  })

  it('finds archives inside class folders, and a real folder named ".zip" stays a folder', async () => {
    const walk = await walkInputs([dir])
    expect(walk.files.length).toBe(
      PLATFORMS.reduce((n, p) => n + Object.keys(archives[p].expected).length, 0) + 1
    )
    expect(await locateArchiveMember(join(dir, 'downloads'))).toBeNull()
    expect(await locateArchiveMember(join(archives.teams.path, 'Student Work', 'x.docx'))).toEqual({
      archive: archives.teams.path,
      inner: ['Student Work', 'x.docx']
    })
  })

  it('a member that is not in the archive is a coded error', async () => {
    const out = await extractPath(join(archives.canvas.path, 'nobody_1_2_essay.docx'))
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.error.code).toBe('not-found')
  })
})

describe('hostile archives end in coded errors, and nothing is written to disk', () => {
  const write = async (name: string, data: Uint8Array): Promise<string> => {
    const path = join(dir, 'hostile', name)
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'hostile'), { recursive: true }))
    await writeFile(path, data)
    return path
  }
  const failedCode = async (path: string): Promise<string | undefined> => {
    const walk = await walkInputs([path])
    return walk.failed.find((f) => f.path === path)?.error.code
  }

  it('path traversal and absolute names refuse the archive', async () => {
    for (const name of [
      '../../evil.txt',
      '/etc/evil.txt',
      'ok/../../evil.txt',
      'C:\\evil.txt',
      'a\\..\\..\\evil.txt'
    ]) {
      const path = await write(
        'traversal.zip',
        zipSync({ 'essay.txt': strToU8('fine'), [name]: strToU8('evil') })
      )
      expect(await failedCode(path), name).toBe('unsafe-archive')
    }
    expect(await readdir(dir)).not.toContain('evil.txt')
  })

  it('a compression bomb (64 MiB of zeros, far past 200:1) is refused before inflating', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024)
    const path = await write('bomb.zip', zipSync({ 'essay.txt': [zeros, { level: 9 }] }))
    const walk = await walkInputs([path])
    expect(walk.files).toHaveLength(1)
    const out = await extractPath(walk.files[0])
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.error.code).toBe('zip-bomb')
  })

  it('a header that under-declares its size is caught while inflating', async () => {
    const big = new Uint8Array(2 * 1024 * 1024).fill(65)
    const data = zipSync({ 'essay.txt': [big, { level: 9 }] })
    // Patch the declared size (central directory and local header) to 1000 bytes.
    const view = new DataView(data.buffer)
    for (let at = data.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) === 0x02014b50) {
        view.setUint32(at + 24, 1000, true)
        break
      }
    }
    view.setUint32(22, 1000, true)
    const path = await write('liar.zip', data)
    const out = await extractPath(join(path, 'essay.txt'))
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.error.code).toBe('zip-bomb')
  })

  it('too many entries, and archives nested too deep', async () => {
    const many: Record<string, Uint8Array> = {}
    for (let i = 0; i <= 5000; i++) many[`f${i}.txt`] = strToU8('x')
    expect(await failedCode(await write('many.zip', zipSync(many)))).toBe('zip-bomb')

    let nested: Uint8Array = zipSync({ 'essay.txt': strToU8('An essay at the bottom of five archives.') })
    for (let i = 0; i < 5; i++) nested = zipSync({ [`level${i}.zip`]: nested })
    const path = await write('deep.zip', nested)
    const walk = await walkInputs([path])
    expect(walk.files).toEqual([])
    expect(walk.failed.map((f) => f.error.code)).toEqual(['too-complex'])
  })

  it('a damaged archive and an encrypted entry are coded errors', async () => {
    expect(await failedCode(await write('damaged.zip', strToU8('PK\x03\x04 not really a zip')))).toBe(
      'corrupt'
    )
    const data = zipSync({ 'essay.txt': strToU8('secret essay text') })
    const view = new DataView(data.buffer)
    for (let at = data.length - 22; at >= 0; at--)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 8, 1, true)
    const path = await write('encrypted.zip', data)
    const out = await extractPath(join(path, 'essay.txt'))
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.error.code).toBe('encrypted')
  })

  it('reading archives leaves the folders around them as they were', async () => {
    const before = (await readdir(join(dir, 'downloads'))).sort()
    const walk = await walkInputs([join(dir, 'downloads')])
    for (const f of walk.files) await extractPath(f)
    expect((await readdir(join(dir, 'downloads'))).sort()).toEqual(before)
  })
})
