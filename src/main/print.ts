/**
 * Report HTML to PDF with Electron's own Chromium: a hidden, sandboxed window with JavaScript off loads the
 * report from a temporary file (the report is self-contained, with its own CSP) and prints it.
 */
import { BrowserWindow } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export async function printHtmlWithElectron(html: string): Promise<Uint8Array> {
  const work = await mkdtemp(join(tmpdir(), 'inkprint-print-'))
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  try {
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
    win.webContents.on('will-navigate', (event) => event.preventDefault())
    const file = join(work, 'report.html')
    await writeFile(file, html, 'utf8')
    await win.loadFile(file)
    const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true })
    return new Uint8Array(pdf)
  } finally {
    win.destroy()
    await rm(work, { recursive: true, force: true })
  }
}
