/**
 * The Seedlab engine: isomorphic (Node, workerd, browser), no I/O. The edges (functions/, site/,
 * cli/) import it only through this file; a lint rule enforces that (biome.json).
 */

export { BackendUnavailableError, setBackendDetails, useBackend } from './backends/useBackend.ts';
export { registerWasmBackend } from './backends/wasmFromModule.ts';
export { Environment, RunRecord, SeedResult, Summary } from './document/parts.ts';
export { describeEnvironment, detectRuntime } from './fingerprint/environment.ts';
export { fingerprintWeights } from './fingerprint/fingerprintWeights.ts';
export { sha256Hex } from './fingerprint/sha256Hex.ts';
export { registerFusedKernels } from './kernels/fusedKernels.ts';
// Presets, fingerprints and the environment record.
export { findPreset, PRESETS, type Preset, PresetRequest, parseStudyRequest, presetOfSpec } from './presets/presets.ts';
export { STREAM_NAMES } from './random/seedStreams.ts';
export { STUDY_SECONDS_LIMIT, UNIT_SHARE_OF_CPU_LIMIT } from './spec/budget.ts';
export { forbiddenCharacter, freeTextIssues, withoutForbiddenCharacters } from './spec/freeText.ts';
export { LIMITS } from './spec/limits.ts';
// Specs: the shared fields, limits, errors and the content address.
export * from './spec/setup.ts';
export { SpecError, type SpecIssue, specIssues } from './spec/specError.ts';
export { canonicalJson, STUDY_ID, STUDY_ID_PATTERN, studyId } from './spec/studyId.ts';
export { type UnitSeconds, type UnitWork, unitSeconds } from './spec/timeModel.ts';
export {
  createKindRegistry,
  DEFAULT_GROUP_SIZE,
  type FailedUnit,
  type RunStudyOptions,
  type StoredDocumentResult,
  type StoredPart,
  type StudyProgress,
  StudyTooLongError,
  type UnitOutcome,
} from './studies/kindRegistry.ts';
// Study kinds and what derives from their list.
export {
  combineStudy,
  type DigestOfKind,
  type DocumentOfKind,
  datasetOf,
  digestOf,
  documentOfKind,
  estimateUnits,
  isValidPart,
  parseDigest,
  parseSpecOfKind,
  parseStoredDocument,
  parseStudySpec,
  planStudy,
  planWithinLimits,
  type ReadingsOfKind,
  readingsOf,
  runStudy,
  runStudyUnit,
  type SpecOfKind,
  STUDY_KIND_MODULES,
  STUDY_KINDS,
  StudyDocument,
  type StudyKind,
  StudySpec,
  type StudySpecInput,
  type StudyUnit,
} from './studies/registry.ts';
export { runSeeds } from './studies/runSeeds.ts';
export { STUDY_STATUSES, type StudyStatus } from './studies/status.ts';
export {
  defineStudyKind,
  type StudyKindModule,
  type UnitBase,
  type UnitContext,
  type UnitPart,
} from './studies/studyKind.ts';
export { tf } from './tf.ts';
export type { TrainingProgress } from './train/trainGroup.ts';
// Re-training one run of a shared study (the reader's check of a fingerprint).
export {
  type ArmName,
  type CheckableRun,
  checkableRuns,
  EngineVersionError,
  NotCheckableError,
  type RetrainedRun,
  retrainableHere,
  retrainSeed,
} from './verify/retrainSeed.ts';
export { DOCUMENT_VERSION, ENGINE_VERSION } from './version.ts';
