/**
 * Command-line switches that keep a Chromium (the one printing PDF reports for the CLI, and Electron's own in the
 * app) from reaching any server: no component updates, no background networking or pings, no sync, no crash
 * uploads, no proxy auto-detection (WPAD), and every host name resolved to nothing, so even a feature we did not
 * think of cannot look anything up. Pure data, shared by both launchers and asserted by tests.
 */
export const OFFLINE_CHROMIUM_SWITCHES: readonly (readonly [name: string, value?: string])[] = [
  ['disable-background-networking'],
  ['disable-component-update'],
  ['disable-domain-reliability'],
  ['disable-sync'],
  ['disable-breakpad'],
  ['disable-crash-reporter'],
  ['disable-client-side-phishing-detection'],
  ['disable-default-apps'],
  ['disable-extensions'],
  ['disable-speech-api'],
  [
    'disable-features',
    'OptimizationHints,MediaRouter,DialMediaRouteProvider,Translate,AutofillServerCommunication,' +
      'CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying,SafeBrowsingEnhancedProtection,' +
      'InterestFeedContentSuggestions,SpareRendererForSitePerProcess'
  ],
  ['no-pings'],
  ['no-proxy-server'],
  ['metrics-recording-only'],
  ['host-resolver-rules', 'MAP * ~NOTFOUND']
]

/** The switches as argv entries: `--name` or `--name=value`. */
export function offlineChromiumArgs(): string[] {
  return OFFLINE_CHROMIUM_SWITCHES.map(([name, value]) =>
    value === undefined ? `--${name}` : `--${name}=${value}`
  )
}
