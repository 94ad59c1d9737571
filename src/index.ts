/**
 * The Seedlab engine: isomorphic (Node, workerd, browser), no I/O. The edges (functions/, site/,
 * cli/) import it only through this file; a lint rule enforces that (biome.json).
 */
export { ENGINE_VERSION, DOCUMENT_VERSION } from './version.ts';
export { tf } from './tf.ts';
export { useBackend, setBackendDetails, BackendUnavailableError } from './backends/useBackend.ts';
export { registerWasmBackend } from './backends/wasmFromModule.ts';

// Specs: the shared fields, limits, errors and the content address.
export * from './spec/setup.ts';
export { LIMITS } from './spec/limits.ts';
export { SpecError, type SpecIssue } from './spec/specError.ts';
export { canonicalJson, studyId } from './spec/studyId.ts';
export { COMPUTE_BUDGET } from './spec/budget.ts';

// Study kinds and what derives from their list.
export {
  STUDY_KIND_MODULES,
  STUDY_KINDS,
  StudySpec,
  StudyDocument,
  parseStudySpec,
  parseSpecOfKind,
  documentOfKind,
  planStudy,
  estimateStudyCost,
  datasetOf,
  runStudyUnit,
  combineStudy,
  parseStoredDocument,
  runStudy,
  type StudyKind,
  type StudyUnit,
  type SpecOfKind,
  type DocumentOfKind,
  type StudySpecInput,
} from './studies/registry.ts';
export { createKindRegistry, DEFAULT_GROUP_SIZE, type StudyProgress, type RunStudyOptions, type StoredDocumentResult } from './studies/kindRegistry.ts';
export { defineStudyKind, type StudyKindModule, type UnitBase, type UnitPart, type UnitContext, type CostEstimate } from './studies/studyKind.ts';
export { runSeeds } from './studies/runSeeds.ts';

// Each kind's document and spec types, for the pages that draw them.
export type { SeedVarianceDocument } from './studies/seed-variance/document.ts';
export type { LrRangeTestDocument } from './studies/lr-range-test/document.ts';
export type { LrScheduleDocument } from './studies/lr-schedule/document.ts';
export type { DataSizeDocument } from './studies/data-size/document.ts';
export type { VarianceSourcesDocument } from './studies/variance-sources/document.ts';
export type { DeterminismAuditDocument } from './studies/determinism-audit/document.ts';
export type { CompareDocument } from './studies/compare/document.ts';
export type { SeedVarianceSpec } from './studies/seed-variance/spec.ts';
export type { LrRangeTestSpec } from './studies/lr-range-test/spec.ts';
export type { LrScheduleSpec } from './studies/lr-schedule/spec.ts';
export type { ScheduleSpec } from './studies/lr-schedule/schedules.ts';
export type { DataSizeSpec } from './studies/data-size/spec.ts';
export type { VarianceSourcesSpec } from './studies/variance-sources/spec.ts';
export type { DeterminismAuditSpec } from './studies/determinism-audit/spec.ts';
export type { CompareSpec, ArmSpec } from './studies/compare/spec.ts';
export { SUGGESTION_RULES } from './studies/lr-range-test/spec.ts';
export { VARIANCE_SOURCES } from './studies/variance-sources/spec.ts';
export { MLP_AND_CLASSIC } from './studies/data-size/spec.ts';
export { Environment, RunRecord, SeedResult, Summary } from './document/parts.ts';

// Presets, fingerprints and the environment record.
export { PRESETS, findPreset, presetOfSpec, type Preset } from './presets/presets.ts';
export { fingerprintWeights } from './fingerprint/fingerprintWeights.ts';
export { describeEnvironment, detectRuntime } from './fingerprint/environment.ts';
