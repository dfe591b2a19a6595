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

/** What the window may load: the app's page, and in development the dev server it is served from. */
export interface RequestScope {
  /** The page the window shows: file:// of the built renderer's index.html, or the dev server's URL. */
  appUrl: string
  devServerUrl?: string
}

/**
 * The only data: URLs the app makes: the calibration plots, SVG documents drawn by Inkprint's own plot code and
 * shown as images (CalibrationReview.svelte). The built renderer inlines nothing else (checked by a test).
 */
export const ALLOWED_DATA_URL_TYPES: readonly string[] = ['image/svg+xml']

/**
 * Inkprint makes no network requests, and its window reads no file but its own. Allowed: files inside the built
 * renderer's folder (the folder of `appUrl`), data: images of the types above, devtools, and in development the
 * local dev server. Everything else (any other file on disk, http, https, ws, ftp, any host) is cancelled.
 */
export function isAllowedRequest(url: string, scope: RequestScope): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'devtools:') return true
  if (parsed.protocol === 'data:') return isAllowedDataUrl(parsed)
  if (parsed.protocol === 'file:') return isInsideAppFolder(parsed, scope.appUrl)
  if (scope.devServerUrl) {
    const dev = new URL(scope.devServerUrl)
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)
    return loopback && parsed.port === dev.port && ['http:', 'ws:'].includes(parsed.protocol)
  }
  return false
}

function isAllowedDataUrl(url: URL): boolean {
  const type = url.pathname.split(/[;,]/, 1)[0].trim().toLowerCase()
  return ALLOWED_DATA_URL_TYPES.includes(type)
}

/** A file:// URL inside the folder holding the app's index.html (the URL parser has resolved any `..`). */
function isInsideAppFolder(url: URL, appUrl: string): boolean {
  let app: URL
  try {
    app = new URL(appUrl)
  } catch {
    return false
  }
  if (app.protocol !== 'file:' || url.host !== app.host) return false
  // An encoded separator could name a file outside the folder once the path is decoded.
  if (/%(2f|5c)/i.test(url.pathname) || url.pathname.includes('\\')) return false
  const folder = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1)
  return url.pathname.startsWith(folder)
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
