/**
 * The DOCX body as mammoth reads it (issue 13, "the brief's libraries"): paragraphs with their style names,
 * numbering (lists), tables, and footnotes and endnotes, from mammoth's document model (the public
 * `transformDocument` option of `convertToHtml`; the HTML itself is thrown away).
 *
 * mammoth unzips with JSZip and parses with xmldom, neither of which knows our caps. So mammoth never sees
 * the student's archive: the parts it reads are first taken out through SafeZip (entry count, per-entry and
 * total size, compression ratio, an under-declared size caught while inflating), each is parsed by our own
 * XML reader (which refuses any DTD, so no entity can be declared, let alone expanded or fetched), and the
 * survivors are stored uncompressed in a fresh package. Media are left out: mammoth has nothing to inflate.
 *
 * A test helper, not on the check path: extraction reads DOCX with docx.ts. This reader is what our reader is measured
 * against (test/unit/pipeline/extract/docx-mammoth.test.ts pins every difference, so a mammoth release that closes a
 * gap shows up there) and the safe way in should mammoth ever read part of a document. Where it falls short
 * for a teacher: it scores hidden runs (w:vanish, hidden styles, white and 1-point text: its model has no
 * colour, shading or style-resolved size), drops DrawingML-only text boxes and w:altChunk content, and loses
 * headings made by basedOn styles or outline levels. Its model has no run identity either, so our reader's
 * per-run decisions cannot be laid over its paragraphs short of rewriting document.xml for it.
 */
import mammoth from 'mammoth'
import { zipSync } from 'fflate'
import type { BlockKind } from '../../../../src/shared/types'
import type { RawBlock } from '../../../../src/engine/text'
import { kindFromStyleName } from '../../../../src/pipeline/extract/styleNames'
import { parseXml } from '../../../../src/pipeline/extract/xml'
import type { SafeZip } from '../../../../src/pipeline/extract/zip'
import { failure } from '../../../../src/pipeline/extract/errors'

/** The parts mammoth reads: the package and document relationships, content types, and these. */
const MAMMOTH_PART =
  /^(?:\[Content_Types\]\.xml|(?:.*\/)?_rels\/[^/]*\.rels|word\/(?:document|styles|numbering|footnotes|endnotes|comments)\.xml)$/

/** A package holding only the XML parts mammoth reads, each proved safe, stored without compression. */
export function mammothPackage(zip: SafeZip): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {}
  for (const name of zip.names()) {
    if (!MAMMOTH_PART.test(name)) continue
    const bytes = zip.read(name)
    if (bytes === null) continue
    parseXml(new TextDecoder('utf-8').decode(bytes), 'docx') // throws on a DTD, an entity or broken XML
    files[name] = [bytes, { level: 0 }]
  }
  if (!files['word/document.xml']) throw failure('corrupt', 'docx')
  return zipSync(files, { mtime: new Date('1980-01-02T00:00:00Z') })
}

/** The subset of mammoth's document model we read (lib/documents.js). */
interface MammothNode {
  type: string
  children?: MammothNode[]
  value?: string
  styleName?: string | null
  styleId?: string | null
  numbering?: { level: string; isOrdered: boolean } | null
  breakType?: string
  noteType?: string
  noteId?: string
  body?: MammothNode[]
}

interface MammothDocument extends MammothNode {
  notes: { resolve(reference: MammothNode): MammothNode | null }
}

export interface MammothBody {
  blocks: RawBlock[]
  /** Footnote and endnote bodies, in the order they are first referenced. */
  notes: RawBlock[]
  /** mammoth's own warnings (unrecognised styles, unsupported elements…). */
  messages: string[]
}

/** Reads the body of a DOCX whose archive SafeZip has opened, through mammoth. */
export async function readDocxWithMammoth(zip: SafeZip): Promise<MammothBody> {
  const buffer = Buffer.from(mammothPackage(zip))
  let model: MammothDocument | undefined
  const result = await mammoth.convertToHtml(
    { buffer },
    {
      transformDocument: (doc: MammothDocument) => {
        model = doc
        return doc
      },
      // Never a file outside the package (an image linked by path): mammoth's default, stated here.
      externalFileAccess: false,
      // Media are not in the package; never read an image.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' }))
    }
  )
  if (!model) throw failure('corrupt', 'docx')
  const reader = new ModelReader(model)
  for (const child of model.children ?? []) reader.block(child)
  return {
    blocks: reader.blocks,
    notes: reader.noteBlocks(),
    messages: result.messages.map((m) => m.message)
  }
}

class ModelReader {
  readonly blocks: RawBlock[] = []
  private readonly noteRefs: MammothNode[] = []

  constructor(private readonly doc: MammothDocument) {}

  block(node: MammothNode, into: RawBlock[] = this.blocks): void {
    if (node.type === 'paragraph') {
      const nested: MammothNode[] = []
      const text = this.inline(node.children ?? [], nested)
      into.push({ text, page: null, kind: paragraphKind(node) })
      for (const p of nested) this.block(p, into)
    } else if (node.type === 'table') {
      into.push({ text: this.table(node), page: null, kind: 'table' })
    } else for (const child of node.children ?? []) this.block(child, into)
  }

  /** Text of runs, hyperlinks and the like; paragraphs met inside (text boxes) are set aside. */
  private inline(nodes: MammothNode[], nested: MammothNode[]): string {
    let out = ''
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          out += n.value ?? ''
          break
        case 'tab':
          out += '\t'
          break
        case 'break': // line, page and column breaks alike, as docx.ts reads w:br
          out += '\n'
          break
        case 'noteReference':
          this.noteRefs.push(n)
          break
        case 'paragraph':
        case 'table':
          nested.push(n)
          break
        default:
          out += this.inline(n.children ?? [], nested)
      }
    }
    return out
  }

  /** Rows on lines, cells separated by tabs, a cell's paragraphs joined by spaces (as docx.ts does). */
  private table(node: MammothNode): string {
    return (node.children ?? [])
      .map((row) => (row.children ?? []).map((cell) => this.cell(cell)).join('\t'))
      .join('\n')
  }

  private cell(node: MammothNode): string {
    const parts: string[] = []
    for (const child of node.children ?? []) {
      const text =
        child.type === 'table'
          ? this.table(child)
          : child.type === 'paragraph'
            ? this.inline(child.children ?? [], [])
            : ''
      const flat = text.replace(/\s+/g, ' ').trim()
      if (flat !== '') parts.push(flat)
    }
    return parts.join(' ')
  }

  noteBlocks(): RawBlock[] {
    const out: RawBlock[] = []
    const seen = new Set<string>()
    for (let i = 0; i < this.noteRefs.length; i++) {
      const ref = this.noteRefs[i] as MammothNode
      const key = `${ref.noteType}-${ref.noteId}`
      if (seen.has(key)) continue
      seen.add(key)
      const note = this.doc.notes.resolve(ref)
      for (const child of note?.body ?? []) this.block(child, out)
    }
    return out
  }
}

function paragraphKind(p: MammothNode): BlockKind | undefined {
  const fromStyle = kindFromStyleName(p.styleName ?? p.styleId ?? '')
  if (fromStyle) return fromStyle
  return p.numbering ? 'list' : undefined
}
