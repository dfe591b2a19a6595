/**
 * A ZIP reader for the archives learning platforms hand out ("download all submissions"), built for hostile
 * input. It reads from a random-access source (a read-only file handle, or bytes for a ZIP inside a ZIP), so a
 * 1 GB archive is never loaded whole: the central directory is read from the end, then each entry's compressed
 * bytes are streamed through the inflater in slices while real output bytes are counted. Nothing is written
 * to disk. ZIP64 (which some platforms write for every archive) is understood; encrypted entries are refused.
 */
import { open } from 'node:fs/promises'
import { Inflate } from 'fflate'
import { archiveFailure } from './errors'
import type { ArchiveLimits } from './limits'

export interface ByteSource {
  readonly size: number
  read(offset: number, length: number): Promise<Uint8Array>
  close(): Promise<void>
}

export function bufferSource(buf: Uint8Array): ByteSource {
  return {
    size: buf.length,
    read: async (offset, length) => buf.subarray(offset, Math.min(buf.length, offset + length)),
    close: async () => {}
  }
}

/** A read-only handle on the archive; the file is never modified. */
export async function fileSource(path: string): Promise<ByteSource> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    return {
      size,
      read: async (offset, length) => {
        const buf = new Uint8Array(Math.max(0, Math.min(length, size - offset)))
        let filled = 0
        while (filled < buf.length) {
          const { bytesRead } = await handle.read(buf, filled, buf.length - filled, offset + filled)
          if (bytesRead === 0) break
          filled += bytesRead
        }
        return buf.subarray(0, filled)
      },
      close: () => handle.close()
    }
  } catch (error) {
    await handle.close()
    throw error
  }
}

export interface ArchiveEntry {
  /** The entry's path inside the archive, with "/" separators. */
  name: string
  method: number
  compressedSize: number
  size: number
  localHeaderOffset: number
  encrypted: boolean
  directory: boolean
  symlink: boolean
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const SLICE = 64 * 1024
const RATIO_FLOOR = 1024 * 1024

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8)
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0
/** 64-bit little-endian as a number; anything past 2^53 is absurd here and becomes Infinity. */
const u64 = (b: Uint8Array, at: number): number => {
  const high = u32(b, at + 4)
  return high >= 0x200000 ? Infinity : high * 0x100000000 + u32(b, at)
}

/**
 * An entry name with unsafe shape refuses the whole archive: absolute, a drive letter, a "..", or a NUL.
 * Real platform exports never contain them; they exist to write outside an unpacking folder.
 */
export function isUnsafeEntryName(name: string): boolean {
  const n = name.replace(/\\/g, '/')
  return (
    n.startsWith('/') ||
    /^[A-Za-z]:/.test(n) ||
    n.includes('\0') ||
    n.split('/').some((part) => part === '..')
  )
}

export async function readDirectory(source: ByteSource, limits: ArchiveLimits): Promise<ArchiveEntry[]> {
  const tailLength = Math.min(source.size, 22 + 0xffff)
  const tailStart = source.size - tailLength
  const tail = await source.read(tailStart, tailLength)
  let eocd = -1
  for (let at = tail.length - 22; at >= 0; at--) {
    if (u32(tail, at) === EOCD) {
      eocd = at
      break
    }
  }
  if (eocd < 0) throw archiveFailure('corrupt')
  let count = u16(tail, eocd + 10)
  let dirSize = u32(tail, eocd + 12)
  let dirOffset = u32(tail, eocd + 16)
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locatorAt = tailStart + eocd - 20
    const locator = locatorAt >= 0 ? await source.read(locatorAt, 20) : new Uint8Array(0)
    if (locator.length < 20 || u32(locator, 0) !== ZIP64_LOCATOR) throw archiveFailure('corrupt')
    const record = await source.read(u64(locator, 8), 56)
    if (record.length < 56 || u32(record, 0) !== ZIP64_EOCD) throw archiveFailure('corrupt')
    count = u64(record, 32)
    dirSize = u64(record, 40)
    dirOffset = u64(record, 48)
  }
  if (count > limits.maxEntries) throw archiveFailure('zip-bomb', `more than ${limits.maxEntries} entries`)
  // 46 bytes of fixed header per entry plus a name: anything larger than this is not a directory of `count`.
  if (dirSize > count * (46 + 3 * 65535) || dirOffset + dirSize > source.size) throw archiveFailure('corrupt')
  const dir = await source.read(dirOffset, dirSize)
  const decoder = new TextDecoder('utf-8')
  const entries: ArchiveEntry[] = []
  let at = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > dir.length || u32(dir, at) !== CENTRAL) throw archiveFailure('corrupt')
    const madeBy = u16(dir, at + 4) >> 8
    const flags = u16(dir, at + 8)
    const nameLength = u16(dir, at + 28)
    const extraLength = u16(dir, at + 30)
    const commentLength = u16(dir, at + 32)
    const external = u32(dir, at + 38)
    const rawName = decoder.decode(dir.subarray(at + 46, at + 46 + nameLength))
    let size = u32(dir, at + 24)
    let compressedSize = u32(dir, at + 20)
    let localHeaderOffset = u32(dir, at + 42)
    // ZIP64 extra field: the 64-bit values, in this order, only for the fields set to 0xFFFFFFFF.
    const extra = dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength)
    for (let e = 0; e + 4 <= extra.length;) {
      const id = u16(extra, e)
      const length = u16(extra, e + 2)
      if (id === 0x0001) {
        let f = e + 4
        const end = e + 4 + length
        if (size === 0xffffffff && f + 8 <= end) {
          size = u64(extra, f)
          f += 8
        }
        if (compressedSize === 0xffffffff && f + 8 <= end) {
          compressedSize = u64(extra, f)
          f += 8
        }
        if (localHeaderOffset === 0xffffffff && f + 8 <= end) localHeaderOffset = u64(extra, f)
      }
      e += 4 + length
    }
    if (isUnsafeEntryName(rawName)) throw archiveFailure('unsafe-archive')
    const name = rawName.replace(/\\/g, '/')
    entries.push({
      name,
      method: u16(dir, at + 10),
      compressedSize,
      size,
      localHeaderOffset,
      encrypted: (flags & 1) === 1,
      directory: name.endsWith('/'),
      symlink: madeBy === 3 && ((external >>> 16) & 0xf000) === 0xa000
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * The entry's bytes, at most `cap` of them. The declared size and ratio are checked first; then the real
 * output is counted while inflating slice by slice, so a header that lies is caught one slice past the cap.
 */
export async function readEntry(
  source: ByteSource,
  entry: ArchiveEntry,
  cap: number,
  limits: ArchiveLimits,
  signal?: AbortSignal
): Promise<Uint8Array> {
  if (entry.encrypted) throw archiveFailure('encrypted')
  if (entry.method !== 0 && entry.method !== 8) throw archiveFailure('corrupt')
  const ratio = entry.size / Math.max(1, entry.compressedSize)
  if (entry.size > RATIO_FLOOR && ratio > limits.maxRatio) throw archiveFailure('zip-bomb')
  if (entry.size > cap) throw archiveFailure('too-large', megabytes(cap))
  const header = await source.read(entry.localHeaderOffset, 30)
  if (header.length < 30 || u32(header, 0) !== LOCAL) throw archiveFailure('corrupt')
  const start = entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28)
  if (start + entry.compressedSize > source.size) throw archiveFailure('corrupt')
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw archiveFailure('corrupt')
    return (await source.read(start, entry.size)).slice()
  }
  const chunks: Uint8Array[] = []
  let total = 0
  let overflow = false
  let ended = false
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length
    if (total > entry.size || total > cap) overflow = true
    else chunks.push(chunk)
    if (final) ended = true
  })
  for (let at = 0; at < entry.compressedSize && !overflow && !ended; at += SLICE) {
    if (signal?.aborted) throw archiveFailure('cancelled')
    const slice = await source.read(start + at, Math.min(SLICE, entry.compressedSize - at))
    // Inflate a big slice in small steps: deflate expands about 1032:1 at most, so output stays bounded.
    for (let s = 0; s < slice.length && !overflow; s += 1024) {
      try {
        inflater.push(slice.subarray(s, s + 1024), at + s + 1024 >= entry.compressedSize)
      } catch {
        throw archiveFailure('corrupt')
      }
    }
  }
  if (overflow) throw archiveFailure('zip-bomb')
  if (total !== entry.size) throw archiveFailure('corrupt')
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.length
  }
  return out
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}
