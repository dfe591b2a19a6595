/**
 * Printing HTML to PDF with a Chromium-based browser already on the machine (the desktop app uses Electron's
 * own printToPDF instead). Headless, every network feature off and host names resolved to nothing, sandboxed
 * where the OS allows, a throwaway profile per run.
 */
import { execFile } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { offlineChromiumArgs } from './offline-switches'

const CANDIDATE_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge'
]
const CANDIDATE_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
]

export const NO_CHROMIUM_MESSAGE =
  'No Chromium-based browser was found to print PDF (set INKPRINT_CHROMIUM to its path); HTML reports were written instead.'

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** $INKPRINT_CHROMIUM first, then the usual install locations, then the PATH. Null when none is found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env.INKPRINT_CHROMIUM
  if (override) return isExecutable(override) ? override : null
  for (const path of CANDIDATE_PATHS) if (isExecutable(path)) return path
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of CANDIDATE_NAMES) if (isExecutable(join(dir, name))) return join(dir, name)
  }
  return null
}

export type PrintOutcome = { ok: true } | { ok: false; message: string }

/**
 * The browser's arguments: headless, a throwaway profile, every network feature off (offline-switches.ts), and
 * its own sandbox unless `sandbox` is false (Chromium refuses to run sandboxed as root, and some containers lack
 * the kernel features it needs).
 */
export function chromiumPrintArgs(
  htmlPath: string,
  pdfPath: string,
  profileDir: string,
  sandbox: boolean
): string[] {
  return [
    '--headless',
    ...(sandbox ? [] : ['--no-sandbox']),
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    ...offlineChromiumArgs(),
    `--user-data-dir=${profileDir}`,
    `--print-to-pdf=${pdfPath}`,
    '--no-pdf-header-footer',
    pathToFileURL(htmlPath).href
  ]
}

/** Whether to try the sandbox: not as root (Chromium refuses), and not once it has failed in this process. */
let sandboxUsable = typeof process.getuid !== 'function' || process.getuid() !== 0
if (process.env.INKPRINT_CHROMIUM_NO_SANDBOX === '1') sandboxUsable = false

/** True when the next print will run Chromium inside its sandbox. */
export function chromiumSandboxed(): boolean {
  return sandboxUsable
}

function run(chromium: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    execFile(chromium, args, { timeout: timeoutMs, windowsHide: true }, (error, _out, stderr) =>
      error ? reject(Object.assign(error, { stderrText: String(stderr) })) : resolve()
    )
  })
}

/** Prints one HTML file to PDF. Resolves with a message instead of throwing: a failed print is a warning. */
export async function printHtmlToPdf(
  chromium: string,
  htmlPath: string,
  pdfPath: string,
  timeoutMs = 60_000
): Promise<PrintOutcome> {
  const profile = await mkdtemp(join(tmpdir(), 'inkprint-chromium-'))
  try {
    try {
      await run(chromium, chromiumPrintArgs(htmlPath, pdfPath, profile, sandboxUsable), timeoutMs)
    } catch (error) {
      const stderr = (error as { stderrText?: string }).stderrText ?? ''
      // No usable sandbox on this machine (no user namespaces, no setuid helper): print without it, once told.
      if (!sandboxUsable || !/sandbox/i.test(stderr)) throw error
      sandboxUsable = false
      await run(chromium, chromiumPrintArgs(htmlPath, pdfPath, profile, false), timeoutMs)
    }
    const head = await readFile(pdfPath).then((b) => b.subarray(0, 5).toString('latin1'))
    return head === '%PDF-' ? { ok: true } : { ok: false, message: 'The browser did not produce a PDF file.' }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return { ok: false, message: `Printing to PDF failed: ${reason}` }
  } finally {
    await rm(profile, { recursive: true, force: true })
  }
}
