import { compare } from './compare/index.ts';
import { dataSize } from './data-size/index.ts';
import { determinismAudit } from './determinism-audit/index.ts';
import { createKindRegistry, type DocumentOfModule, type SpecOfModule, type UnitOfModule } from './kindRegistry.ts';
import { lrRangeTest } from './lr-range-test/index.ts';
import { lrSchedule } from './lr-schedule/index.ts';
import { seedVariance } from './seed-variance/index.ts';
import { varianceSources } from './variance-sources/index.ts';

/**
 * The study kinds: the one list the spec and document unions, the kind list, the budget and the
 * OpenAPI schema derive from. Adding a kind is a folder in src/studies/, a view folder in
 * site/src/kinds/, a line here and a line in each of the site's two maps (docs/architecture.md has
 * the checklist). The first kind is the default.
 */
export const STUDY_KIND_MODULES = [seedVariance, lrRangeTest, lrSchedule, dataSize, varianceSources, determinismAudit, compare] as const;

export const registry = createKindRegistry(STUDY_KIND_MODULES);

type Module = (typeof STUDY_KIND_MODULES)[number];
export type StudyKind = Module['kind'];
export type StudySpec = SpecOfModule<Module>;
export type StudyDocument = DocumentOfModule<Module>;
export type StudyUnit = UnitOfModule<Module>;
export type SpecOfKind<K extends StudyKind> = Extract<StudySpec, { kind: K }>;
export type DocumentOfKind<K extends StudyKind> = Extract<StudyDocument, { kind: K }>;
export type StudySpecInput = Record<string, unknown>;

export const {
  kinds: STUDY_KINDS,
  StudySpec,
  StudyDocument,
  parseStudySpec,
  parseSpecOfKind,
  documentOfKind,
  planStudy,
  estimateUnits,
  planWithinLimits,
  datasetOf,
  runStudyUnit,
  combineStudy,
  isValidPart,
  parseStoredDocument,
  runStudy,
} = registry;
