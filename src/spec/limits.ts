/**
 * Hard limits on a study spec. They bound the CPU one study may take; the API adds a compute
 * budget on top (issue: edge API). Documented in README.md.
 */
export const LIMITS = {
  maxSeeds: 100,
  /** Seeds a list may hold, and the most a normalized spec keeps as a list (src/spec/seedSet.ts). */
  maxSeedList: 100,
  /** Seeds per study (seed-variance) or per arm (compare): Picard's 10^4 scan, within one study budget. */
  maxScaledSeeds: 10_000,
  /** Runs per source of a variance-sources study (six sources: 6,000 runs, within one study budget). */
  maxRunsPerSource: 1000,
  maxSeed: 2 ** 31 - 1,
  maxEpochs: 200,
  maxHiddenLayers: 4,
  maxWidth: 512,
  maxBatchSize: 2048,
  maxSyntheticSamples: 5000,
  maxTitleLength: 200,
  maxRangeIterations: 2000,
  maxSteps: 20_000,
  maxNotesLength: 2000,
} as const;
