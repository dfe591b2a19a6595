import { ensureBuilt } from '../ensure-built'

/** Unit tests that run the built CLI and worker (cli-e2e, timeouts, no-network, app-worker…) need out/. */
export default function globalSetup(): void {
  ensureBuilt()
}
