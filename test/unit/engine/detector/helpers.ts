/** Test helpers: model paths, a tiny ONNX protobuf reader (independent of onnxruntime), passages. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Passage } from '../../../../src/shared/types'

export const MODEL_DIR = resolve('resources/models')
export const ONNX_PATH = resolve(MODEL_DIR, 'detector.onnx')
export const CARD_PATH = resolve(MODEL_DIR, 'detector.card.json')

function readVarint(buf: Uint8Array, pos: number): [number, number] {
  let result = 0
  let shift = 0
  let p = pos
  for (;;) {
    const byte = buf[p++] ?? 0
    result += (byte & 0x7f) * 2 ** shift
    if ((byte & 0x80) === 0) return [result, p]
    shift += 7
  }
}

/** Yields [fieldNumber, wireType, payload] for one protobuf message. */
function* fields(buf: Uint8Array): Generator<[number, number, Uint8Array | number]> {
  let pos = 0
  while (pos < buf.length) {
    const [key, p1] = readVarint(buf, pos)
    const field = Math.floor(key / 8)
    const wire = key & 7
    if (wire === 0) {
      const [v, p2] = readVarint(buf, p1)
      pos = p2
      yield [field, wire, v]
    } else if (wire === 2) {
      const [len, p2] = readVarint(buf, p1)
      yield [field, wire, buf.subarray(p2, p2 + len)]
      pos = p2 + len
    } else if (wire === 5) {
      pos = p1 + 4
    } else if (wire === 1) {
      pos = p1 + 8
    } else throw new Error(`unsupported wire type ${wire}`)
  }
}

/** Reads float32 initializers (raw_data) of the ONNX graph by name, without onnxruntime. */
export function readOnnxInitializers(path: string): Map<string, Float32Array> {
  const bytes = new Uint8Array(readFileSync(path))
  const out = new Map<string, Float32Array>()
  for (const [f, , graph] of fields(bytes)) {
    if (f !== 7 || typeof graph === 'number') continue
    for (const [g, , tensor] of fields(graph)) {
      if (g !== 5 || typeof tensor === 'number') continue
      let name = ''
      let raw: Uint8Array | null = null
      let dtype = 0
      for (const [t, , v] of fields(tensor)) {
        if (t === 8 && typeof v !== 'number') name = new TextDecoder().decode(v)
        if (t === 9 && typeof v !== 'number') raw = v
        if (t === 2 && typeof v === 'number') dtype = v
      }
      if (raw && dtype === 1) out.set(name, new Float32Array(raw.slice().buffer))
    }
  }
  return out
}

/** Splits text into paragraph passages at blank lines (what extraction would hand the detector). */
export function paragraphPassages(text: string): Passage[] {
  const out: Passage[] = []
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    if (m[0].trim().length === 0) continue
    const index = out.length
    out.push({
      index,
      start: m.index,
      end: m.index + m[0].length,
      page: null,
      words: m[0].split(/\s+/).filter(Boolean).length,
      kind: 'prose',
      paragraphs: [index, index]
    })
  }
  return out
}
