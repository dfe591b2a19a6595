/**
 * Writes report files without ever replacing an existing file: if a name is taken (a student file, an
 * earlier report), the next free "-2", "-3"… name is used and a warning says so.
 */
import { constants } from 'node:fs'
import { copyFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

const MAX_ATTEMPTS = 1000

function isExists(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as NodeJS.ErrnoException).code === 'EEXIST'
}

export class SafeReportWriter {
  readonly warnings: string[] = []
  private readonly protectedPaths: Set<string>

  /** `protectedPaths`: the checked input files, never written to even if a name happened to match. */
  constructor(
    private readonly dir: string,
    protectedPaths: string[]
  ) {
    this.protectedPaths = new Set(protectedPaths.map((p) => resolve(p)))
  }

  /** Adds a checked input file that must never be written to. */
  protect(path: string): void {
    this.protectedPaths.add(resolve(path))
  }

  writeText(name: string, content: string): Promise<string> {
    return this.place(name, (target) => writeFile(target, content, { encoding: 'utf8', flag: 'wx' }))
  }

  copyIn(source: string, name: string): Promise<string> {
    return this.place(name, (target) => copyFile(source, target, constants.COPYFILE_EXCL))
  }

  private async place(name: string, write: (target: string) => Promise<void>): Promise<string> {
    const dot = name.indexOf('.')
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const candidate = resolve(join(this.dir, attempt === 1 ? name : `${stem}-${attempt}${ext}`))
      if (this.protectedPaths.has(candidate)) continue
      try {
        await write(candidate)
        if (attempt > 1)
          this.warnings.push(`${name} already exists and was kept; the report was written as ${candidate}.`)
        return candidate
      } catch (error) {
        if (!isExists(error)) throw error
      }
    }
    throw new Error(`No free file name for ${name} in ${this.dir}`)
  }
}
