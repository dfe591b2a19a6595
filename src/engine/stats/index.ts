export { logBeta, regularizedIncompleteBeta, inverseRegularizedIncompleteBeta, binomialCdf } from './beta'
export {
  wilsonInterval,
  clopperPearsonInterval,
  zForConfidence,
  DEFAULT_CONFIDENCE,
  type ProportionInterval
} from './intervals'
export { rocCurve, auroc, trapezoidArea, midRanks, type RocPoint, type BinaryLabel } from './roc'
export {
  thresholdForTargetFpr,
  fprTable,
  countFlagged,
  type ThresholdChoice,
  type FprTableRow
} from './threshold'
export { documentsNeededFor } from './sample-size'
