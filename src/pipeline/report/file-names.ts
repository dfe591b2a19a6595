/**
 * Report file names: readable stem from the student's file name plus a short hash, so two "essay.docx" from
 * different folders never collide, and a suffix no student file carries.
 */
import { createHash } from 'node:crypto'
import type { DocumentResult } from '../../shared/types'

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i
const MAX_STEM = 60

/** Letters and digits of any script survive; everything else (separators, dots, controls, bidi) becomes '-'. */
export function safeStem(fileName: string): string {
  const withoutExt = fileName.replace(/\.[^.]{1,8}$/, '')
  let stem = withoutExt
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
  stem = Array.from(stem).slice(0, MAX_STEM).join('')
  if (stem === '' || WINDOWS_RESERVED.test(stem)) stem = `document${stem ? '-' + stem : ''}`
  return stem
}

/** 8 hex characters of path + content hash: the same file at the same place always gets the same name. */
export function shortHash(result: DocumentResult): string {
  return createHash('sha256')
    .update(`${result.path}\u0000${result.sha256 ?? ''}`)
    .digest('hex')
    .slice(0, 8)
}

export function reportFileName(result: DocumentResult, extension: 'html' | 'pdf' | 'json'): string {
  return `${safeStem(result.fileName)}-${shortHash(result)}.inkprint.${extension}`
}
