import type { DocumentMetadata, DocWarning } from '../../shared/types'
import type { RawBlock } from '../../engine/text'

/** What each format reader returns before the shared assembly into an ExtractedDocument. */
export interface FormatExtraction {
  blocks: RawBlock[]
  pageCount: number | null
  metadata: DocumentMetadata
  warnings: DocWarning[]
}
