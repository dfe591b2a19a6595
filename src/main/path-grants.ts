/**
 * The only paths main reads on the renderer's behalf: those it issued itself. Dialogs, drops (resolved by the
 * preload from real File objects) and the OS's open requests are granted here as random ids; verbs that read
 * documents take ids and resolve them here, so a compromised page cannot make main read a path it names.
 * No electron import: the loopback test bridge serves the same handlers.
 */
import { randomBytes } from 'node:crypto'
import { basename, isAbsolute, resolve } from 'node:path'
import type { ApiHandlers, ApiResult, GrantedPath } from '../shared/api'
import { invalid } from './validate'

/** 144 random bits, URL-safe: not guessable, not derived from the path. */
const ID_BYTES = 18
const MAX_DROPPED = 100_000

export class PathGrants {
  private readonly byId = new Map<string, string>()
  private readonly byPath = new Map<string, string>()

  /** Grants each path (absolute; the same path keeps its id) and returns what the renderer may see. */
  grant(paths: readonly string[]): GrantedPath[] {
    return paths.map((raw) => {
      if (!isAbsolute(raw)) throw new Error(`Only absolute paths can be granted: ${raw}`)
      const path = resolve(raw)
      let id = this.byPath.get(path)
      if (id === undefined) {
        id = randomBytes(ID_BYTES).toString('base64url')
        this.byId.set(id, path)
        this.byPath.set(path, id)
      }
      return { id, name: basename(path) || path, path }
    })
  }

  /**
   * The paths behind `ids`, or an invalid-request error naming the problem: not a list of ids, or an id this
   * window was never given (a path typed by the page is one).
   */
  resolve(ids: unknown, what = 'files'): ApiResult<string[]> {
    if (!Array.isArray(ids) || ids.length === 0)
      return invalid(`Expected a non-empty list of ids of chosen ${what}.`)
    const paths: string[] = []
    for (const id of ids) {
      const path = typeof id === 'string' ? this.byId.get(id) : undefined
      if (path === undefined)
        return invalid(
          `Unknown file id: Inkprint reads only ${what} chosen in this window (Open files…, Open folder…, ` +
            'a drop, or Open with…). Choose them again.'
        )
      paths.push(path)
    }
    return { ok: true, value: paths }
  }
}

export interface GrantSources {
  pickFiles: () => Promise<string[]>
  pickFolder: () => Promise<string[]>
  /** Files and folders the OS asked to open (OpenRequests.take in the app); none when absent. */
  takeOpenRequests?: () => string[]
}

type GrantVerbs = Pick<ApiHandlers, 'pickFiles' | 'pickFolder' | 'takeOpenRequests' | 'grantDroppedPaths'>

/** The verbs that hand paths to the renderer: each grants what it returns. */
export function createPathGrantHandlers(grants: PathGrants, sources: GrantSources): GrantVerbs {
  const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })
  return {
    pickFiles: async () => ok(grants.grant(await sources.pickFiles())),
    pickFolder: async () => ok(grants.grant(await sources.pickFolder())),
    takeOpenRequests: async () => ok(grants.grant(sources.takeOpenRequests?.() ?? [])),
    grantDroppedPaths: async (arg) => {
      const paths = (arg as { paths?: unknown } | null)?.paths
      if (
        !Array.isArray(paths) ||
        paths.length > MAX_DROPPED ||
        !paths.every((p) => typeof p === 'string' && p.length < 4096 && !p.includes('\0') && isAbsolute(p))
      )
        return invalid('Expected { paths } of dropped files, each an absolute path.')
      return ok(grants.grant(paths as string[]))
    }
  }
}
