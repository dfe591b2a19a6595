/** Small DOCX and ODT packages written from XML in the tests (fflate), for cases the fixture generators lack. */
import { strToU8, zipSync } from 'fflate'

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

export const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export interface DocxParts {
  /** The whole word/document.xml. */
  document: string
  styles?: string
  /** Extra relationships of word/document.xml, as <Relationship/> elements. */
  relationships?: string
  /** Extra [Content_Types].xml entries. */
  contentTypes?: string
  /** Extra parts by path. */
  parts?: Record<string, Uint8Array | string>
}

export function docxPackage(p: DocxParts): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${p.contentTypes ?? ''}</Types>`
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${p.relationships ?? ''}</Relationships>`
    ),
    'word/document.xml': strToU8(p.document)
  }
  if (p.styles) files['word/styles.xml'] = strToU8(p.styles)
  for (const [name, data] of Object.entries(p.parts ?? {}))
    files[name] = typeof data === 'string' ? strToU8(data) : data
  return zipSync(files, { mtime: new Date('2024-03-01T09:15:00Z') })
}

/** A w:document with the usual w: prefix around body XML. */
export function wDocument(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}</w:body></w:document>`
}

export const wParagraph = (text: string, runProps = ''): string =>
  `<w:p><w:r>${runProps ? `<w:rPr>${runProps}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`

export const ODT_NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0'
}

const odtDeclarations = Object.entries(ODT_NS)
  .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
  .join(' ')

/** An ODT whose content.xml is `content` (or, by default, office:text body XML with these automatic styles). */
export function odtPackage(opts: {
  body?: string
  automaticStyles?: string
  content?: string
  /** Store content.xml uncompressed (no compression ratio to refuse it by). */
  store?: boolean
  styles?: string
}): Uint8Array {
  const content =
    opts.content ??
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${odtDeclarations} office:version="1.3"><office:automatic-styles>${opts.automaticStyles ?? ''}</office:automatic-styles><office:body><office:text>${opts.body ?? ''}</office:text></office:body></office:document-content>`
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': opts.store ? [strToU8(content), { level: 0 }] : strToU8(content),
    'META-INF/manifest.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>`
    )
  }
  if (opts.styles) files['styles.xml'] = strToU8(opts.styles)
  return zipSync(files, { mtime: new Date('2024-03-01T09:15:00Z') })
}

export const odtParagraph = (text: string, style = 'P1'): string =>
  `<text:p text:style-name="${style}">${xmlEscape(text)}</text:p>`
