/**
 * Checks every place the CLI will write (--out, --results, --report) before the first document is read, so a
 * mistyped option can never truncate or append to a student's file, and a folder that does not exist is a plain
 * usage error instead of a stack trace halfway through a batch.
 */
import { constants } from 'node:fs'
import { access, realpath, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve, sep } from 'node:path'

export interface PlannedOutput {
  /** The option as the user typed it, for messages: "--out". */
  flag: string
  path: string
  /** 'file': written or appended to; 'folder': created if missing, files written inside. */
  kind: 'file' | 'folder'
}

/** The real path of `path` if it exists, else the real path of its nearest existing ancestor joined with the rest. */
async function realish(path: string): Promise<string> {
  const abs = resolve(path)
  const real = await realpath(abs).catch(() => null)
  if (real !== null) return real
  const parent = dirname(abs)
  if (parent === abs) return abs
  return join(await realish(parent), basename(abs))
}

const within = (child: string, folder: string): boolean =>
  child === folder || child.startsWith(folder.endsWith(sep) ? folder : folder + sep)

async function writable(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false
  )
}

/** The nearest existing ancestor of `path` (itself when it exists). */
async function nearestExisting(path: string): Promise<string> {
  let dir = resolve(path)
  for (;;) {
    if (
      await stat(dir).then(
        () => true,
        () => false
      )
    )
      return dir
    const up = dirname(dir)
    if (up === dir) return dir
    dir = up
  }
}

/**
 * Null when every output is safe to write; otherwise one plain sentence saying which option is wrong and why.
 * `inputs` are the files and folders about to be checked.
 */
export async function checkOutputs(inputs: string[], outputs: PlannedOutput[]): Promise<string | null> {
  const inputInfo = await Promise.all(
    inputs.map(async (input) => {
      const real = await realpath(resolve(input)).catch(() => null)
      const info = real === null ? null : await stat(real).catch(() => null)
      return { input, real, isDir: info?.isDirectory() ?? false }
    })
  )
  const seen = new Map<string, string>()
  for (const output of outputs) {
    const real = await realish(output.path)
    const other = seen.get(real)
    if (other) return `${output.flag} and ${other} name the same place (${output.path}); give each its own.`
    seen.set(real, output.flag)
    for (const input of inputInfo) {
      if (input.real === null) continue
      if (!input.isDir && real === input.real)
        return `${output.flag} ${output.path} is one of the documents to check; Inkprint never writes over a student's file. Choose another name.`
      if (input.isDir && within(real, input.real))
        return `${output.flag} ${output.path} is inside the folder being checked (${input.input}); write it somewhere else, so no student file is overwritten and the output is not checked as a document.`
      if (output.kind === 'folder' && within(input.real, real) && !input.isDir)
        return `${output.flag} ${output.path} holds a document being checked (${input.input}); choose an empty or new folder for reports.`
    }
    const info = await stat(output.path).catch(() => null)
    if (output.kind === 'file') {
      if (info) {
        if (!info.isFile())
          return `${output.flag} ${output.path} is ${info.isDirectory() ? 'a folder' : 'not a regular file'}; name a file.`
        if (!(await writable(output.path)))
          return `${output.flag} ${output.path} cannot be written (permission denied).`
      } else {
        const parent = dirname(resolve(output.path))
        const parentInfo = await stat(parent).catch(() => null)
        if (!parentInfo) return `${output.flag}: the folder ${parent} does not exist.`
        if (!parentInfo.isDirectory()) return `${output.flag}: ${parent} is not a folder.`
        if (!(await writable(parent)))
          return `${output.flag}: the folder ${parent} cannot be written to (permission denied).`
      }
    } else if (info) {
      if (!info.isDirectory())
        return `${output.flag} ${output.path} is a file; name a folder for the reports.`
      if (!(await writable(output.path)))
        return `${output.flag}: the folder ${output.path} cannot be written to (permission denied).`
    } else {
      const base = await nearestExisting(output.path)
      const baseInfo = await stat(base).catch(() => null)
      if (!baseInfo?.isDirectory()) return `${output.flag}: ${base} is not a folder.`
      if (!(await writable(base)))
        return `${output.flag}: the folder ${base} cannot be written to (permission denied), so ${output.path} cannot be created.`
    }
  }
  return null
}
