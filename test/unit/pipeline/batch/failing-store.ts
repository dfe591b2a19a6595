/** A results store that runs out of disk space after a few writes, for the tests of a batch that must stop. */
import type { DocumentResult } from '../../../../src/shared/types'

/** A store whose append fails with ENOSPC after `n` successful writes. */
export function storeFailingAfter(n: number): {
  append: (r: DocumentResult) => Promise<void>
  kept: string[]
} {
  const kept: string[] = []
  return {
    kept,
    append: async (r) => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      if (kept.length >= n)
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
      kept.push(r.fileName)
    }
  }
}
