/** The known-writing verbs of the contract, over KnownWritingService. Inputs are validated here. */
import type { ApiHandlers, ApiResult } from '../shared/api'
import type { DocumentResult } from '../shared/types'
import type { ResultsStore } from '../pipeline/results-store'
import type { KnownWritingService } from './known-writing-service'
import { invalid } from './validate'

type KnownWritingVerbs = Pick<
  ApiHandlers,
  'listKnownWriting' | 'addKnownWriting' | 'removeKnownWriting' | 'assignStudent'
>

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })
const isName = (x: unknown): x is string => typeof x === 'string' && x.trim().length > 0 && x.length <= 200

export function createKnownWritingHandlers(
  service: KnownWritingService,
  store: ResultsStore,
  pick: { files: () => Promise<string[]>; folder: () => Promise<string[]> }
): KnownWritingVerbs {
  /** Compares every kept result again and keeps the ones whose comparison changed. */
  const recompare = async (): Promise<DocumentResult[]> => {
    const updated: DocumentResult[] = []
    for (const r of await store.readAll()) {
      const next = await service.apply(r)
      if (JSON.stringify(next.styleComparison) !== JSON.stringify(r.styleComparison)) {
        await store.append(next)
        updated.push(next)
      }
    }
    return updated
  }
  return {
    listKnownWriting: async () => ok(await service.summary()),
    addKnownWriting: async (arg) => {
      if (!isName(arg?.student) || (arg.from !== 'files' && arg.from !== 'folder'))
        return invalid('Expected { student, from: "files" | "folder" }.')
      const paths = arg.from === 'files' ? await pick.files() : await pick.folder()
      if (paths.length === 0) return ok(await service.summary())
      const warnings = await service.add(arg.student, paths)
      return ok(await service.summary(await recompare(), warnings))
    },
    removeKnownWriting: async (arg) => {
      if (!isName(arg?.student) || (arg.fileName !== undefined && typeof arg.fileName !== 'string'))
        return invalid('Expected { student, fileName? }.')
      await service.remove(arg.student, arg.fileName)
      return ok(await service.summary(await recompare()))
    },
    assignStudent: async (arg) => {
      if (typeof arg?.path !== 'string' || (arg.student !== null && !isName(arg.student)))
        return invalid('Expected { path, student }.')
      await service.assign(arg.path, arg.student)
      return ok(await service.summary(await recompare()))
    }
  }
}
