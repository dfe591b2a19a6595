/**
 * Preloaded (`node -r`) into the built CLI by cli-outputs.test.ts: writes to the file named by
 * INKPRINT_TEST_FULL_FILE fail with ENOSPC after INKPRINT_TEST_FULL_AFTER writes, as on a disk that fills up
 * mid-batch. Nothing else is touched.
 */
const fsp = require('node:fs/promises')
const { resolve } = require('node:path')

const file = process.env.INKPRINT_TEST_FULL_FILE ? resolve(process.env.INKPRINT_TEST_FULL_FILE) : null
const after = Number(process.env.INKPRINT_TEST_FULL_AFTER ?? 0)
let writes = 0
const open = fsp.open
fsp.open = async (path, flags, mode) => {
  const handle = await open(path, flags, mode)
  if (!file || typeof path !== 'string' || resolve(path) !== file) return handle
  const write = handle.write.bind(handle)
  handle.write = async (...args) => {
    if (writes >= after)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    writes++
    return write(...args)
  }
  return handle
}
