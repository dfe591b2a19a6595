export { normaliseLineEndings, expandLigatures } from './normalise'
export { countWords } from './words'
export {
  isReferencesHeading,
  looksLikeHeading,
  looksLikeListItem,
  looksLikeCitation,
  looksLikeTable,
  classifyPlainBlock,
  applyReferenceSections
} from './blocks'
export { assembleText, cleanBlockText, PARAGRAPH_SEPARATOR } from './assemble'
export type { RawBlock, RawHidden, AssembledText } from './assemble'
export { splitSentences, sentenceStarts } from './sentences'
export { segmentPassages, DEFAULT_PASSAGE_OPTIONS } from './passages'
export type { PassageOptions } from './passages'
export { splitPlainTextBlocks } from './plain'
export { splitMarkdownBlocks } from './markdown'
