/**
 * Provider fingerprints: deterministic scans for copy-path clues (invisible characters, tag characters,
 * homoglyphs, chatbot citation markup and phrases, leftover Markdown) and metadata observations. Each hit is
 * located by character offset and carries its innocent explanations. Never converted into a probability of AI
 * authorship: these are provenance clues with unknown base rates (research §9.4).
 */
import type { DocFormat, DocumentMetadata, Fingerprint, HiddenText } from '../../shared/types'
import { findChatbotArtefacts } from './artefacts'
import { findCharacterFingerprints } from './characters'
import { countWords } from './format'
import { findHiddenText } from './hidden'
import { findHomoglyphs } from './homoglyphs'
import { findMarkdownLeftovers } from './markdown'
import { findMetadataObservations } from './metadata'

export interface FingerprintOptions {
  /** The document format: leftover Markdown is only odd in word-processor formats, normal in .md files. */
  format?: DocFormat
  /** Text a reader cannot see, left out of `text` by extraction: reported where it sits. */
  hidden?: readonly HiddenText[]
}

export function findFingerprints(
  text: string,
  metadata: DocumentMetadata = {},
  opts: FingerprintOptions = {}
): Fingerprint[] {
  const located = [
    ...findCharacterFingerprints(text),
    ...findHomoglyphs(text),
    ...findChatbotArtefacts(text),
    ...findMarkdownLeftovers(text, opts.format),
    ...findHiddenText(opts.hidden)
  ].sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || (b.end ?? 0) - (a.end ?? 0))
  return [...findMetadataObservations(metadata, countWords(text)), ...located]
}

export { showInvisible, codePointLabel } from './format'
export {
  findCharacterFingerprints,
  findHomoglyphs,
  findChatbotArtefacts,
  findMarkdownLeftovers,
  findMetadataObservations,
  findHiddenText
}
