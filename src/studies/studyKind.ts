import type { z } from 'zod';
import type { KindRunRows } from '../document/runRows.ts';
import type { BackendName, DatasetSpec } from '../spec/setup.ts';
import type { UnitWork } from '../spec/timeModel.ts';
import type { TrainingProgress } from '../train/trainGroup.ts';

/** What every unit of work has: its purpose and the seeds it trains (its weight in progress). JSON only. */
export interface UnitBase {
  purpose: string;
  seeds: number[];
}

/** A unit together with the result it produced; a kind's combine reads a list of these. */
export interface UnitPart<Unit extends UnitBase = UnitBase, Result = unknown> {
  unit: Unit;
  result: Result;
}

/** The header every document has (src/document/parts.ts): combineStudy writes it, and a migration carries it over. */
type DocumentHeader = 'documentVersion' | 'kind' | 'id' | 'spec' | 'environment';
/** What a kind's combine (or a migration step) returns: its document without the header and the partial marker. */
export type DocumentBody<D> = Omit<D, DocumentHeader | 'partial'>;

export interface UnitContext {
  onEpoch?: (progress: TrainingProgress) => void | Promise<void>;
  /** Switches the engine's backend; given by the host, which knows how to start wasm. */
  switchBackend?: (name: BackendName) => Promise<void>;
}

/** A kind's spec schema: a zod object whose `kind` is its literal name (so kinds form a discriminated union). */
export type KindSpecSchema<K extends string> = z.ZodObject<{ kind: z.ZodLiteral<K> } & z.ZodRawShape>;
/** A kind's document schema: the shared header (src/document/parts.ts) plus its measured body. */
export type KindDocumentSchema<K extends string> = z.ZodObject<{ kind: z.ZodLiteral<K> } & z.ZodRawShape>;

/**
 * How a kind trains: it plans units of work, runs one unit (pure given the spec: a unit run twice
 * gives the same result), and reads a stored part back. The CLI runs the units in process; the
 * Worker sends each through its queue and stores the parts in KV, parsing them back with
 * `partSchema`. The same plan either way, so the two paths cannot drift.
 */
interface KindTraining<Spec, Unit extends UnitBase, Part extends UnitPart<Unit>> {
  /** A unit and its result, as stored (the Worker validates what it reads back with it). */
  partSchema: z.ZodType<Part>;
  /**
   * The work of one unit, for the time model (src/spec/timeModel.ts): units are sized and studies
   * refused by it before anything is queued. It prepares the data, so a spec that cannot train
   * fails here with a SpecError.
   */
  unitWork(spec: Spec, unit: Unit): UnitWork;
  plan(spec: Spec, seedsPerUnit: number): Unit[];
  runUnit(spec: Spec, unit: Unit, context: UnitContext): Promise<Part['result']>;
  /** One row per run of a stored unit, for GET /api/studies/<id>/runs; absent for a kind whose units keep no per-run results. */
  runRows?: KindRunRows<Spec, Unit, Part['result']>;
}

/**
 * A study kind: everything the engine knows about it, in one module (src/studies/<kind>/index.ts).
 * A kind that trains nothing (runs trained elsewhere, imported) has no `training` and no `dataset`:
 * it has no units, its document is combined from the spec alone and records no environment.
 */
export interface StudyKindModule<
  K extends string,
  SpecSchema extends KindSpecSchema<K>,
  DocumentSchema extends KindDocumentSchema<K>,
  Unit extends UnitBase,
  Part extends UnitPart<Unit>,
  Digest = unknown,
  Readings extends object = object,
> {
  kind: K;
  specSchema: SpecSchema;
  documentSchema: DocumentSchema;
  /** The dataset a study of this kind is about (for compare: arm A's). */
  dataset?(spec: z.output<SpecSchema>): DatasetSpec;
  training?: KindTraining<z.output<SpecSchema>, Unit, Part>;
  /**
   * The document's body from the units' parts (none for a kind that trains nothing): its verdict and
   * what it measured. combineStudy adds the header (version, kind, id, spec, environment).
   */
  combine(spec: z.output<SpecSchema>, parts: Part[]): Promise<DocumentBody<z.output<DocumentSchema>>>;
  /**
   * What a one-line summary of a study needs (its title, headline and badge): read off the
   * document, small enough for a listing entry's metadata (1,024 bytes in KV), and worded per
   * locale by the pages when read.
   */
  digest: { schema: z.ZodType<Digest>; of(doc: z.output<DocumentSchema>): Digest };
  /**
   * What the kind's sentences read off a document beyond its fields: the "which ones" lists a
   * sentence names (multiples that train better, tied sources), each decided here once, so words
   * never compare numbers (src/studies/<kind>/readings.ts).
   */
  readings: Readings;
  /**
   * How a stored document of an older version becomes the next version's, step by step: `{ 1: step }`
   * turns a version-1 document into version 2's body (the header is carried over; each step names
   * the body it returns). A bump of DOCUMENT_VERSION adds a step to every kind; a kind born later
   * has no steps below its birth.
   */
  migrations?: Partial<Record<number, (stored: unknown) => object>>;
}

/** Identity, so a kind module's types are inferred from its parts. */
export function defineStudyKind<
  const K extends string,
  SpecSchema extends KindSpecSchema<K>,
  DocumentSchema extends KindDocumentSchema<K>,
  Unit extends UnitBase,
  Part extends UnitPart<Unit>,
  Digest,
  Readings extends object,
>(
  module: StudyKindModule<K, SpecSchema, DocumentSchema, Unit, Part, Digest, Readings>,
): StudyKindModule<K, SpecSchema, DocumentSchema, Unit, Part, Digest, Readings> {
  return module;
}

/** A migration step for a version bump that did not change this kind's body (3 added summaries to other kinds). */
export const bodyUnchanged = (stored: unknown): object => stored as object;

export function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
