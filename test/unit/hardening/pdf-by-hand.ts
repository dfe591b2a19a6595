/**
 * PDFs written byte by byte, for text pdf-lib cannot write without an embedded font: Chinese and Hebrew
 * through a ToUnicode map (no font program is needed to extract text), and fonts with no ToUnicode at all.
 */

export interface HandFont {
  /** 1 or 2 bytes per character code. */
  bytes: 1 | 2
  /** Code → Unicode text; when absent, the font has no ToUnicode map. */
  toUnicode?: Map<number, string>
  /** Glyph names for a simple font's /Differences (codes from 1), e.g. ["g1", "g2"]. */
  differences?: string[]
}

export interface HandLine {
  x: number
  y: number
  codes: number[]
}

const hex = (n: number, bytes: number): string =>
  n
    .toString(16)
    .padStart(bytes * 2, '0')
    .toUpperCase()

function toUnicodeCMap(font: HandFont): string {
  const entries = [...(font.toUnicode ?? new Map()).entries()]
  const chunks: string[] = []
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100)
    const units = (s: string): string =>
      [...s]
        .flatMap((ch) => {
          const cp = ch.codePointAt(0) as number
          if (cp < 0x10000) return [cp]
          return [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)]
        })
        .map((u) => hex(u, 2))
        .join('')
    chunks.push(
      `${part.length} beginbfchar\n${part.map(([c, s]) => `<${hex(c, font.bytes)}> <${units(s)}>`).join('\n')}\nendbfchar`
    )
  }
  const range = font.bytes === 2 ? '<0000> <FFFF>' : '<00> <FF>'
  return `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Custom def /CMapType 2 def 1 begincodespacerange ${range} endcodespacerange\n${chunks.join('\n')}\nendcmap CMapName currentdict /CMap defineresource pop end end`
}

/** A one-page PDF showing each line's codes with the given font, 12 pt. */
export function handPdf(font: HandFont, lines: HandLine[]): Uint8Array {
  const content = lines
    .map((l) => `BT /F1 12 Tf ${l.x} ${l.y} Td <${l.codes.map((c) => hex(c, font.bytes)).join('')}> Tj ET`)
    .join('\n')
  const objects: string[] = []
  objects.push('<< /Type /Catalog /Pages 2 0 R >>')
  objects.push('<< /Type /Pages /Kids [3 0 R] /Count 1 >>')
  objects.push(
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>'
  )
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)
  const toUnicode = font.toUnicode ? ' /ToUnicode 7 0 R' : ''
  if (font.bytes === 2) {
    objects.push(
      `<< /Type /Font /Subtype /Type0 /BaseFont /HandCID /Encoding /Identity-H /DescendantFonts [6 0 R]${toUnicode} >>`
    )
    objects.push(
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /HandCID /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>'
    )
  } else {
    const differences = font.differences
      ? ` /Encoding << /Type /Encoding /Differences [1 ${font.differences.map((n) => `/${n}`).join(' ')}] >>`
      : ''
    objects.push(
      `<< /Type /Font /Subtype /Type1 /BaseFont /HandFont /FirstChar 0 /LastChar 255 /Widths [${Array(256).fill(600).join(' ')}] /FontDescriptor 8 0 R${differences}${toUnicode} >>`
    )
    objects.push('<< >>')
  }
  const cmap = toUnicodeCMap(font)
  objects.push(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`)
  objects.push(
    '<< /Type /FontDescriptor /FontName /HandFont /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>'
  )
  let out = '%PDF-1.7\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/** Lines of text laid out top-down, each character given its own code (in order of first use). */
export function encodeLines(
  texts: string[],
  bytes: 1 | 2,
  opts: { visualOrder?: boolean } = {}
): { lines: HandLine[]; toUnicode: Map<number, string> } {
  const codes = new Map<string, number>()
  const toUnicode = new Map<number, string>()
  const lines = texts.map((t, i) => {
    const chars = [...t]
    const ordered = opts.visualOrder ? chars.reverse() : chars
    return {
      x: 72,
      y: 720 - 18 * i,
      codes: ordered.map((ch) => {
        let code = codes.get(ch)
        if (code === undefined) {
          code = codes.size + (bytes === 2 ? 0x100 : 0x21)
          codes.set(ch, code)
          toUnicode.set(code, ch)
        }
        return code
      })
    }
  })
  return { lines, toUnicode }
}
