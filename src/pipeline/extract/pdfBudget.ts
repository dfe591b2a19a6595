/**
 * A PDF's Flate streams are inflated once, counting bytes, before pdfjs sees the file: a 4 MB PDF can hold a
 * stream that expands to gigabytes, and pdfjs decodes whole streams into memory. Over the budget, the file is
 * refused as too large; within it, nothing is kept (only counted). Streams that are not zlib data are skipped
 * here and left to pdfjs.
 */
import { Unzlib } from 'fflate'

const STREAM = Buffer.from('stream')
const ENDSTREAM = Buffer.from('endstream')
/** Input fed per step: a 16 KiB deflate chunk inflates to at most ~16 MiB. */
const STEP = 16 * 1024

class OverBudget extends Error {}

/**
 * The decompressed size of all the PDF's zlib streams, or null as soon as it exceeds `budget`. `onStream` and
 * `onChunk` see each stream's start and inflated bytes as they pass (to look for operators without a second
 * pass).
 */
export function pdfDecodedBytesWithin(
  buf: Uint8Array,
  budget: number,
  watch?: { onStream(): void; onChunk(chunk: Uint8Array): void }
): number | null {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  let total = 0
  let at = 0
  for (;;) {
    const found = bytes.indexOf(STREAM, at)
    if (found < 0) break
    at = found + STREAM.length
    // "endstream" contains "stream": skip it; the keyword must end its line.
    if (found >= 3 && bytes.subarray(found - 3, found).toString('latin1') === 'end') continue
    let start = at
    if (bytes[start] === 0x0d) start++
    if (bytes[start] !== 0x0a) continue
    start++
    const end = bytes.indexOf(ENDSTREAM, start)
    const data = bytes.subarray(start, end < 0 ? bytes.length : end)
    at = end < 0 ? bytes.length : end + ENDSTREAM.length
    if (data.length < 2 || (data[0] ?? 0) % 16 !== 8) continue // not zlib (CMF method 8)
    try {
      watch?.onStream()
      const inflater = new Unzlib((chunk) => {
        total += chunk.length
        if (total > budget) throw new OverBudget()
        watch?.onChunk(chunk)
      })
      for (let i = 0; i < data.length; i += STEP)
        inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length)
    } catch (error) {
      if (error instanceof OverBudget) return null
      // Damaged or not Flate after all: pdfjs decides what to make of it.
    }
  }
  return total
}
