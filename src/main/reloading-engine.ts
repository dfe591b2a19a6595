/**
 * A check engine that can be replaced while the app runs: worker threads load their watermark profiles once, so
 * after a school imports a profile the pool is retired and the next check starts a fresh one. Checks already
 * running finish on the old pool, which is closed when its last check is done.
 */
import type { DocumentResult } from '../shared/types'
import type { CheckEngine, PortableCheckOptions } from '../pipeline/batch/engine'

interface Generation {
  engine: CheckEngine
  inFlight: number
  retired: boolean
}

export class ReloadingEngine implements CheckEngine {
  readonly slots: number
  private current: Generation

  constructor(private readonly make: () => CheckEngine) {
    this.current = { engine: make(), inFlight: 0, retired: false }
    this.slots = this.current.engine.slots
  }

  async check(path: string, options: PortableCheckOptions, signal: AbortSignal): Promise<DocumentResult> {
    const generation = this.current
    generation.inFlight++
    try {
      return await generation.engine.check(path, options, signal)
    } finally {
      generation.inFlight--
      if (generation.retired && generation.inFlight === 0) void generation.engine.close()
    }
  }

  /** New checks go to a fresh engine; the old one closes once idle. */
  reload(): void {
    const old = this.current
    old.retired = true
    this.current = { engine: this.make(), inFlight: 0, retired: false }
    if (old.inFlight === 0) void old.engine.close()
  }

  async close(): Promise<void> {
    this.current.retired = true
    await this.current.engine.close()
  }
}
