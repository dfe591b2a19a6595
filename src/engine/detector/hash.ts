/**
 * FNV-1a 32-bit over UTF-8 bytes (offset basis 0x811c9dc5, prime 0x01000193). The feature index of an
 * n-gram is `fnv1a(tag + gram) mod 2^hashBits`. Chosen because it is tiny, fully specified and
 * incremental: extending a char 3-gram hash by one character gives the 4-gram hash for free.
 */

export const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

export function fnvByte(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, FNV_PRIME) >>> 0
}

/** Feeds one Unicode code point as its UTF-8 bytes. */
export function fnvCodePoint(hash: number, cp: number): number {
  if (cp < 0x80) return fnvByte(hash, cp)
  if (cp < 0x800) return fnvByte(fnvByte(hash, 0xc0 | (cp >> 6)), 0x80 | (cp & 0x3f))
  if (cp < 0x10000) {
    const h = fnvByte(fnvByte(hash, 0xe0 | (cp >> 12)), 0x80 | ((cp >> 6) & 0x3f))
    return fnvByte(h, 0x80 | (cp & 0x3f))
  }
  let h = fnvByte(hash, 0xf0 | (cp >> 18))
  h = fnvByte(h, 0x80 | ((cp >> 12) & 0x3f))
  h = fnvByte(h, 0x80 | ((cp >> 6) & 0x3f))
  return fnvByte(h, 0x80 | (cp & 0x3f))
}

export function fnv1a(text: string, hash: number = FNV_OFFSET): number {
  let h = hash
  for (const ch of text) h = fnvCodePoint(h, ch.codePointAt(0) ?? 0)
  return h
}
