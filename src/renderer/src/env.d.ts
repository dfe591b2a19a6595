/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { InkprintApi } from '../../shared/api'

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the loopback test bridge; absent in a plain browser. */
    inkprint?: InkprintApi
  }
}

export {}
