import type { z } from 'zod';
import type { Environment } from '../document/parts.ts';
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

/** What the host recorded while the units ran, for combine to put in the document. */
export interface RecordedFacts {
  /** The environment the first unit ran in (describeEnvironment right after it), not the one combining. */
  environment: Environment;
}

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
 * A study kind: everything the engine knows about it, in one module (src/studies/<kind>/index.ts).
 *
 * The kind plans units of work, runs one unit (pure given the spec: a unit run twice gives the
 * same result), and combines the parts into its document. The CLI runs the units in process;
 * the Worker sends each through its queue and stores the parts in KV, parsing them back with
 * `partSchema`. The same plan either way, so the two paths cannot drift.
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
  /** A unit and its result, as stored (the Worker validates what it reads back with it). */
  partSchema: z.ZodType<Part>;
  /** The dataset a study of this kind is about (for compare: arm A's). */
  dataset(spec: z.output<SpecSchema>): DatasetSpec;
  /**
   * The work of one unit, for the time model (src/spec/timeModel.ts): units are sized and studies
   * refused by it before anything is queued. It prepares the data, so a spec that cannot train
   * fails here with a SpecError.
   */
  unitWork(spec: z.output<SpecSchema>, unit: Unit): UnitWork;
  plan(spec: z.output<SpecSchema>, seedsPerUnit: number): Unit[];
  runUnit(spec: z.output<SpecSchema>, unit: Unit, context: UnitContext): Promise<Part['result']>;
  combine(spec: z.output<SpecSchema>, parts: Part[], recorded: RecordedFacts): Promise<z.output<DocumentSchema>>;
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
  /** A stored version-1 document of this kind, as a current one (the same numbers; the verdict decided as combine decides it). */
  migrateV1(stored: unknown): z.output<DocumentSchema>;
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

export function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
