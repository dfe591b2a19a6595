import { describe, expect, it } from 'vitest'
import {
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

  it('blocks every network request in the packaged app', () => {
    expect(isAllowedRequest('file:///app/out/renderer/index.html')).toBe(true)
    expect(isAllowedRequest('https://example.com/x.js')).toBe(false)
    expect(isAllowedRequest('http://127.0.0.1:5173/')).toBe(false)
    expect(isAllowedRequest('wss://telemetry.example/')).toBe(false)
    expect(isAllowedRequest('not a url')).toBe(false)
  })

  it('allows only the local dev server in development', () => {
    const dev = 'http://localhost:5173'
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
