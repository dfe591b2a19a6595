import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { documentPathsFromArgv, OpenRequests } from '../../../src/main/open-requests'

describe('files the OS asks Inkprint to open', () => {
  const root = mkdtempSync(join(tmpdir(), 'inkprint-open-'))
  const app = join(root, 'app')
  mkdirSync(join(app, 'out'), { recursive: true })
  const essay = join(root, 'Ava Chen - essay.docx')
  const folder = join(root, 'class 10B')
  mkdirSync(folder)
  writeFileSync(essay, 'x')

  it('keeps existing files and folders, resolved against the launch folder, each once', () => {
    const argv = ['/opt/Inkprint/inkprint', 'Ava Chen - essay.docx', folder, essay, 'missing.pdf']
    expect(documentPathsFromArgv(argv, root, app)).toEqual([essay, folder])
  })

  it('leaves out switches, the executable and the app itself (electron . in development)', () => {
    const argv = [essay, '--no-sandbox', '-psn_0_12345', '.', 'out', app, '--inspect=9229', essay]
    expect(documentPathsFromArgv(argv, app, app)).toEqual([essay])
  })

  it('queues requests until the window takes them', () => {
    const queue = new OpenRequests()
    queue.add([essay, folder])
    queue.add([essay])
    expect(queue.take()).toEqual([essay, folder])
    expect(queue.take()).toEqual([])
  })
})
