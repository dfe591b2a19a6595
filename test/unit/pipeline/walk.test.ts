import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { walkInputs } from '../../../src/pipeline/walk'

let root: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkprint-walk-'))
  await mkdir(join(root, 'class/sub'), { recursive: true })
  await mkdir(join(root, 'class/.git'), { recursive: true })
  for (const name of [
    'b.docx',
    'a.pdf',
    'notes.xlsx',
    '~$lock.docx',
    'Zoë Ünïcode – essay.txt',
    'new\nline.md'
  ])
    await writeFile(join(root, 'class', name), 'x')
  await writeFile(join(root, 'class/sub/c.odt'), 'x')
  await writeFile(join(root, 'class/.git/d.txt'), 'x')
  await writeFile(join(root, 'class/' + 'l'.repeat(200) + '.rtf'), 'x')
  await symlink(join(root, 'class'), join(root, 'class/sub/loop')) // a symlink loop
  await symlink(join(root, 'nowhere'), join(root, 'class/dangling.txt'))
})

describe('walkInputs', () => {
  it('expands folders recursively, sorted, once each, skipping hidden files and lock files', async () => {
    const r = await walkInputs([join(root, 'class')])
    const names = r.files.map((f) => f.slice(root.length + 1))
    expect(names).toEqual([
      'class/a.pdf',
      'class/b.docx',
      'class/' + 'l'.repeat(200) + '.rtf',
      'class/new\nline.md',
      'class/sub/c.odt',
      'class/Zoë Ünïcode – essay.txt'
    ])
    expect(r.skipped.map((f) => f.slice(root.length + 1))).toEqual(['class/notes.xlsx'])
  })

  it('does not loop on symlink cycles or repeat a file named twice', async () => {
    const r = await walkInputs([join(root, 'class'), join(root, 'class/a.pdf'), join(root, 'class/sub/loop')])
    expect(new Set(r.files).size).toBe(r.files.length)
    expect(r.files).toHaveLength(6)
  })

  it('keeps explicitly named files of any type so they are reported, and lists missing inputs', async () => {
    const r = await walkInputs([join(root, 'class/notes.xlsx'), join(root, 'missing.docx')])
    expect(r.files).toEqual([join(root, 'class/notes.xlsx')])
    expect(r.missing).toEqual([join(root, 'missing.docx')])
  })

  it('caps the number of files', async () => {
    const r = await walkInputs([join(root, 'class')], { maxFiles: 2 })
    expect(r.files).toHaveLength(2)
  })
})
