/**
 * Playwright fixture: `openApp()` starts a loopback bridge (real handlers by default), injects the bridge client
 * and a Long Tasks recorder, opens the renderer, and records every request the page makes.
 */
import { test as base, expect, type Page } from '@playwright/test'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createHandlers } from '../../../src/main/handlers'
import { PAGE_VERBS } from '../../../src/shared/api'
import type { CheckEngine } from '../../../src/pipeline/batch/engine'
import { InProcessEngine } from '../../../src/pipeline/batch/in-process-engine'
import { loadCheckContext } from '../../../src/pipeline/context'
import { findChromium, printHtmlToPdf } from '../../../src/pipeline/report/chromium'
import { startBridge, type Bridge, type HandlerFactory } from '../bridge/server'

export interface AppOptions {
  /** What the "Open files…" / "Open folder…" dialogs return. */
  pickFiles?: string[]
  /** A function answers each dialog in turn (e.g. first the human folder, then the AI folder). */
  pickFolder?: string[] | (() => string[])
  /** What the "Save report in…" folder dialog returns (null: cancelled). */
  pickReportFolder?: string | null
  /** Answers the "Save report in…" dialog each time it is asked (overrides pickReportFolder). */
  reportFolder?: () => string | null
  /** What the "Import a watermark profile" file dialog returns. */
  pickProfileFile?: string | null | (() => string | null)
  /** Replaces the real pipeline (only the screenshot script does this). */
  handlers?: HandlerFactory
  /** Files and folders the OS asked to open (as "Open with…" or a second launch would hand them over). */
  openRequests?: string[]
  /** Waits this long before each file, as a slow laptop would, so a test can cancel mid-way. */
  paceMs?: number
  colorScheme?: 'light' | 'dark'
  /** Receives each "Open" / "Show in folder" of a saved report (the app hands these to the OS shell). */
  opened?: { file: string; reveal: boolean }[]
}

export interface OpenedApp {
  page: Page
  bridge: Bridge
  storeDir: string
  /** Every URL the page requested. */
  requests: string[]
  /** Durations (ms) of Long Tasks observed on the UI thread since load. */
  longTasks: () => Promise<number[]>
}

// Static imports on purpose: Playwright transpiles TypeScript only on the require path, not for import().

/** The real handler table (src/main/handlers.ts), as Electron's main process serves it. */
export function realHandlers(options: AppOptions, storeDir: string): HandlerFactory {
  const engine = options.paceMs ? pacedEngine(options.paceMs) : undefined
  return (emit) =>
    createHandlers({
      emit,
      storeDir,
      engine,
      pickFiles: async () => options.pickFiles ?? [],
      pickFolder: async () =>
        typeof options.pickFolder === 'function' ? options.pickFolder() : (options.pickFolder ?? []),
      pickReportFolder: async () => options.reportFolder?.() ?? options.pickReportFolder ?? null,
      pickProfileFile: async () =>
        typeof options.pickProfileFile === 'function'
          ? options.pickProfileFile()
          : (options.pickProfileFile ?? null),
      printPdf: printWithChromium,
      takeOpenRequests: () => options.openRequests?.splice(0) ?? [],
      openFile: async (file, reveal) => {
        options.opened?.push({ file, reveal })
      }
    })
}

/** The bridge has no Electron: print report HTML with the same Debian Chromium the tests drive. */
async function printWithChromium(html: string): Promise<Uint8Array> {
  const chromium = findChromium()
  if (!chromium) throw new Error('no Chromium found to print with')
  const work = await mkdtemp(join(tmpdir(), 'inkprint-e2e-print-'))
  try {
    await writeFile(join(work, 'report.html'), html, 'utf8')
    const outcome = await printHtmlToPdf(chromium, join(work, 'report.html'), join(work, 'report.pdf'))
    if (!outcome.ok) throw new Error(outcome.message)
    return new Uint8Array(await readFile(join(work, 'report.pdf')))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** The real in-process engine, with a pause before each file (abortable, like real work). */
function pacedEngine(paceMs: number): CheckEngine {
  let context: ReturnType<typeof loadCheckContext> | null = null
  const inner = new InProcessEngine(() => (context ??= loadCheckContext()))
  return {
    slots: inner.slots,
    check: async (path, options, signal) => {
      await new Promise((done) => setTimeout(done, paceMs))
      return inner.check(path, options, signal)
    },
    close: () => inner.close()
  }
}

export const test = base.extend<{ openApp: (options?: AppOptions) => Promise<OpenedApp> }>({
  openApp: async ({ page }, use) => {
    const cleanups: (() => Promise<void>)[] = []
    await use(async (options = {}) => {
      const storeDir = await mkdtemp(join(tmpdir(), 'inkprint-e2e-store-'))
      const factory = options.handlers ?? realHandlers(options, storeDir)
      const bridge = await startBridge(factory)
      cleanups.push(
        () => bridge.close(),
        () => rm(storeDir, { recursive: true, force: true })
      )

      const requests: string[] = []
      page.on('request', (request) => requests.push(request.url()))
      if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme })
      await page.addInitScript(
        (verbs) => {
          ;(window as unknown as { __inkprintVerbs: string[] }).__inkprintVerbs = verbs
        },
        [...PAGE_VERBS]
      )
      await page.addInitScript({ path: resolve('test/e2e/bridge/client.js') })
      await page.addInitScript(() => {
        const durations: number[] = []
        ;(window as unknown as { __longTasks: number[] }).__longTasks = durations
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) durations.push(entry.duration)
        }).observe({ type: 'longtask', buffered: true })
      })
      await page.goto(bridge.url + '/')
      await expect(page.getByRole('heading', { name: 'Inkprint', level: 1 })).toBeVisible()
      return {
        page,
        bridge,
        storeDir,
        requests,
        longTasks: () =>
          page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.slice())
      }
    })
    for (const cleanup of cleanups.reverse()) await cleanup()
  }
})

export { expect }

/** Dispatches a real drop of `paths` onto the window: File objects by name, resolved through the test path map. */
export async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const entries = paths.map((path) => ({ name: path.split('/').pop() ?? path, path }))
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer()
    const map: Record<string, string> = {}
    for (const { name, path } of list) {
      transfer.items.add(new File(['placeholder'], name))
      map[name] = path
    }
    ;(window as unknown as { __inkprintTestPaths: Record<string, string> }).__inkprintTestPaths = map
    return transfer
  }, entries)
  const zone = page.getByTestId('drop-zone')
  await zone.dispatchEvent('dragenter', { dataTransfer })
  await zone.dispatchEvent('dragover', { dataTransfer })
  await zone.dispatchEvent('drop', { dataTransfer })
}
