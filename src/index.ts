/** The Seedlab engine: isomorphic (Node, workerd, browser), no I/O. */
export { ENGINE_VERSION, DOCUMENT_VERSION } from './version.ts';
export { tf } from './tf.ts';
export { useBackend, setBackendDetails, BackendUnavailableError } from './backends/useBackend.ts';
export * from './spec/schema.ts';
export { LIMITS } from './spec/limits.ts';
export { canonicalJson, studyId } from './spec/studyId.ts';
export * from './document/studyDocument.ts';
export { PRESETS, findPreset, type Preset } from './presets/presets.ts';
export { planSeedVariance, runSeedVarianceUnit, combineSeedVariance, type RunUnit } from './studies/seedVariance.ts';
export {
  runStudy,
  runSeedVarianceStudy,
  planStudy,
  studyKind,
  DEFAULT_GROUP_SIZE,
  type StudyProgress,
  type RunStudyOptions,
} from './studies/registry.ts';
export type { WorkUnit, UnitContext, StudyKindModule } from './studies/studyKind.ts';
export { runSeeds, type TrainingSetup } from './studies/runSeeds.ts';
export { fingerprintWeights } from './fingerprint/fingerprintWeights.ts';
export { describeEnvironment, detectRuntime } from './fingerprint/environment.ts';
export { estimateStudyCost, COMPUTE_BUDGET, type CostEstimate } from './spec/budget.ts';
export { studyHeadline } from './document/headline.ts';
