/**
 * w:altChunk (issue 17.12): a DOCX may embed part of its body in another format through a relationship —
 * HTML from a converter or a web editor, RTF, plain text, or a whole other Word document. Word shows that
 * content as part of the document, so it is read with Inkprint's reader for its format. A kind Inkprint
 * cannot read (MHT web archives, anything unknown) is named in a warning; nothing is silently dropped.
 */
import type { DocWarning } from '../../shared/types'
import type { RawBlock } from '../../engine/text'
import { extractHtml } from './html'
import { extractRtf } from './rtf'
import { extractPlainText } from './text'
import type { FormatExtraction } from './types'
import { childElements, parseXml } from './xml'
import { SafeZip } from './zip'

/** A nested Word document may itself hold alternative chunks, but only this deep. */
const MAX_NESTING = 2
const RELATIONSHIP_PART_CAP = 1024 * 1024
const AF_CHUNK_TYPE = /\/aFChunk$/

type ChunkReader = (bytes: Uint8Array) => FormatExtraction

export class AltChunks {
  private relationships: Map<string, { target: string; external: boolean }> | null = null
  private contentTypes: { byPart: Map<string, string>; byExtension: Map<string, string> } | null = null

  constructor(
    private readonly zip: SafeZip,
    private readonly depth: number,
    /** Reads a nested Word document (passed in: docx.ts imports this file). */
    private readonly readDocx: (zip: SafeZip, depth: number) => FormatExtraction
  ) {}

  /** The blocks of the chunk with this relationship id; warnings for what could not be read. */
  read(id: string | undefined, warnings: DocWarning[]): RawBlock[] {
    const rel = id === undefined ? undefined : this.rels().get(id)
    if (!rel || rel.external) {
      warnings.push(note('an embedded part that is missing or outside the file was left out'))
      return []
    }
    const part = resolvePart(rel.target)
    const bytes = this.zip.read(part)
    if (bytes === null) {
      warnings.push(note('an embedded part that is missing from the file was left out'))
      return []
    }
    const type = this.contentType(part)
    const reader = this.readerFor(type)
    if (!reader) {
      warnings.push(
        note(
          `part of it is embedded as ${describe(type)}, which Inkprint cannot read, so that part was left out of the check`
        )
      )
      return []
    }
    const extraction = reader(bytes)
    warnings.push(...extraction.warnings)
    return extraction.blocks
  }

  private readerFor(type: string): ChunkReader | null {
    if (type === 'text/html' || type === 'application/xhtml+xml') return (b) => extractHtml(b)
    if (type === 'text/plain') return (b) => extractPlainText(b, 'txt')
    if (type === 'application/rtf' || type === 'text/rtf') return (b) => extractRtf(b)
    if (
      /^application\/vnd\.(?:openxmlformats-officedocument\.wordprocessingml|ms-word)\.(?:document|template)(?:\.macroEnabled)?(?:\.12)?$/i.test(
        type
      ) &&
      this.depth < MAX_NESTING
    )
      return (b) => this.readDocx(new SafeZip(b, 'docx'), this.depth + 1)
    return null
  }

  private rels(): Map<string, { target: string; external: boolean }> {
    if (this.relationships) return this.relationships
    const map = new Map<string, { target: string; external: boolean }>()
    const xml = this.zip.readText('word/_rels/document.xml.rels', RELATIONSHIP_PART_CAP)
    const root = xml === null ? undefined : childElements(parseXml(xml, 'docx'))[0]
    for (const rel of root ? childElements(root, 'Relationship') : []) {
      const { Id: id, Target: target, Type: type = '', TargetMode: mode } = rel.attrs
      if (id && target && AF_CHUNK_TYPE.test(type)) map.set(id, { target, external: mode === 'External' })
    }
    this.relationships = map
    return map
  }

  private contentType(part: string): string {
    if (!this.contentTypes) {
      const byPart = new Map<string, string>()
      const byExtension = new Map<string, string>()
      const xml = this.zip.readText('[Content_Types].xml', RELATIONSHIP_PART_CAP)
      const root = xml === null ? undefined : childElements(parseXml(xml, 'docx'))[0]
      for (const el of root ? childElements(root) : []) {
        const type = el.attrs.ContentType
        if (!type) continue
        if (el.name === 'Override' && el.attrs.PartName)
          byPart.set(el.attrs.PartName.replace(/^\//, '').toLowerCase(), type)
        if (el.name === 'Default' && el.attrs.Extension)
          byExtension.set(el.attrs.Extension.toLowerCase(), type)
      }
      this.contentTypes = { byPart, byExtension }
    }
    const extension = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase() ?? ''
    const type =
      this.contentTypes.byPart.get(part.toLowerCase()) ?? this.contentTypes.byExtension.get(extension) ?? ''
    return type.split(';')[0]?.trim().toLowerCase() ?? ''
  }
}

/** A relationship target of word/document.xml as a part name: relative to word/, or absolute from the root. */
function resolvePart(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `word/${target}`).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p !== '.' && p !== '') out.push(p)
  }
  return out.join('/')
}

function describe(type: string): string {
  if (type === 'message/rfc822' || type === 'multipart/related') return 'a web archive (MHT)'
  if (type === '') return 'content of an unknown kind'
  return `content of type ${type}`
}

function note(what: string): DocWarning {
  return { code: 'extraction-note', message: `This Word document embeds content in another format: ${what}.` }
}
