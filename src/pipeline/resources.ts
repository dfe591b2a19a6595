import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/**
 * Where the shipped models and profiles live: $INKPRINT_RESOURCES, Electron's resourcesPath when packaged,
 * else the nearest `resources/` above this file (source tree, out/main, tests).
 */
export function resourcesDir(): string {
  const fromEnv = process.env.INKPRINT_RESOURCES
  if (fromEnv) return resolve(fromEnv)
  const packaged = (process as { resourcesPath?: string }).resourcesPath
  if (packaged && existsSync(join(packaged, 'models'))) return packaged
  let dir = __dirname
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources')
    if (existsSync(join(candidate, 'models')) || existsSync(join(candidate, 'profiles'))) return candidate
    dir = dirname(dir)
  }
  return resolve('resources')
}
