/**
 * Documents the operating system asks Inkprint to open: files or folders on the command line ("Open with…" on
 * Windows and Linux, a second launch while the app runs) and macOS `open-file` events. No electron import:
 * main feeds it, the renderer takes the queue when it starts and whenever the window regains focus.
 */
import { statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'

/**
 * The existing files and folders named in `argv`: the executable, switches (`--flag`, `-x`) and the app's own
 * folder (`electron .` in development) are left out, so launching the app never checks its own source.
 */
export function documentPathsFromArgv(argv: readonly string[], cwd: string, appPath: string): string[] {
  const app = resolve(appPath)
  const paths: string[] = []
  for (const arg of argv.slice(1)) {
    if (arg === '' || arg.startsWith('-')) continue
    const path = resolve(cwd, arg)
    const fromApp = relative(app, path)
    if (fromApp === '' || (!fromApp.startsWith('..') && !isAbsolute(fromApp))) continue
    try {
      const info = statSync(path)
      if ((info.isFile() || info.isDirectory()) && !paths.includes(path)) paths.push(path)
    } catch {
      // not a path: some other argument (Chromium switches come in many shapes)
    }
  }
  return paths
}

/** Paths waiting for the window, in the order asked, each once. */
export class OpenRequests {
  private queue: string[] = []

  add(paths: readonly string[]): void {
    for (const path of paths) if (!this.queue.includes(path)) this.queue.push(path)
  }

  take(): string[] {
    const taken = this.queue
    this.queue = []
    return taken
  }
}
