/**
 * Seeded mutations of real fixture files for the fuzz test: byte-level damage for every format, and
 * structure-aware damage inside the main XML part of DOCX/ODT (re-zipped with fflate) and inside RTF/Markdown.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { mulberry32 } from '../../../src/engine/calibration/sample'

export const seededRandom = mulberry32

export class Rng {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T
  }
}

export type Mutation = { name: string; apply: (buf: Uint8Array, rng: Rng) => Uint8Array }

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** A string of random code points from awkward ranges: controls, combining marks, RTL, astral, specials. */
export function randomUnicode(rng: Rng, length: number): string {
  const ranges: [number, number][] = [
    [0x0, 0x1f],
    [0x20, 0x7e],
    [0x80, 0x9f],
    [0x300, 0x36f],
    [0x590, 0x6ff],
    [0x200b, 0x200f],
    [0x2028, 0x202e],
    [0xfeff, 0xfeff],
    [0xfff0, 0xffff],
    [0x1f300, 0x1f64f],
    [0xe0000, 0xe007f]
  ]
  let s = ''
  for (let i = 0; i < length; i++) {
    const [lo, hi] = rng.pick(ranges)
    s += String.fromCodePoint(lo + rng.int(hi - lo + 1))
  }
  return s
}

export const BYTE_MUTATIONS: Mutation[] = [
  {
    name: 'flip-bytes',
    apply: (buf, rng) => {
      const out = buf.slice()
      const n = 1 + rng.int(16)
      for (let i = 0; i < n && out.length > 0; i++) out[rng.int(out.length)] = rng.int(256)
      return out
    }
  },
  { name: 'truncate', apply: (buf, rng) => buf.slice(0, rng.int(buf.length)) },
  {
    name: 'duplicate-chunk',
    apply: (buf, rng) => {
      const from = rng.int(buf.length)
      const chunk = buf.slice(from, from + 1 + rng.int(4096))
      const at = rng.int(buf.length + 1)
      return concat(buf.subarray(0, at), chunk, chunk, buf.subarray(at))
    }
  },
  {
    name: 'delete-chunk',
    apply: (buf, rng) => {
      const from = rng.int(buf.length)
      return concat(buf.subarray(0, from), buf.subarray(from + 1 + rng.int(4096)))
    }
  },
  {
    name: 'insert-unicode',
    apply: (buf, rng) => {
      const at = rng.int(buf.length + 1)
      return concat(buf.subarray(0, at), strToU8(randomUnicode(rng, 1 + rng.int(200))), buf.subarray(at))
    }
  },
  {
    name: 'insert-invalid-utf8',
    apply: (buf, rng) => {
      const junk = Uint8Array.from({ length: 1 + rng.int(64) }, () =>
        rng.pick([0x80, 0xbf, 0xc0, 0xfe, 0xff, 0])
      )
      const at = rng.int(buf.length + 1)
      return concat(buf.subarray(0, at), junk, buf.subarray(at))
    }
  }
]

/** Text-level damage for the XML of an office part or an RTF/Markdown source. */
type TextMutation = { name: string; apply: (text: string, rng: Rng) => string }

const insertAt = (text: string, rng: Rng, piece: string): string => {
  const at = rng.int(text.length + 1)
  return text.slice(0, at) + piece + text.slice(at)
}

export const XML_MUTATIONS: TextMutation[] = [
  {
    name: 'xml-deep-nesting',
    apply: (xml, rng) => {
      const depth = rng.pick([100, 300, 2000, 20000])
      const tag = rng.pick(['w:p', 'w:r', 'text:span', 'w:sdtContent', 'x'])
      const body =
        rng.next() < 0.5 ? `<${tag}>`.repeat(depth) + `</${tag}>`.repeat(depth) : `<${tag}>`.repeat(depth)
      const at = xml.indexOf('<w:body>') >= 0 ? xml.indexOf('<w:body>') + 8 : rng.int(xml.length + 1)
      return xml.slice(0, at) + body + xml.slice(at)
    }
  },
  {
    name: 'xml-huge-attribute',
    apply: (xml, rng) => {
      const value = rng.pick(['a', '&amp;', '"', '&#x1F600;']).repeat(rng.pick([1000, 100_000, 1_000_000]))
      return xml.replace(/<(w:p|text:p|w:t|w:pStyle)\b/, `<$1 w:val="${value}" x="${value}"`)
    }
  },
  {
    name: 'xml-random-unicode',
    apply: (xml, rng) => insertAt(xml, rng, randomUnicode(rng, 1 + rng.int(100)))
  },
  {
    name: 'xml-char-flips',
    apply: (xml, rng) => {
      const chars = xml.split('')
      for (let i = 0, n = 1 + rng.int(8); i < n; i++)
        chars[rng.int(chars.length)] = rng.pick(['<', '>', '&', '"', "'", '/', '=', ' ', '\u0000', '!'])
      return chars.join('')
    }
  },
  {
    name: 'xml-duplicate-chunk',
    apply: (xml, rng) => {
      const from = rng.int(xml.length)
      return insertAt(xml, rng, xml.slice(from, from + 1 + rng.int(5000)))
    }
  },
  {
    name: 'xml-delete-chunk',
    apply: (xml, rng) => {
      const from = rng.int(xml.length)
      return xml.slice(0, from) + xml.slice(from + 1 + rng.int(2000))
    }
  },
  {
    name: 'xml-entities',
    apply: (xml, rng) =>
      insertAt(
        xml,
        rng,
        rng.pick(['&#0;', '&#xD800;', '&#99999999999;', '&bogus;', '&amp;amp;', '&#x110000;', '&'])
      )
  },
  {
    name: 'xml-doctype',
    apply: (xml) => xml.replace('?>', '?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>')
  }
]

export const SOURCE_MUTATIONS: TextMutation[] = [
  {
    name: 'deep-groups',
    apply: (src, rng) => {
      const depth = rng.pick([100, 600, 5000, 50000])
      return insertAt(src, rng, '{'.repeat(depth) + 'x' + (rng.next() < 0.5 ? '}'.repeat(depth) : ''))
    }
  },
  {
    name: 'deep-quotes-and-lists',
    apply: (src, rng) => {
      const depth = rng.pick([50, 500, 5000])
      const line = rng.next() < 0.5 ? '> '.repeat(depth) + 'quoted' : '  '.repeat(depth) + '- item'
      return insertAt(src, rng, `\n${line}\n`.repeat(1 + rng.int(20)))
    }
  },
  {
    name: 'rtf-controls',
    apply: (src, rng) =>
      insertAt(
        src,
        rng,
        rng.pick([
          '\\u-99999?',
          '\\uc99999 ',
          "\\'zz",
          '\\bin999999999 ',
          '\\*\\',
          '\\' + 'a'.repeat(10000),
          '}}}}'
        ])
      )
  },
  { name: 'source-unicode', apply: (src, rng) => insertAt(src, rng, randomUnicode(rng, 1 + rng.int(300))) }
]

/** The main text part of an office file, mutated and re-zipped; other entries are kept as they were. */
export function mutateZipEntry(buf: Uint8Array, rng: Rng): { bytes: Uint8Array; name: string } | null {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(buf)
  } catch {
    return null
  }
  const target = [
    'word/document.xml',
    'content.xml',
    'word/styles.xml',
    'docProps/core.xml',
    'meta.xml'
  ].filter((n) => files[n])
  if (target.length === 0) return null
  const entry = rng.next() < 0.75 ? (target[0] as string) : rng.pick(target)
  const mutation = rng.pick(XML_MUTATIONS)
  files[entry] = strToU8(mutation.apply(strFromU8(files[entry] as Uint8Array), rng))
  // The ODT mimetype must stay first and stored, as the spec asks; fflate keeps object order.
  const level = rng.pick([0, 6, 9] as const)
  return { bytes: zipSync(files, { level }), name: `zip:${entry}:${mutation.name}` }
}

/** One to three stacked mutations, structure-aware where the format allows. */
export function mutateFixture(
  name: string,
  original: Uint8Array,
  rng: Rng
): { bytes: Uint8Array; mutation: string } {
  let bytes = original
  const steps: string[] = []
  const rounds = 1 + (rng.next() < 0.3 ? rng.int(3) : 0)
  for (let r = 0; r < rounds; r++) {
    const roll = rng.next()
    // Only an intact archive is unzipped here: fflate's unzipSync can spin for minutes on a damaged one
    // (the product never uses it; SafeZip reads the directory itself and inflates with caps).
    if ((name.endsWith('.docx') || name.endsWith('.odt')) && roll < 0.5 && bytes === original) {
      const zipped = mutateZipEntry(bytes, rng)
      if (zipped) {
        bytes = zipped.bytes
        steps.push(zipped.name)
        continue
      }
    }
    if (/\.(rtf|md|txt)$/.test(name) && roll < 0.4) {
      const m = rng.pick(SOURCE_MUTATIONS)
      bytes = new TextEncoder().encode(m.apply(new TextDecoder('latin1').decode(bytes), rng))
      steps.push(m.name)
      continue
    }
    const m = rng.pick(BYTE_MUTATIONS)
    bytes = m.apply(bytes, rng)
    steps.push(m.name)
  }
  return { bytes, mutation: steps.join('+') }
}
