import { ensureBuilt } from '../ensure-built'

/** The bridge serves the BUILT renderer and runs the built pipeline: build it first when it is stale. */
export default function globalSetup(): void {
  ensureBuilt()
}
