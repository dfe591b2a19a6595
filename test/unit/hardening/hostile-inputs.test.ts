/**
 * Hostile and odd inputs through the real batch runner (runBatch + InProcessEngine + loadCheckContext):
 * zip bombs, entity expansion, deep nesting, a 20 MB single-line text, broken encodings, and folder walks
 * with link loops, links outside, dangling links, a FIFO, a folder named like a document and odd file names.
 * Every file must come back with the right error code (or ok) and every batch must finish.
 */
import { execFile, execFileSync } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCheckContext } from '../../../src/pipeline/context'
import { makeFixtures } from '../../fixtures/make-fixtures.mjs'
import { essayText } from './essay-text'
import { paragraphProblems, passageProblems } from './invariants'
import { runPaths, sharedContext } from './batch-helper'
import { extractFile } from '../../../src/pipeline/extract'
import { segmentPassages } from '../../../src/engine/text'

const context = sharedContext(() => loadCheckContext())
let root: string
let fixtures: string

beforeAll(async () => {
  fixtures = await makeFixtures()
  root = await mkdtemp(join(tmpdir(), 'inkprint-hostile-'))
  await context()
}, 300_000)

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

/** Markdown list items each indented one level deeper than the one before. */
function nestedList(levels: number): string {
  return Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')
}

async function put(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(root, name)
  await writeFile(path, content)
  return path
}

describe('hostile documents through the batch runner', () => {
  it('reports zip bombs, entity expansion and deep XML with their codes, and finishes the batch', async () => {
    const names = [
      'bomb.docx',
      'bomb-lying-header.docx',
      'laughs.docx',
      'laughs.odt',
      'deep.docx',
      'essay.docx'
    ]
    const dir = join(root, 'office')
    await mkdir(dir)
    for (const n of names) await copyFile(join(fixtures, n), join(dir, n))
    const run = await runPaths([dir], context)
    expect(run.summary.done).toBe(names.length)
    expect(run.events.at(-1)?.type).toBe('batch-done')
    expect(run.byName('bomb.docx').error?.code).toBe('zip-bomb')
    expect(run.byName('bomb-lying-header.docx').error?.code).toBe('zip-bomb')
    expect(run.byName('laughs.docx').error?.code).toBe('xml-entities')
    expect(run.byName('laughs.odt').error?.code).toBe('xml-entities')
    expect(run.byName('deep.docx').error?.code).toBe('too-complex')
    expect(run.byName('essay.docx').status).not.toBe('error')
  })

  it('handles deep RTF groups, deep Markdown quotes and lists, invalid UTF-8 and NUL bytes', async () => {
    const essay = essayText()
    const files = {
      'deep-groups.rtf': `{\\rtf1\\ansi ${'{'.repeat(100_000)}x${'}'.repeat(100_000)}}`,
      'unclosed-groups.rtf': `{\\rtf1\\ansi ${'{\\b '.repeat(300)}${essay}`,
      'deep-quotes.md': `${'> '.repeat(20_000)}${essay}\n`,
      // 300 levels through the whole check; deeper nesting is extraction-only below (see the watermark note there).
      'deep-lists.md': nestedList(300),
      'invalid-utf8.txt': Buffer.concat([Buffer.from(essay), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80])]),
      'nul-bytes.txt': Buffer.concat([Buffer.from(essay), Buffer.alloc(4096)]),
      'a-few-nuls.txt': essay.replace(/ /, ' \u0000 ')
    }
    for (const [n, c] of Object.entries(files)) await put(n, c)
    const run = await runPaths(
      Object.keys(files).map((n) => join(root, n)),
      context
    )
    expect(run.summary.done).toBe(Object.keys(files).length)
    expect(run.byName('deep-groups.rtf').error?.code).toBe('too-complex')
    expect(run.byName('unclosed-groups.rtf').status).not.toBe('error')
    expect(run.byName('deep-quotes.md').status).not.toBe('error')
    expect(run.byName('deep-lists.md').status).not.toBe('error')
    expect(run.byName('invalid-utf8.txt').status).not.toBe('error')
    expect(run.byName('invalid-utf8.txt').warnings.map((w) => w.code)).toContain('encoding-guessed')
    expect(run.byName('nul-bytes.txt').error?.code).toBe('unsupported-type')
    expect(run.byName('a-few-nuls.txt').status).not.toBe('error')
  }, 300_000)

  // Not timed (a busy machine must not fail it): it took 15 s when cleanBlockText's /[ \t]+\n/ backtracked
  // cubically over long indentation runs; the test timeout only catches a hang.
  it('extracts 3000 nested list levels (9 MB of indentation)', async () => {
    const extracted = await extractFile(await put('deeper-lists.md', nestedList(3000)))
    expect(extracted.ok).toBe(true)
    if (extracted.ok) expect(paragraphProblems(extracted.doc)).toEqual([])
  })

  it('reads a 20 MB single-line text file with exact offsets', async () => {
    const sentence = 'The committee met again on Tuesday and agreed that the bridge needed repairs soon. '
    const big = await put('one-line.txt', sentence.repeat(Math.ceil((20 * 1024 * 1024) / sentence.length)))
    const extracted = await extractFile(big)
    const passages = extracted.ok ? segmentPassages(extracted.doc.text, extracted.doc.paragraphs) : []
    expect(extracted.ok).toBe(true)
    if (!extracted.ok) return
    expect(paragraphProblems(extracted.doc)).toEqual([])
    expect(passageProblems(extracted.doc, passages)).toEqual([])
    expect(passages.length).toBeGreaterThan(1000)
  }, 300_000)
})

describe('folder walks with links, pipes and odd names', () => {
  it('completes over link loops, outside links, dangling links, a FIFO and a folder named x.docx', async () => {
    const dir = join(root, 'class')
    const outside = join(root, 'outside')
    await mkdir(join(dir, 'sub'), { recursive: true })
    await mkdir(outside)
    await writeFile(join(outside, 'secret.txt'), essayText())
    await writeFile(join(dir, 'essay.txt'), essayText())
    await symlink(dir, join(dir, 'sub', 'loop')) // a cycle back to the class folder
    await symlink(join(dir, 'sub'), join(dir, 'sub', 'self'))
    await symlink(join(outside, 'secret.txt'), join(dir, 'outside-link.txt'))
    await symlink(join(root, 'nowhere.txt'), join(dir, 'dangling.txt'))
    execFileSync('mkfifo', [join(dir, 'pipe.txt')])
    await mkdir(join(dir, 'x.docx'))
    await copyFile(join(fixtures, 'essay.docx'), join(dir, 'x.docx', 'inside.docx'))

    const run = await runPaths([dir], context)
    expect(run.events.at(-1)?.type).toBe('batch-done')
    const names = run.results.map((r) => r.fileName).sort()
    // The loop adds nothing twice; the FIFO and the dangling link are not documents; x.docx is walked into.
    expect(names).toEqual(['essay.txt', 'inside.docx', 'outside-link.txt'])
    expect(run.results.every((r) => r.status !== 'error')).toBe(true)
  })

  it('gives explicit FIFOs, dangling links, folders and ".." paths a result instead of hanging', async () => {
    const dir = join(root, 'explicit')
    await mkdir(join(dir, 'sub'), { recursive: true })
    await writeFile(join(dir, 'essay.txt'), essayText())
    execFileSync('mkfifo', [join(dir, 'named-pipe.txt')])
    await symlink(join(dir, 'gone.docx'), join(dir, 'dangling.docx'))
    await mkdir(join(dir, 'folder.docx'))
    const paths = [
      join(dir, 'named-pipe.txt'),
      join(dir, 'dangling.docx'),
      join(dir, 'sub', '..', 'essay.txt'),
      join(dir, 'sub', '..', '..', 'explicit', 'missing.pdf'),
      `${dir}/sub/../folder.docx/../essay.txt` // the same file again: checked once
    ]
    const run = await runPaths(paths, context)
    expect(run.summary.done).toBe(run.summary.total)
    expect(run.byName('named-pipe.txt').error?.code).toBe('unsupported-type')
    expect(run.byName('dangling.docx').error?.code).toBe('not-found')
    expect(run.byName('missing.pdf').error?.code).toBe('not-found')
    expect(run.results.filter((r) => r.fileName === 'essay.txt')).toHaveLength(1)
    expect(run.byName('essay.txt').status).not.toBe('error')
  })

  it('reads NFC and NFD names, newlines, 255-byte names and leading dashes', async () => {
    const dir = join(root, 'names')
    await mkdir(dir)
    const names = [
      'Zoë Müller.txt'.normalize('NFC'),
      'José Núñez.txt'.normalize('NFD'),
      'two\nlines.txt',
      `${'é'.repeat(125)}.txt`, // 250 bytes of UTF-8 + ".txt" = 254 bytes
      `${'a'.repeat(251)}.txt`, // exactly 255 bytes
      '--help.txt',
      '-rf.md'
    ]
    for (const n of names) await writeFile(join(dir, n), essayText())
    const run = await runPaths([dir], context)
    expect(run.results).toHaveLength(names.length)
    // Names come back byte for byte as on disk: no normalisation, no mangling of dashes or newlines.
    expect(run.results.map((r) => r.fileName).sort()).toEqual([...names].sort())
    for (const r of run.results) expect(r.status, r.fileName).not.toBe('error')
  })

  const cli = join(process.cwd(), 'bin', 'inkprint.cjs')
  it('the CLI treats "--help.txt" after "--" or as "./--help.txt" as a file, not an option', async () => {
    const dir = join(root, 'dashes')
    await mkdir(dir)
    await writeFile(join(dir, '--help.txt'), essayText())
    const run = promisify(execFile)
    const opts = { cwd: dir, maxBuffer: 16 * 1024 * 1024 }
    for (const args of [
      ['check', '--workers', '0', '--format', 'jsonl', '--', '--help.txt'],
      ['check', '--workers', '0', '--format', 'jsonl', './--help.txt']
    ]) {
      const { stdout } = await run('node', [cli, ...args], opts)
      const result = JSON.parse(stdout.trim()) as { fileName: string; status: string }
      expect(result.fileName).toBe('--help.txt')
      expect(result.status).not.toBe('error')
    }
  }, 300_000)
})
