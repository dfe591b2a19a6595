export {
  STYLE_FEATURES_VERSION,
  FUNCTION_WORDS,
  styleCounts,
  mergeCounts,
  addCounts,
  emptyCounts,
  isStyleCounts,
  type StyleCounts
} from './features'
export {
  MEASURES,
  DIFFERENCE_NAMES,
  differenceVector,
  measureValues,
  transformed,
  type StyleReference
} from './measures'
export { checkStyleCard, type StyleCompareCard, type StyleCalibrationTable, type StyleModel } from './card'
export {
  compareWithKnown,
  styleDistance,
  styleDifferences,
  tableFor,
  STYLE_LIMITS,
  type CompareInput,
  type ComparePassage
} from './compare'
export { matchStudent, sameStudent, nameKeys } from './match'
