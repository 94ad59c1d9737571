/**
 * The Seedlab engine: isomorphic (Node, workerd, browser), no I/O. The edges (functions/, site/,
 * cli/) import it only through this file; a lint rule enforces that (biome.json).
 */

export { BackendUnavailableError, useBackend } from './backends/useBackend.ts';
export { registerWasmBackend } from './backends/wasmFromModule.ts';
export { keptTable, provideDataset, uploadedDatasetIds, usingDatasets } from './data/providedDatasets.ts';
export {
  DATASET_ID_PATTERN,
  DATASET_LIMITS,
  DatasetDescription,
  DatasetError,
  datasetNameOf,
  describeDataset,
  isDatasetId,
  readDatasetCsv,
  type UploadedDataset,
} from './data/uploadedDataset.ts';
export { cellClass, type RegionMap, type RunRegions } from './document/decisionRegions.ts';
export { type RunRow, runRowJson, runRowsFromCsv, runsCsvHeader, runsCsvLines, runTableColumns } from './document/runRows.ts';
export type { StepByStep } from './document/stepByStep.ts';
export { sha256Hex } from './fingerprint/sha256Hex.ts';
export { registerFusedKernels } from './kernels/fusedKernels.ts';
// Presets, fingerprints and the environment record.
export { findPreset, PRESETS, PresetRequest, parseStudyRequest, presetOfSpec } from './presets/presets.ts';
export { STREAM_NAMES } from './random/seedStreams.ts';
export { planLimitsOf, UNIT_SHARE_OF_CPU_LIMIT } from './spec/budget.ts';
export { forbiddenCharacter, unbalancedBidiControl, withBalancedBidi, withoutForbiddenCharacters } from './spec/freeText.ts';
export { LIMITS } from './spec/limits.ts';
export { type SeedSet, seedCount, seedList } from './spec/seedSet.ts';
// Specs: the shared fields, limits, errors and the content address.
export * from './spec/setup.ts';
export { SpecError, specIssues } from './spec/specError.ts';
export { canonicalJson, STUDY_ID, STUDY_ID_PATTERN, studyId } from './spec/studyId.ts';
export { unitSeconds } from './spec/timeModel.ts';
export { validateWithoutEval } from './spec/validateWithoutEval.ts';
export {
  bringsRuns,
  checkRunsMatch,
  IMPORT_LIMITS,
  IMPORTED_RUN_COLUMNS,
  type ImportedRuns,
  ImportRequest,
  importedRunRows,
  importedRunsCsv,
  keptRuns,
  RunsCsvError,
  readImportRequest,
  readRunsCsv,
  readStoredRuns,
  usingImportedRuns,
} from './studies/imported/runs.ts';
export { METRIC_UNITS, type MetricSpec } from './studies/imported/spec.ts';
export { createKindRegistry, DEFAULT_GROUP_SIZE, StudyTooLongError, type UnitOutcome } from './studies/kindRegistry.ts';
// Study kinds and what derives from their list.
export {
  combineStudy,
  type DigestOfKind,
  type DocumentOfKind,
  datasetLabelOf,
  datasetOf,
  digestOf,
  documentOfKind,
  estimateUnits,
  isImportedSpec,
  isTrainedDocument,
  isTrainedSpec,
  isValidPart,
  parseDigest,
  parseSpecOfKind,
  parseStoredDocument,
  parseStudySpec,
  planStudy,
  planWithinLimits,
  readingsOf,
  runColumnsOf,
  runRowsOf,
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
  type TrainedDocument,
  trainedBackend,
} from './studies/registry.ts';
export { runSeeds } from './studies/runSeeds.ts';
export { STUDY_STATUSES, type StudyStatus } from './studies/status.ts';
export { tf } from './tf.ts';
export type { TrainingProgress } from './train/trainGroup.ts';
// Re-training one run of a shared study (the reader's check of a fingerprint).
export {
  type ArmName,
  type CheckableRun,
  checkableRunOfRows,
  checkableRuns,
  EngineVersionError,
  NotCheckableError,
  type RetrainedRun,
  rankAmongStudy,
  retrainableHere,
  retrainSeed,
  studySeeds,
} from './verify/retrainSeed.ts';
export { DOCUMENT_VERSION, ENGINE_VERSION } from './version.ts';
