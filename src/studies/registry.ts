import { datasetLabel } from '../spec/setup.ts';
import { compare } from './compare/index.ts';
import { dataSize } from './data-size/index.ts';
import { determinismAudit } from './determinism-audit/index.ts';
import { createKindRegistry, type DigestOfModule, type DocumentOfModule, type SpecOfModule, type UnitOfModule } from './kindRegistry.ts';
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

const registry = createKindRegistry(STUDY_KIND_MODULES);

type Module = (typeof STUDY_KIND_MODULES)[number];
export type StudyKind = Module['kind'];
export type StudySpec = SpecOfModule<Module>;
export type StudyDocument = DocumentOfModule<Module>;
export type StudyUnit = UnitOfModule<Module>;
export type SpecOfKind<K extends StudyKind> = Extract<StudySpec, { kind: K }>;
export type DocumentOfKind<K extends StudyKind> = Extract<StudyDocument, { kind: K }>;
export type StudySpecInput = Record<string, unknown>;
/** What a one-line summary of a study of kind K needs (its kind's digest). */
export type DigestOfKind<K extends StudyKind> = DigestOfModule<Extract<Module, { kind: K }>>;

/** What the sentences of kind K read off its documents (src/studies/<kind>/readings.ts). */
export type ReadingsOfKind<K extends StudyKind> = Extract<Module, { kind: K }>['readings'];
export const readingsOf = registry.readingsOf as <K extends StudyKind>(kind: K) => ReadingsOfKind<K>;

/** A document's digest (the registry holds kinds with their types erased; this restores them). */
export const digestOf = registry.digestOf as <D extends StudyDocument>(doc: D) => DigestOfKind<D['kind']>;
/** A stored digest of a kind, or null when it is not one (a listing written before digests, or a corrupt value). */
export const parseDigest = registry.parseDigest as <K extends StudyKind>(kind: K, raw: unknown) => DigestOfKind<K> | null;

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
  runColumnsOf,
  runRowsOf,
  parseStoredDocument,
  runStudy,
} = registry;

/** A spec's dataset as titles, listings and badges name it (datasetLabel), or null for a kind without one. */
export const datasetLabelOf = (spec: Parameters<typeof datasetOf>[0]): string | null => {
  const dataset = datasetOf(spec);
  return dataset ? datasetLabel(dataset) : null;
};
