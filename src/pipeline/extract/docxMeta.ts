/**
 * DOCX process evidence: docProps/core.xml (author, revision, dates), docProps/app.xml (application, total
 * editing minutes, template, pages) and the rsid count, a rough number of editing sessions: Word stamps each
 * session's edits with a new w:rsid. settings.xml lists them all; without it we count the distinct values
 * on the document's elements.
 */
import type { DocumentMetadata } from '../../shared/types'
import { normaliseIsoDate, parseCount } from './dates'
import { childElements, firstChild, isElement, parseXml, textContent, type XmlElement } from './xml'
import type { SafeZip } from './zip'

const METADATA_PART_CAP = 1024 * 1024

export function readDocxMetadata(zip: SafeZip, document: XmlElement): DocumentMetadata {
  const core = readFlatProperties(zip, 'docProps/core.xml')
  const app = readFlatProperties(zip, 'docProps/app.xml')
  const metadata: DocumentMetadata = {
    application: app.get('Application'),
    appVersion: app.get('AppVersion'),
    template: app.get('Template'),
    totalEditingMinutes: parseCount(app.get('TotalTime')),
    pages: parseCount(app.get('Pages')),
    title: core.get('title'),
    creator: core.get('creator'),
    lastModifiedBy: core.get('lastModifiedBy'),
    revision: parseCount(core.get('revision')),
    created: normaliseIsoDate(core.get('created')),
    modified: normaliseIsoDate(core.get('modified')),
    rsidSessions: countRsids(zip, document)
  }
  return dropEmpty(metadata)
}

/** Leaf elements of a properties part by local name ("dc:creator" → "creator"), trimmed, non-empty. */
function readFlatProperties(zip: SafeZip, part: string): Map<string, string> {
  const props = new Map<string, string>()
  const xml = zip.readText(part, METADATA_PART_CAP)
  if (xml === null) return props
  const root = childElements(parseXml(xml, 'docx'))[0]
  for (const el of root ? childElements(root) : []) {
    if (el.children.some(isElement)) continue
    const value = textContent(el).trim()
    if (value) props.set(el.name.replace(/^[^:]*:/, ''), value)
  }
  return props
}

const RSID_ATTRIBUTES = [
  'w:rsidR',
  'w:rsidRPr',
  'w:rsidP',
  'w:rsidRDefault',
  'w:rsidDel',
  'w:rsidSect',
  'w:rsidTr'
]

function countRsids(zip: SafeZip, document: XmlElement): number | undefined {
  const settingsXml = zip.readText('word/settings.xml', 8 * METADATA_PART_CAP)
  if (settingsXml !== null) {
    const settings = childElements(parseXml(settingsXml, 'docx')).find((e) => e.name === 'w:settings')
    const rsids = settings ? firstChild(settings, 'w:rsids') : undefined
    if (rsids) {
      const values = new Set(
        childElements(rsids)
          .map((r) => r.attrs['w:val'])
          .filter(Boolean)
      )
      if (values.size > 0) return values.size
    }
  }
  const seen = new Set<string>()
  const visit = (el: XmlElement): void => {
    for (const attr of RSID_ATTRIBUTES) {
      const v = el.attrs[attr]
      if (v) seen.add(v)
    }
    for (const c of el.children) if (isElement(c)) visit(c)
  }
  visit(document)
  return seen.size > 0 ? seen.size : undefined
}

export function dropEmpty(metadata: DocumentMetadata): DocumentMetadata {
  return Object.fromEntries(
    Object.entries(metadata).filter(([, v]) => v !== undefined && v !== '')
  ) as DocumentMetadata
}
