import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ALLOWED_DATA_URL_TYPES,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequest,
  secureWebPreferences
} from '../../../src/main/security'

describe('window security policy', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences('/app/preload.js')
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false
    })
  })

  it('has a CSP that allows only the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/)
  })

  const appUrl = 'file:///opt/inkprint/out/renderer/index.html'

  it('blocks every network request in the packaged app', () => {
    const scope = { appUrl }
    expect(isAllowedRequest('file:///opt/inkprint/out/renderer/index.html', scope)).toBe(true)
    expect(isAllowedRequest('file:///opt/inkprint/out/renderer/assets/index-abc.js', scope)).toBe(true)
    expect(isAllowedRequest('https://example.com/x.js', scope)).toBe(false)
    expect(isAllowedRequest('http://127.0.0.1:5173/', scope)).toBe(false)
    expect(isAllowedRequest('wss://telemetry.example/', scope)).toBe(false)
    expect(isAllowedRequest('not a url', scope)).toBe(false)
  })

  it('reads no file but the built renderer’s own', () => {
    const scope = { appUrl }
    for (const url of [
      'file:///home/teacher/Year%2010/essay.docx',
      'file:///etc/passwd',
      'file:///opt/inkprint/out/main/index.js',
      'file:///opt/inkprint/out/renderer-evil/x.js',
      'file:///opt/inkprint/out/renderer/../../../etc/passwd',
      'file:///opt/inkprint/out/renderer/%2e%2e/%2e%2e/secrets.txt',
      'file:///opt/inkprint/out/renderer/..%2f..%2fsecrets.txt',
      'file:///opt/inkprint/out/renderer/..%5C..%5Csecrets.txt',
      'file://fileserver/opt/inkprint/out/renderer/index.html'
    ])
      expect(isAllowedRequest(url, scope), url).toBe(false)
    // In development the page comes from the dev server: no file is needed at all.
    const dev = { appUrl: 'http://localhost:5173', devServerUrl: 'http://localhost:5173' }
    expect(isAllowedRequest('file:///opt/inkprint/out/renderer/index.html', dev)).toBe(false)
  })

  it('allows only the data: images the app draws itself (calibration plots)', () => {
    const scope = { appUrl }
    const svg = `data:image/svg+xml;charset=utf-8,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg"/>')}`
    expect(isAllowedRequest(svg, scope)).toBe(true)
    expect(isAllowedRequest('data:text/html,<script>alert(1)</script>', scope)).toBe(false)
    expect(isAllowedRequest('data:text/javascript,alert(1)', scope)).toBe(false)
    expect(isAllowedRequest('data:application/octet-stream;base64,AAAA', scope)).toBe(false)
    expect(isAllowedRequest('data:,hello', scope)).toBe(false)
  })

  it('the built renderer makes no data: URL of another type (global setup builds out/)', () => {
    const dir = join('out', 'renderer')
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(js|css|html)$/.test(f)
    )
    const types = new Set<string>()
    for (const file of files)
      for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/data:([a-z]+\/[a-z0-9.+-]+)/gi))
        types.add(match[1].toLowerCase())
    // the calibration plots are there; nothing else (fonts, inlined images) is
    expect([...types]).toEqual(['image/svg+xml'])
    expect(ALLOWED_DATA_URL_TYPES).toEqual(['image/svg+xml'])
  })

  it('allows only the local dev server in development', () => {
    const dev = { appUrl: 'http://localhost:5173', devServerUrl: 'http://localhost:5173' }
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequest('http://localhost:8080/', dev)).toBe(false)
    expect(isAllowedRequest('https://cdn.example.com/', dev)).toBe(false)
  })

  it('never navigates away from the app', () => {
    const app = 'file:///opt/inkprint/out/renderer/index.html'
    expect(isAllowedNavigation(app, app)).toBe(true)
    expect(isAllowedNavigation('file:///home/teacher/essay.pdf', app)).toBe(false)
    expect(isAllowedNavigation('https://example.com', app)).toBe(false)
  })
})
