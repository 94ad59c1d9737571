import { z } from 'zod';
import { Environment, type PartialStudy } from '../document/parts.ts';
import type { RunRow } from '../document/runRows.ts';
import { describeEnvironment, environmentOf } from '../fingerprint/environment.ts';
import { freeTextIssues } from '../spec/freeText.ts';
import type { DatasetSpec } from '../spec/setup.ts';
import { specIssues as issuesOf, SpecError, type SpecIssue } from '../spec/specError.ts';
import { studyId } from '../spec/studyId.ts';
import { type UnitSeconds, unitSeconds } from '../spec/timeModel.ts';
import { DOCUMENT_VERSION } from '../version.ts';
import type { KindDocumentSchema, KindSpecSchema, StudyKindModule, UnitBase, UnitContext, UnitPart } from './studyKind.ts';

// biome-ignore lint/suspicious/noExplicitAny: a registry holds kinds of every spec and document type; each stays typed in its own module.
export type AnyStudyKindModule = StudyKindModule<string, KindSpecSchema<string>, KindDocumentSchema<string>, any, any, any, any>;

export type SpecOfModule<M> =
  M extends StudyKindModule<string, infer S, KindDocumentSchema<string>, UnitBase, UnitPart> ? z.output<S> : never;
export type DocumentOfModule<M> =
  M extends StudyKindModule<string, KindSpecSchema<string>, infer D, UnitBase, UnitPart> ? z.output<D> : never;
export type UnitOfModule<M> = M extends { training?: { plan(...args: never[]): (infer U)[] } } ? U : never;
export type DigestOfModule<M> = M extends { digest: { of(...args: never[]): infer G } } ? G : never;

interface StudyProgress {
  runsDone: number;
  runsTotal: number;
  /** 0..1, counting partly trained units by their epochs. */
  fraction: number;
}

export interface RunStudyOptions extends Pick<UnitContext, 'switchBackend'> {
  /** Seeds per batched group; see bench/README.md for how the default was chosen. */
  groupSize?: number;
  onProgress?: (progress: StudyProgress) => void | Promise<void>;
}

/** Seeds per group in the CLI: wasm trains 30 seeds as fast as 10 (bench/README.md). */
export const DEFAULT_GROUP_SIZE = 30;

/** The `kind` of a spec or document (inside the generic registry, one is only known to have a kind). */
function kindOf(value: unknown): string {
  if (value && typeof value === 'object' && 'kind' in value && typeof value.kind === 'string') return value.kind;
  throw new Error('a spec or document without a kind');
}

/** A unit's result and the environment it ran in, recorded right after it ran. */
export interface UnitOutcome {
  result: unknown;
  environment: Environment;
}

/** A planned unit with its outcome; `environment` is missing from results stored before engine 0.3.0. */
export interface StoredPart {
  unit: unknown;
  result: unknown;
  environment?: unknown;
}

/**
 * A study that cannot fit the host's time limits: one unit of even one seed would run longer than
 * a unit may (`what: 'unit'`), or the whole study would (`what: 'study'`). Seconds at the time
 * model's upper bound.
 */
export class StudyTooLongError extends Error {
  constructor(
    readonly what: 'unit' | 'study',
    readonly seconds: number,
    readonly limitSeconds: number,
    readonly units: UnitSeconds[],
  ) {
    super(
      what === 'unit'
        ? `one unit would take up to ${seconds.toFixed(1)} s, over the ${limitSeconds} s a unit may use, even with one seed per unit`
        : `the study would take up to ${seconds.toFixed(0)} s of compute, over the ${limitSeconds} s a study may use`,
    );
    this.name = 'StudyTooLongError';
  }
}

/** A unit that failed for good, with why. */
export interface FailedUnit {
  unit: UnitBase;
  error: string;
  attempts: number;
}

function partialOf(failed: FailedUnit[]): PartialStudy {
  const failedSeeds = [...new Set(failed.flatMap((f) => f.unit.seeds))].sort((a, b) => a - b);
  return {
    failedSeeds,
    failures: failed.map((f) => ({ purpose: f.unit.purpose, seeds: f.unit.seeds, error: f.error, attempts: f.attempts })),
  };
}

/** A stored document that cannot be read, and why (its kind and id when known). */
export type StoredDocumentResult<D> = { success: true; data: D; migratedFrom?: number } | { success: false; error: string };

/**
 * Everything derived from a list of study kinds: the spec and document unions (the contract the
 * API, the OpenAPI description and the pages validate against), the kind list, and the dispatch
 * from a spec to its kind's plan, units, combine, cost and dataset.
 *
 * TypeScript cannot relate a union of specs to the union of their modules (a spec of kind K to the
 * module of kind K), so the dispatch below looks the module up by `kind` and holds it with its
 * types erased. That lookup is the one place where the types are erased; every part a kind reads
 * back is parsed by its own schema first, and every document it returns is validated.
 */
export function createKindRegistry<const Modules extends readonly [AnyStudyKindModule, ...AnyStudyKindModule[]]>(modules: Modules) {
  type Module = Modules[number];
  type Kind = Module['kind'];
  type Spec = SpecOfModule<Module>;
  type Doc = DocumentOfModule<Module>;
  type Unit = UnitOfModule<Module>;
  type SpecOfKind<K extends Kind> = Extract<Spec, { kind: K }>;
  type DocumentOfKind<K extends Kind> = Extract<Doc, { kind: K }>;

  const kinds = modules.map((m) => m.kind) as Kind[];
  if (new Set(kinds).size !== kinds.length) throw new Error(`study kinds must be distinct: ${kinds.join(', ')}`);
  const byKind = new Map<string, AnyStudyKindModule>(modules.map((m) => [m.kind, m]));
  const [firstSpec, ...otherSpecs] = modules.map((m) => m.specSchema);
  const [firstDocument, ...otherDocuments] = modules.map((m) => m.documentSchema);

  /** Every kind's spec. `kind` defaults to the first kind (seed-variance). */
  const StudySpec = z.preprocess(
    (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('kind' in v) ? { ...v, kind: kinds[0] } : v),
    z.discriminatedUnion('kind', [firstSpec, ...otherSpecs]),
  ) as unknown as z.ZodType<Spec, Record<string, unknown>>;
  const StudyDocument = z.discriminatedUnion('kind', [firstDocument, ...otherDocuments]) as unknown as z.ZodType<Doc>;

  function moduleOf(kind: string): AnyStudyKindModule {
    const found = byKind.get(kind);
    if (!found) throw new Error(`unknown study kind "${kind}"`);
    return found;
  }

  /** The module of a spec's kind (inside this generic function, a spec is only known to have a kind). */
  const moduleFor = (spec: Spec) => moduleOf(kindOf(spec));

  /**
   * Validates and normalizes a new spec (from the API or the CLI), defaults filled in: the schema,
   * then no forbidden characters in its free text. Throws SpecError naming each bad field.
   */
  function parseStudySpec(input: unknown): Spec {
    const result = StudySpec.safeParse(input);
    if (!result.success) throw new SpecError(issuesOf(result.error));
    const textIssues = freeTextIssues(result.data);
    if (textIssues.length) throw new SpecError(textIssues);
    return result.data;
  }

  /** parseStudySpec for callers that need one kind (a spec of another kind is a SpecError on `kind`). */
  function parseSpecOfKind<K extends Kind>(input: unknown, kind: K): SpecOfKind<K> {
    const spec = parseStudySpec(input);
    const got = kindOf(spec);
    if (got !== kind) throw new SpecError([{ path: 'kind', message: `expected a ${kind} spec, got ${got}` }]);
    return spec as SpecOfKind<K>;
  }

  /** Narrows a document to one kind, or throws (for callers that ran a spec of a known kind). */
  function documentOfKind<K extends Kind>(doc: Doc, kind: K): DocumentOfKind<K> {
    const got = kindOf(doc);
    if (got !== kind) throw new Error(`expected a ${kind} document, got ${got}`);
    return doc as DocumentOfKind<K>;
  }

  /** The units of a study (none for a kind that trains nothing). */
  const planStudy = (spec: Spec, seedsPerUnit: number): Unit[] => moduleFor(spec).training?.plan(spec, seedsPerUnit) ?? [];
  /** The training of a spec's kind, which a unit's caller needs (a kind that trains nothing has no units to run). */
  function trainingFor(spec: Spec) {
    const { training, kind } = moduleFor(spec);
    if (!training) throw new Error(`${kind} studies train nothing: they have no units`);
    return training;
  }

  /**
   * Each unit's time by the time model. Every unit's work is computed before any error is raised,
   * so a spec with two bad setups (a compare's two arms) hears about both.
   */
  function estimateUnits(spec: Spec, units: Unit[]): UnitSeconds[] {
    const issues: SpecIssue[] = [];
    const seconds = units.map((unit) => {
      try {
        return unitSeconds(trainingFor(spec).unitWork(spec, unit));
      } catch (e) {
        if (!(e instanceof SpecError)) throw e;
        for (const i of e.issues) if (!issues.some((j) => j.path === i.path && j.message === i.message)) issues.push(i);
        return { estimate: 0, upper: 0 };
      }
    });
    if (issues.length) throw new SpecError(issues);
    return seconds;
  }

  /**
   * The plan a host with a CPU-time limit can run: the most seeds per unit (up to
   * `maxSeedsPerUnit`) for which every unit's upper estimate fits `unitSecondsLimit`, and a whole
   * study within `studySecondsLimit`. A spec that cannot fit is a StudyTooLongError with the numbers.
   */
  function planWithinLimits(
    spec: Spec,
    limits: { maxSeedsPerUnit: number; unitSecondsLimit: number; studySecondsLimit: number },
  ): { units: Unit[]; seconds: UnitSeconds[]; seedsPerUnit: number } {
    let smallest: { units: Unit[]; seconds: UnitSeconds[] } | null = null;
    for (let seedsPerUnit = limits.maxSeedsPerUnit; seedsPerUnit >= 1; seedsPerUnit--) {
      const units = planStudy(spec, seedsPerUnit);
      const seconds = estimateUnits(spec, units);
      smallest = { units, seconds };
      if (seconds.every((s) => s.upper <= limits.unitSecondsLimit)) {
        const total = seconds.reduce((n, s) => n + s.upper, 0);
        if (total > limits.studySecondsLimit) throw new StudyTooLongError('study', total, limits.studySecondsLimit, seconds);
        return { units, seconds, seedsPerUnit };
      }
    }
    const seconds = smallest?.seconds ?? [];
    throw new StudyTooLongError('unit', Math.max(...seconds.map((s) => s.upper)), limits.unitSecondsLimit, seconds);
  }
  /** The dataset a study is about (one rule for the API, the listing and the pages), or null for a kind that trains nothing. */
  const datasetOf = (spec: Spec): DatasetSpec | null => moduleFor(spec).dataset?.(spec) ?? null;
  /** Runs one unit and records where it ran: a fresh isolate that combines later may have no backend at all. */
  async function runStudyUnit(spec: Spec, unit: Unit, context: UnitContext = {}): Promise<UnitOutcome> {
    const result = await trainingFor(spec).runUnit(spec, unit, context);
    return { result, environment: describeEnvironment() };
  }

  /**
   * The environment a study's document records: the first part's. Results stored before engine
   * 0.3.0 have none; they ran under the spec's backend (the host starts it), so that is recorded.
   */
  function recordedEnvironment(spec: Spec, parts: StoredPart[]): Environment {
    for (const p of parts) {
      const parsed = Environment.safeParse(p.environment);
      if (parsed.success) return parsed.data;
    }
    const backend = 'backend' in spec && typeof spec.backend === 'string' ? spec.backend : 'unknown';
    return environmentOf(backend);
  }

  /** The grouping columns of a kind's run rows (GET /api/studies/<id>/runs), or null for a kind whose units keep no per-run results. */
  const runColumnsOf = (spec: Spec): readonly string[] | null => moduleFor(spec).training?.runRows?.columns ?? null;
  /** A stored unit's runs as rows; the part is validated by its kind first (a part that is not its unit's throws). */
  function runRowsOf(spec: Spec, part: StoredPart): RunRow[] {
    const training = trainingFor(spec);
    if (!training.runRows) return [];
    const { unit, result } = training.partSchema.parse({ unit: part.unit, result: part.result });
    return training.runRows.rows(spec, unit, result);
  }

  /** Whether a stored part is one its kind can combine (a truncated or foreign value is not). */
  const isValidPart = (spec: Spec, part: StoredPart): boolean =>
    moduleFor(spec).training?.partSchema.safeParse({ unit: part.unit, result: part.result }).success ?? false;

  /**
   * The document of a study from its units' stored parts; each part is validated by its kind
   * first. With `failed` units, the document is partial: built from the parts that succeeded, and
   * marked with the failed seeds and why. A kind that cannot build a document without the failed
   * units throws (an lr-range-test without its range sweep, for example). The kind combines the
   * body; the header (version, kind, id, spec, and the environment a kind that trains records) is
   * written here, once for every kind.
   */
  async function combineStudy(spec: Spec, parts: StoredPart[], failed: FailedUnit[] = []): Promise<Doc> {
    const module = moduleFor(spec);
    const { training } = module;
    if (training && !parts.length) throw new Error('no unit finished: there is nothing to combine');
    const body = await module.combine(spec, training ? parts.map(({ unit, result }) => training.partSchema.parse({ unit, result })) : []);
    const header = {
      documentVersion: DOCUMENT_VERSION,
      kind: module.kind,
      id: await studyId(spec as unknown as { kind: string }),
      spec,
      ...(training ? { environment: recordedEnvironment(spec, parts) } : {}),
    };
    const partial = failed.length ? partialOf(failed) : undefined;
    return module.documentSchema.parse({ ...header, ...body, ...(partial ? { partial } : {}) }) as Doc;
  }

  /**
   * A stored document of an older version, brought to the current one by its kind's steps, one
   * version at a time (the header carried over, each step giving the next version's body).
   */
  function migrate(module: AnyStudyKindModule, stored: Record<string, unknown>, from: number): unknown {
    let doc = stored;
    for (let version = from; version < DOCUMENT_VERSION; version++) {
      const step = module.migrations?.[version];
      if (!step) throw new Error(`no step from version ${version} to ${version + 1} (the kind is younger than that)`);
      const { kind, id, spec, environment } = doc;
      doc = { kind, id, spec, ...(environment === undefined ? {} : { environment }), ...step(doc), documentVersion: version + 1 };
    }
    return doc;
  }

  /** Reads a stored document of any version: an older one is migrated by its kind's steps; a newer one is an error. */
  function parseStoredDocument(raw: unknown): StoredDocumentResult<Doc> {
    const header = z.looseObject({ documentVersion: z.number(), kind: z.string(), id: z.string().optional() }).safeParse(raw);
    if (!header.success)
      return {
        success: false,
        error: `not a study document (${issuesOf(header.error)[0]?.path || 'root'}: ${issuesOf(header.error)[0]?.message})`,
      };
    const { documentVersion, kind } = header.data;
    const module = byKind.get(kind);
    if (!module) return { success: false, error: `unknown study kind "${kind}"` };
    try {
      if (documentVersion > DOCUMENT_VERSION)
        return { success: false, error: `a version-${documentVersion} document, newer than this engine's version ${DOCUMENT_VERSION}` };
      if (documentVersion < DOCUMENT_VERSION) {
        const current = migrate(module, raw as Record<string, unknown>, documentVersion);
        return { success: true, data: module.documentSchema.parse(current) as Doc, migratedFrom: documentVersion };
      }
      const parsed = module.documentSchema.safeParse(raw);
      if (parsed.success) return { success: true, data: parsed.data as Doc };
      return {
        success: false,
        error: issuesOf(parsed.error)
          .slice(0, 3)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; '),
      };
    } catch (e) {
      const detail =
        e instanceof z.ZodError
          ? issuesOf(e)
              .slice(0, 3)
              .map((i) => `${i.path}: ${i.message}`)
              .join('; ')
          : String(e);
      return { success: false, error: `a version-${documentVersion} ${kind} document that cannot be migrated (${detail})` };
    }
  }

  /** A kind's readings (src/studies/<kind>/readings.ts). */
  const readingsOf = (kind: Kind): object => moduleOf(kind).readings;
  /** What a one-line summary of a study needs (the kind's digest): its title, headline and badge. */
  const digestOf = (doc: Doc): unknown => moduleOf(kindOf(doc)).digest.of(doc);
  /** A stored digest of a kind, or null when it is not one (stored before digests, or corrupt). */
  function parseDigest(kind: string, raw: unknown): unknown {
    const parsed = byKind.get(kind)?.digest.schema.safeParse(raw);
    return parsed?.success ? parsed.data : null;
  }

  /** Runs a whole study in this process (CLI, tests). The Worker runs the same units through its queue. */
  async function runStudy(spec: Spec, options: RunStudyOptions = {}): Promise<Doc> {
    const units = planStudy(spec, options.groupSize ?? DEFAULT_GROUP_SIZE);
    // The work of every unit prepares its data: a spec that cannot train fails here, as in the API.
    estimateUnits(spec, units);
    const runsTotal = units.reduce((n, u) => n + u.seeds.length, 0);
    let runsDone = 0;
    const parts: StoredPart[] = [];
    for (const unit of units) {
      const outcome = await runStudyUnit(spec, unit, {
        switchBackend: options.switchBackend,
        onEpoch: (p) =>
          options.onProgress?.({ runsDone, runsTotal, fraction: (runsDone + (unit.seeds.length * p.epoch) / p.epochs) / runsTotal }),
      });
      parts.push({ unit, ...outcome });
      runsDone += unit.seeds.length;
      await options.onProgress?.({ runsDone, runsTotal, fraction: runsDone / runsTotal });
    }
    // The same path as the Worker's: parts validated by the kind, then combined.
    return combineStudy(spec, parts);
  }

  return {
    modules,
    kinds,
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
    digestOf,
    parseDigest,
    readingsOf,
    runStudy,
  };
}
