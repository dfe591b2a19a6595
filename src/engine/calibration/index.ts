export {
  buildCalibrationProfile,
  describeCalibration,
  calibrationWarnings,
  profileId,
  CALIBRATION_SCHEMA_VERSION,
  type CalibrationProfile,
  type BuildProfileInput,
  type ModelCardFloor
} from './profile'
export { applyCalibration, calibrationMismatch, calibratedMeasuredOn } from './apply'
export {
  summariseByGroup,
  aurocOf,
  rocOf,
  ALL_GROUPS,
  NO_GROUP,
  type ScoredRecord,
  type GroupRow
} from './audit-summary'
export { formatRate, formatRateWithInterval } from './format'
export { seededSample, seededRandom, hashSeed } from './sample'
export { auditPlots, type AuditPlots } from './audit-plots'
export { formatGroupTable, AUROC_FOOTNOTE } from './audit-table'
