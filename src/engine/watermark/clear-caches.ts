import { clearKgwCaches } from './schemes/kgw'
import { clearAaronsonCache } from './schemes/aaronson'

/**
 * Forgets per-seed results remembered across documents (for benchmarks that must measure a cold document, and
 * for tests). One-time tables (KGW fixed hash tables, Unigram masks, SynthID sampling tables) are kept.
 */
export function clearWatermarkCaches(): void {
  clearKgwCaches()
  clearAaronsonCache()
}
