/** Public API of the watermark engine (pure: no fs, no Node APIs). */
export { runWatermarkChecks, DEFAULT_ALPHA, type WatermarkRunOptions } from './runner'
export {
  scoreProfile,
  kgwConfigFromProfile,
  synthIdConfigFromProfile,
  type ProfileScore
} from './score-profile'
export { validateProfile, type ProfileValidation } from './profile-validate'
export * from './profile'
export * from './tokenizer'
export { formatPValue, oneIn } from '../../shared/wording'

// schemes (for tests, tooling and school-specific integrations)
export * from './schemes/kgw'
export { clearWatermarkCaches } from './clear-caches'
export * from './schemes/kgw-seeding'
export * from './schemes/unigram'
export * from './schemes/aaronson'
export * from './schemes/synthid'

// statistics
export * from './stats/tests'
export {
  logGamma,
  gammaIncUpper,
  gammaIncLower,
  logGammaIncUpper,
  normalSf,
  logNormalSf,
  normalPpf
} from './stats/special'

// bit-exact building blocks
export { Mt19937, torchRandAt, torchRandintBits, u32ToFloat32Unit } from './rng/mt19937'
export { randperm, randpermPrefix, isInRandpermPrefix, LazyRandperm } from './rng/randperm'
export { numpyShuffle, Pcg64, seedSequenceState } from './rng/numpy-pcg64'
export { sha256, int64LeBytes } from './rng/sha256'
export * from './rng/int64'
