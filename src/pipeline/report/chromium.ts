/**
 * Printing HTML to PDF with a Chromium-based browser already on the machine (the desktop app uses Electron's
 * own printToPDF instead). Headless, no network, a throwaway profile per run.
 */
import { execFile } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'

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

/** Prints one HTML file to PDF. Resolves with a message instead of throwing: a failed print is a warning. */
export async function printHtmlToPdf(
  chromium: string,
  htmlPath: string,
  pdfPath: string,
  timeoutMs = 60_000
): Promise<PrintOutcome> {
  const profile = await mkdtemp(join(tmpdir(), 'inkprint-chromium-'))
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-extensions',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    `--print-to-pdf=${pdfPath}`,
    '--no-pdf-header-footer',
    pathToFileURL(htmlPath).href
  ]
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: timeoutMs, windowsHide: true }, (error) =>
        error ? reject(error) : resolve()
      )
    })
    const head = await readFile(pdfPath).then((b) => b.subarray(0, 5).toString('latin1'))
    return head === '%PDF-' ? { ok: true } : { ok: false, message: 'The browser did not produce a PDF file.' }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return { ok: false, message: `Printing to PDF failed: ${reason}` }
  } finally {
    await rm(profile, { recursive: true, force: true })
  }
}
