import { createHash } from 'node:crypto'
import { chmod, mkdtemp, readdir, readFile, rm, stat as fsStat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { extractFile } from '../../../../src/pipeline/extract'
import type { ErrorCode } from '../../../../src/shared/types'
import { GENERATED_DIR, STATIC_DIR } from '../../../fixtures/make-fixtures.mjs'
import { fixtureDirs } from './fixtures'

let gen: (name: string) => string
let stat: (name: string) => string
beforeAll(async () => {
  ;({ gen, stat } = await fixtureDirs())
})

/** A teacher-readable message: one or two sentences, no stack traces or library jargon. */
function expectPlainMessage(message: string): void {
  const sentences = message.split(/(?<=[.!?])\s+(?=[A-Z])/).filter(Boolean)
  expect(sentences.length).toBeGreaterThanOrEqual(1)
  expect(sentences.length).toBeLessThanOrEqual(2)
  expect(message).not.toMatch(/Error:|undefined|null|Exception|\bat \w+ \(/)
}

describe('hostile and broken files come back as coded errors, never exceptions', () => {
  const cases: [string, ErrorCode, RegExp][] = [
    ['truncated.pdf', 'corrupt', /PDF/],
    ['text-named.pdf', 'corrupt', /PDF/],
    ['truncated.docx', 'corrupt', /Word document/],
    [
      'scanned.pdf',
      'scanned',
      /^This PDF has no text layer — it looks scanned; Inkprint cannot read scanned pages\.$/
    ],
    ['blank.pdf', 'empty', /PDF/],
    ['empty.txt', 'empty', /text file/],
    ['whitespace.txt', 'empty', /text file/],
    ['empty.docx', 'empty', /Word document/],
    ['bomb.docx', 'zip-bomb', /Word document/],
    ['bomb-lying-header.docx', 'zip-bomb', /Word document/],
    ['laughs.docx', 'xml-entities', /Word document/],
    ['laughs.odt', 'xml-entities', /OpenDocument/],
    ['deep.docx', 'too-complex', /Word document/],
    ['renamed-program.txt', 'unsupported-type', /program file/],
    ['garbage.txt', 'unsupported-type', /binary/],
    ['spreadsheet.docx', 'unsupported-type', /spreadsheet/]
  ]
  it.each(cases)('%s → %s', async (name, code, wording) => {
    const outcome = await extractFile(gen(name))
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.error.code).toBe(code)
    expect(outcome.error.message).toMatch(wording)
    expectPlainMessage(outcome.error.message)
    // The file was read, so its size and hash are known even though extraction failed.
    const bytes = await readFile(gen(name))
    expect(outcome.sizeBytes).toBe(bytes.length)
    expect(outcome.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
  })

  it('a password-protected PDF → encrypted', async () => {
    const outcome = await extractFile(stat('encrypted.pdf'))
    expect(outcome.ok || outcome.error).toEqual({
      code: 'encrypted',
      message: 'This PDF is password-protected. Ask for a copy without a password and check that instead.'
    })
  })

  it('the zip bomb is refused without inflating it (small memory)', async () => {
    const before = process.memoryUsage().rss
    const outcome = await extractFile(gen('bomb-lying-header.docx'))
    expect(outcome.ok ? null : outcome.error.code).toBe('zip-bomb')
    expect(process.memoryUsage().rss - before).toBeLessThan(30 * 1024 * 1024)
  })
})

describe('filesystem problems', () => {
  it('missing file → not-found', async () => {
    const outcome = await extractFile(join(GENERATED_DIR, 'no-such-essay.docx'))
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not-found' }, sizeBytes: null, sha256: null })
    if (!outcome.ok) {
      expect(outcome.error.message).toMatch(/^This Word document \(DOCX\) could not be found\./)
      expectPlainMessage(outcome.error.message)
    }
  })

  it('a folder → is-directory', async () => {
    const outcome = await extractFile(STATIC_DIR)
    expect(outcome.ok ? null : outcome.error.code).toBe('is-directory')
  })

  it('a file over maxBytes → too-large, naming the limit, without reading it', async () => {
    const outcome = await extractFile(gen('essay.pdf'), { maxBytes: 2048 })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.error.code).toBe('too-large')
    expect(outcome.error.message).toMatch(/^This PDF is larger than 2 KB/)
    expect(outcome.sizeBytes).toBe((await fsStat(gen('essay.pdf'))).size)
    expect(outcome.sha256).toBeNull()
  })

  it('an aborted signal → cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    const outcome = await extractFile(gen('essay.pdf'), { signal: controller.signal })
    expect(outcome.ok ? null : outcome.error.code).toBe('cancelled')
  })

  it('a file the system refuses to read (I/O error) → unreadable', async () => {
    // /proc/self/mem stats as a regular file but reading offset 0 fails with EIO, even for root.
    const outcome = await extractFile('/proc/self/mem')
    expect(outcome.ok ? null : outcome.error.code).toBe('unreadable')
    if (!outcome.ok) expectPlainMessage(outcome.error.message)
  })

  // Root ignores file permissions, so this can only be observed as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('a file without read permission → unreadable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inkprint-'))
    const path = join(dir, 'locked.txt')
    await writeFile(path, 'Some essay text.')
    await chmod(path, 0o000)
    const outcome = await extractFile(path)
    expect(outcome.ok ? null : outcome.error.code).toBe('unreadable')
    await rm(dir, { recursive: true, force: true })
  })
})

describe('input files are only read', () => {
  it('leaves every fixture byte-identical with the same mtime, and writes nothing next to them', async () => {
    const dirs = [GENERATED_DIR, STATIC_DIR]
    const snapshot = async () => {
      const out: Record<string, { sha: string; mtimeMs: number }> = {}
      for (const dir of dirs) {
        for (const name of (await readdir(dir)).sort()) {
          const path = join(dir, name)
          const info = await fsStat(path)
          if (!info.isFile()) continue
          out[path] = {
            sha: createHash('sha256')
              .update(await readFile(path))
              .digest('hex'),
            mtimeMs: info.mtimeMs
          }
        }
      }
      return out
    }
    const before = await snapshot()
    for (const path of Object.keys(before)) await extractFile(path)
    expect(await snapshot()).toEqual(before)
  })
})
