/**
 * A ZIP reader for hostile input. It reads the central directory itself so it can refuse an archive or an
 * entry before inflating anything (too many entries, absurd declared sizes or compression ratios), then
 * inflates only the entries asked for, in small slices, counting real output bytes: a header that under-declares its
 * size is caught as soon as the output passes the declared size. fflate does the inflating.
 */
import { Inflate } from 'fflate'
import type { DocFormat } from '../../shared/types'
import { failure } from './errors'

export interface ZipLimits {
  maxEntries: number
  /** Uncompressed bytes of any one entry we read. */
  maxEntryBytes: number
  /** Uncompressed bytes of all entries read from one archive together. */
  maxTotalBytes: number
  /** Uncompressed/compressed ratio allowed for entries over 1 MiB (real XML stays well under 100). */
  maxRatio: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxRatio: 200
}

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localHeaderOffset: number
  encrypted: boolean
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
const MIN_SLICE = 1024
const MAX_SLICE = 64 * 1024
const RATIO_FLOOR = 1024 * 1024

export class SafeZip {
  private readonly entries: Map<string, ZipEntry>
  private inflatedTotal = 0

  constructor(
    private readonly buf: Uint8Array,
    private readonly format: DocFormat | null,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS
  ) {
    this.entries = new Map(readCentralDirectory(buf, format, limits).map((e) => [e.name, e]))
  }

  names(): string[] {
    return [...this.entries.keys()]
  }

  has(name: string): boolean {
    return this.entries.has(name)
  }

  /** The entry's bytes, or null when absent. `maxBytes` tightens the per-entry cap for small parts. */
  read(name: string, maxBytes = this.limits.maxEntryBytes): Uint8Array | null {
    const entry = this.entries.get(name)
    if (!entry) return null
    if (entry.encrypted) throw failure('encrypted', this.format)
    if (entry.method !== 0 && entry.method !== 8) throw failure('corrupt', this.format)
    const cap = Math.min(maxBytes, this.limits.maxEntryBytes)
    // Checked per entry read, not for the whole directory: a harmless, very compressible image elsewhere
    // in the archive must not make the document unreadable.
    const ratio = entry.size / Math.max(1, entry.compressedSize)
    const absurdRatio = entry.size > RATIO_FLOOR && ratio > this.limits.maxRatio
    if (absurdRatio || entry.size > cap || this.inflatedTotal + entry.size > this.limits.maxTotalBytes) {
      throw failure('zip-bomb', this.format)
    }
    const data = this.compressedData(entry)
    const out =
      entry.method === 0 ? data.slice() : inflateCapped(data, Math.min(cap, entry.size), this.format)
    if (out.length !== entry.size) throw failure('corrupt', this.format)
    this.inflatedTotal += out.length
    return out
  }

  readText(name: string, maxBytes?: number): string | null {
    const bytes = this.read(name, maxBytes)
    return bytes === null ? null : new TextDecoder('utf-8').decode(bytes)
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength)
    const at = entry.localHeaderOffset
    if (at + 30 > this.buf.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
      throw failure('corrupt', this.format)
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
    const end = start + entry.compressedSize
    if (end > this.buf.length) throw failure('corrupt', this.format)
    return this.buf.subarray(start, end)
  }
}

function readCentralDirectory(buf: Uint8Array, format: DocFormat | null, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  const eocd = findEndOfCentralDirectory(view)
  if (eocd < 0) throw failure('corrupt', format)
  const count = view.getUint16(eocd + 10, true)
  const dirOffset = view.getUint32(eocd + 16, true)
  if (count === 0xffff || dirOffset === 0xffffffff) throw failure('zip-bomb', format) // ZIP64: never a real essay
  if (count > limits.maxEntries) throw failure('zip-bomb', format)
  const decoder = new TextDecoder('utf-8')
  const entries: ZipEntry[] = []
  let at = dirOffset
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      throw failure('corrupt', format)
    const nameLength = view.getUint16(at + 28, true)
    const entry: ZipEntry = {
      name: decoder.decode(buf.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1
    }
    entries.push(entry)
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return entries
}

/** The EOCD record sits in the last 22 bytes plus an optional comment of up to 64 KiB. */
function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff)
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at
  }
  return -1
}

/** Inflates in slices so output is bounded by the cap plus one slice's worth, never by the attacker. */
function inflateCapped(data: Uint8Array, cap: number, format: DocFormat | null): Uint8Array {
  const chunks: Uint8Array[] = []
  let total = 0
  let overflow = false
  const inflater = new Inflate((chunk) => {
    total += chunk.length
    if (total > cap) overflow = true
    else chunks.push(chunk)
  })
  try {
    // Deflate expands at most ~1032:1, so a slice this size can overshoot the cap by about one cap's worth.
    const slice = Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.ceil(cap / 1032)))
    for (let at = 0; at < data.length && !overflow; at += slice) {
      inflater.push(data.subarray(at, Math.min(at + slice, data.length)), at + slice >= data.length)
    }
  } catch {
    throw failure('corrupt', format)
  }
  if (overflow) throw failure('zip-bomb', format)
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.length
  }
  return out
}
