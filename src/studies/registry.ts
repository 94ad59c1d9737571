import { datasetLabel } from '../spec/setup.ts';
import { compare } from './compare/index.ts';
import { dataSize } from './data-size/index.ts';
import { determinismAudit } from './determinism-audit/index.ts';
import { imported } from './imported/index.ts';
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
export const STUDY_KIND_MODULES = [
  seedVariance,
  lrRangeTest,
  lrSchedule,
  dataSize,
  varianceSources,
  determinismAudit,
  compare,
  imported,
] as const;

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

/** A spec of a kind that trains (every kind but imported runs). */
export type TrainedSpec = Extract<StudySpec, { backend: unknown }>;
/** A document of a kind that trains, with the environment its runs recorded. */
export type TrainedDocument = Extract<StudyDocument, { environment: unknown }>;
/** Whether a spec trains (and so has a backend); a study of imported runs trains nothing. */
export const isTrainedSpec = (spec: StudySpec): spec is TrainedSpec => 'backend' in spec;
/** Whether a document's runs were trained by Seedlab (and so recorded their environment). */
export const isTrainedDocument = (doc: StudyDocument): doc is TrainedDocument => 'environment' in doc;
/** The backend a spec trains on (a unit's host starts it); a study of imported runs has none and never gets here. */
export function trainedBackend(spec: StudySpec) {
  if (!isTrainedSpec(spec)) throw new Error(`${spec.kind} studies train nothing: they have no backend`);
  return spec.backend;
}
/** Whether a spec is a study of imported runs (it names stored runs and trains nothing). */
export const isImportedSpec = (spec: StudySpec): spec is SpecOfKind<'imported'> => spec.kind === 'imported';
