/**
 * The window's security policy as plain data and predicates (no electron import), so a test can assert it.
 * Checklist: https://www.electronjs.org/docs/latest/tutorial/security
 */

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

export interface SecureWebPreferences {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  webSecurity: true
  allowRunningInsecureContent: false
  experimentalFeatures: false
  navigateOnDragDrop: false
  spellcheck: false
}

export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Dropping a file must reach our drop zone, never navigate the window to file://…
    navigateOnDragDrop: false,
    // The spellchecker downloads dictionaries: no network, ever.
    spellcheck: false
  }
}

/**
 * Inkprint makes no network requests. The only loads allowed are the app's own files and, in development,
 * the local dev server. Everything else (http, https, ws, ftp, any remote host) is cancelled.
 */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'file:' || parsed.protocol === 'devtools:' || parsed.protocol === 'data:')
    return true
  if (devServerUrl) {
    const dev = new URL(devServerUrl)
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)
    return loopback && parsed.port === dev.port && ['http:', 'ws:'].includes(parsed.protocol)
  }
  return false
}

/** The window may only ever show the app itself. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url)
    const app = new URL(appUrl)
    return target.origin === app.origin && target.pathname === app.pathname
  } catch {
    return false
  }
}
