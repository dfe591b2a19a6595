import pkg from '../../package.json'

/** The app version every result and report carries, from package.json (one source of truth). */
export const INKPRINT_VERSION: string = pkg.version
