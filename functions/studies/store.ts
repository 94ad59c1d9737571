import { z } from 'zod';
import {
  DatasetDescription,
  parseStoredDocument,
  STUDY_STATUSES,
  type StudyDocument,
  type StudyKind,
  type StudySpec,
  type StudyUnit,
} from '../../src/index.ts';
import type { CursorSeal } from './cursors.ts';

/**
 * The KV layout, owned here and nowhere else: every other module (the API, the queue consumer, the
 * cron, the site's loader) reads and writes through these functions. Every mutable fact has its own
 * key, written by exactly one kind of writer, so concurrent consumers never overwrite each other's
 * work (KV has no transactions):
 *
 *   study:<id>                 StudyRecord, written once by POST
 *   result:<id>:<unit>         one finished unit's result (e.g. its runs), metadata { runs, fingerprints }
 *   failed:<id>:<unit>         a unit that failed for good: { error, attempts }
 *   corrupt:<id>:<unit>        a unit result that could not be read, moved aside (the unit trains again)
 *   attempts:<id>:<unit>       how many times a consumer started the unit
 *   enqueued:<id>:<unit>       when the unit was last sent to the queue (ms since epoch)
 *   running:<id>:<unit>        a consumer's heartbeat while it trains the unit (ms since epoch)
 *   doc:<id>                   the finished study document
 *   active:<id>                present while the study is unfinished (the cron scans these)
 *   list:<inverted ms>:<id>    the listing, newest first; metadata ListingMeta
 *   dataset:<id>               an uploaded table, canonical CSV, written once by POST /api/datasets
 *   dataset-info:<id>          its description (JSON), written after the table: present = complete
 *   uses:<dataset id>:<id>     empty: study <id> trains on the dataset (its page lists them)
 */
const keys = {
  study: (id: string) => `study:${id}`,
  result: (id: string, unit: number) => `result:${id}:${unit}`,
  resultPrefix: (id: string) => `result:${id}:`,
  failed: (id: string, unit: number) => `failed:${id}:${unit}`,
  failedPrefix: (id: string) => `failed:${id}:`,
  corrupt: (id: string, unit: number) => `corrupt:${id}:${unit}`,
  attempts: (id: string, unit: number) => `attempts:${id}:${unit}`,
  enqueued: (id: string, unit: number) => `enqueued:${id}:${unit}`,
  running: (id: string, unit: number) => `running:${id}:${unit}`,
  doc: (id: string) => `doc:${id}`,
  docPrefix: 'doc:',
  active: (id: string) => `active:${id}`,
  activePrefix: 'active:',
  listing: (createdAtMs: number, id: string) => `list:${String(9e15 - createdAtMs).padStart(16, '0')}:${id}`,
  listingPrefix: 'list:',
  dataset: (id: string) => `dataset:${id}`,
  datasetInfo: (id: string) => `dataset-info:${id}`,
  uses: (datasetId: string, studyId: string) => `uses:${datasetId}:${studyId}`,
  usesPrefix: (datasetId: string) => `uses:${datasetId}:`,
  importedRuns: (id: string) => `runs:${id}`,
};

/**
 * The parts of a Workers KV namespace the store uses, written out so that any KV binding fits:
 * the Worker's own, and the one wrangler's getPlatformProxy hands the site's build in Node.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  get<T>(key: string, type: 'json'): Promise<T | null>;
  /** A bulk get: up to 100 keys, one KV operation. */
  get(keys: string[], type: 'text'): Promise<Map<string, string | null>>;
  put(key: string, value: string, options?: { metadata?: unknown }): Promise<void>;
  delete(key: string): Promise<void>;
  list<M = unknown>(options: { prefix: string; limit?: number; cursor?: string }): Promise<KeyPage<M>>;
}
type KeyPage<M> = { keys: { name: string; metadata?: M }[] } & ({ list_complete: true } | { list_complete: false; cursor: string });

/** Written once when a study is created; everything that changes later lives in other keys. */
export interface StudyRecord {
  id: string;
  kind: StudyKind;
  /** Records written before listings held facts carry an English title; nothing reads it now. */
  title?: string;
  spec: StudySpec;
  createdAt: string;
  units: StudyUnit[];
  runsTotal: number;
}

const ListingHeader = {
  id: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  status: z.enum(STUDY_STATUSES),
};
/**
 * A listing entry's metadata: facts enough to list a study without reading its document, worded
 * per locale when read (functions/studies/listing.ts writes them within KV's 1,024 bytes).
 */
export const ListingFacts = z.object({
  v: z.literal(2),
  ...ListingHeader,
  /** The dataset's name (a kind that trains nothing has none). */
  dataset: z.string().optional(),
  /** The title the user wrote, cut short to fit (the whole title stays in the record's spec). */
  userTitle: z.string().optional(),
  /** The preset the spec is exactly. */
  preset: z.string().optional(),
  /** The kind's digest (the engine's digestOf), once the study has a document. */
  digest: z.unknown().optional(),
});
/** An entry written before listings held facts: English words frozen at the time (the pages read the document instead). */
const ListingWords = z.object({ ...ListingHeader, dataset: z.string(), title: z.string(), headline: z.string().optional() });
const ListingMeta = z.union([ListingFacts, ListingWords]);
export type ListingFacts = z.infer<typeof ListingFacts>;
export type ListingMeta = z.infer<typeof ListingMeta>;
/** Metadata that is not a listing entry (a corrupt value) is left out of every page, not passed on. */
const isListingMeta = (m: unknown): m is ListingMeta => ListingMeta.safeParse(m).success;

export interface UnitFailure {
  unit: number;
  error: string;
  attempts: number;
}

/** Every key under a prefix (KV pages at 1000). */
async function listAllKeys<M>(kv: KeyValueStore, prefix: string): Promise<{ name: string; metadata?: M }[]> {
  const out: { name: string; metadata?: M }[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list<M>({ prefix, cursor });
    out.push(...page.keys);
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out;
}

const unitOf = (key: string) => Number(key.split(':')[2]);

/** KV reads up to 100 keys in one bulk get, and counts it as one operation (of 1,000 per invocation). */
const KEYS_PER_BULK_GET = 100;

/** The values of many keys (null where absent), a bulk get per 100 keys. */
async function getMany(kv: KeyValueStore, names: string[]): Promise<(string | null)[]> {
  const values: (string | null)[] = [];
  for (let at = 0; at < names.length; at += KEYS_PER_BULK_GET) {
    const batch = names.slice(at, at + KEYS_PER_BULK_GET);
    const found = await kv.get(batch, 'text');
    for (const name of batch) values.push(found.get(name) ?? null);
  }
  return values;
}

// Datasets -----------------------------------------------------------------------------------

/**
 * Stores an uploaded table and its description. The description goes last: a dataset whose
 * description is readable is complete (a write stopped halfway is simply written again by the
 * next upload of the same table, whose id is the same).
 */
export async function putDataset(kv: KeyValueStore, canonicalCsv: string, description: DatasetDescription): Promise<void> {
  await kv.put(keys.dataset(description.id), canonicalCsv);
  await kv.put(keys.datasetInfo(description.id), JSON.stringify(description));
}

/** A dataset's description, or null when no complete dataset has this id (an unreadable one counts as absent: uploading it again repairs it). */
export async function readDatasetDescription(kv: KeyValueStore, id: string): Promise<DatasetDescription | null> {
  const raw = await kv.get(keys.datasetInfo(id));
  if (raw === null) return null;
  const parsed = DatasetDescription.safeParse(parseJson(raw));
  return parsed.success && parsed.data.id === id ? parsed.data : null;
}

/** A dataset's canonical table, or null. */
export async function readDatasetTable(kv: KeyValueStore, id: string): Promise<string | null> {
  if ((await readDatasetDescription(kv, id)) === null) return null;
  return kv.get(keys.dataset(id));
}

/** What a dataset's page shows of a study that trains on it, held in the `uses:` key's metadata (one list call reads them all). */
export interface DatasetUse {
  id: string;
  kind: string;
  createdAt: string;
}
const DatasetUse = z.object({ id: z.string(), kind: z.string(), createdAt: z.string() });

export async function markDatasetUse(kv: KeyValueStore, datasetId: string, use: DatasetUse): Promise<void> {
  await kv.put(keys.uses(datasetId, use.id), '', { metadata: use });
}

/** The studies that train on a dataset, at most `limit` (one KV list call), and whether there are more. */
export async function datasetUses(kv: KeyValueStore, datasetId: string, limit: number): Promise<{ studies: DatasetUse[]; more: boolean }> {
  const page = await kv.list<unknown>({ prefix: keys.usesPrefix(datasetId), limit });
  const studies = page.keys.flatMap((k) => {
    const use = DatasetUse.safeParse(k.metadata);
    return use.success ? [use.data] : [];
  });
  return { studies, more: !page.list_complete };
}

// Imported runs ------------------------------------------------------------------------------

/** Stores imported runs under their content address (canonical JSON, at most IMPORT_LIMITS.maxBytes): written once, never changed. */
export async function putImportedRuns(kv: KeyValueStore, id: string, canonicalJson: string): Promise<void> {
  await kv.put(keys.importedRuns(id), canonicalJson);
}

/** Imported runs as stored (canonical JSON), or null. */
export const readImportedRuns = (kv: KeyValueStore, id: string): Promise<string | null> => kv.get(keys.importedRuns(id));

// Studies ------------------------------------------------------------------------------------

/** Stores a new study: its record, its listing entry (queued) and its active marker. */
export async function createStudy(kv: KeyValueStore, record: StudyRecord, listing: ListingMeta): Promise<void> {
  await kv.put(keys.study(record.id), JSON.stringify(record));
  await kv.put(keys.listing(Date.parse(record.createdAt), record.id), '', { metadata: listing });
  await kv.put(keys.active(record.id), '');
}

export async function readRecord(kv: KeyValueStore, id: string): Promise<StudyRecord | null> {
  const raw = await kv.get(keys.study(id));
  if (raw === null) return null;
  const json = parseJson(raw);
  if (json === undefined) throw new CorruptStudyError(id, 'its record is not JSON (truncated or overwritten)');
  const record = StoredRecord.safeParse(json);
  if (!record.success)
    throw new CorruptStudyError(
      id,
      `its record is not valid (${record.error.issues[0]?.path.join('.') || 'root'}: ${record.error.issues[0]?.message})`,
    );
  if (record.data.id !== id) throw new CorruptStudyError(id, `its record names study ${record.data.id}`);
  return record.data as unknown as StudyRecord;
}

/** A study whose stored record or document cannot be read: the API answers with a JSON error naming it. */
export class CorruptStudyError extends Error {
  constructor(
    readonly studyId: string,
    readonly what: string,
  ) {
    super(`study ${studyId}: ${what}`);
    this.name = 'CorruptStudyError';
  }
}

/** A stored count or time; anything unreadable counts as 0 (never NaN, which compares false to everything). */
const finiteOrZero = (raw: string | null) => {
  const n = Number(raw ?? 0);
  return Number.isFinite(n) ? n : 0;
};

/** JSON.parse that gives undefined for text that is not JSON (a truncated value). */
function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * The record as stored: its shape is checked before anything trusts it. The spec was validated when
 * the study was created; here it only has to be an object with a kind (a unit that cannot run it
 * fails, bounded, like any other).
 */
const StoredRecord = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string().optional(),
    spec: z.looseObject({ kind: z.string() }),
    createdAt: z.string(),
    units: z.array(z.looseObject({ purpose: z.string(), seeds: z.array(z.number().int()) })),
    runsTotal: z.number().int(),
  })
  // A study of imported runs trains nothing: it alone has no units.
  .refine((r) => r.units.length > 0 || r.spec.kind === 'imported', {
    message: 'a study that trains has at least one unit',
    path: ['units'],
  });

/** Replaces a study's listing entry (its status changed). */
export async function putListing(kv: KeyValueStore, record: StudyRecord, listing: ListingMeta): Promise<void> {
  await kv.put(keys.listing(Date.parse(record.createdAt), record.id), '', { metadata: listing });
}

/** The most KV list calls one page may take while it skips entries a filter leaves out. */
const MAX_LIST_CALLS_PER_PAGE = 20;

/**
 * One page of the listing, newest first: up to `limit` entries that `accept` keeps. The cursor is
 * KV's, sealed by `cursors` (an HMAC), so a cursor this Worker never gave is refused (null) before
 * any read instead of quietly giving an empty page. A filter that keeps few entries may end a page
 * short, with a cursor to go on.
 */
export async function listingPage(
  kv: KeyValueStore,
  cursors: CursorSeal,
  limit: number,
  cursor?: string,
  accept: (entry: ListingMeta) => boolean = () => true,
) {
  let kvCursor = cursor === undefined ? undefined : await cursors.open(cursor);
  if (kvCursor === null) return null;
  const entries: ListingMeta[] = [];
  for (let calls = 0; calls < MAX_LIST_CALLS_PER_PAGE && entries.length < limit; calls++) {
    let page: KeyPage<unknown>;
    try {
      // Never more keys than the page still needs, so no entry is skipped past.
      page = await kv.list({ prefix: keys.listingPrefix, limit: limit - entries.length, cursor: kvCursor });
    } catch {
      return null; // KV refused the cursor (an expired one, in production)
    }
    for (const k of page.keys) if (isListingMeta(k.metadata) && accept(k.metadata)) entries.push(k.metadata);
    kvCursor = page.list_complete ? undefined : page.cursor;
    if (kvCursor === undefined) break;
  }
  return { entries, cursor: kvCursor === undefined ? null : await cursors.seal(kvCursor) };
}

/** The ids of studies that are not finished (the cron's work list). */
export async function activeStudyIds(kv: KeyValueStore): Promise<string[]> {
  return (await listAllKeys(kv, keys.activePrefix)).map((k) => k.name.slice(keys.activePrefix.length));
}

export async function markSettled(kv: KeyValueStore, id: string): Promise<void> {
  await kv.delete(keys.active(id));
}

// Documents ----------------------------------------------------------------------------------

export async function putDocument(kv: KeyValueStore, document: StudyDocument): Promise<void> {
  await kv.put(keys.doc(document.id), JSON.stringify(document));
}

/** A study's document, read and validated (a version-1 document is migrated); null when there is none. */
export async function readDocument(kv: KeyValueStore, id: string): Promise<{ document: StudyDocument } | { error: string } | null> {
  const raw = await kv.get(keys.doc(id));
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { error: `not JSON (${(e as Error).message})` };
  }
  const read = parseStoredDocument(json);
  if (!read.success) return { error: read.error };
  if (read.data.id !== id) return { error: `its id is ${read.data.id}` };
  return { document: read.data };
}

// Units --------------------------------------------------------------------------------------

/** Which units have a stored result, and which failed for good (with why). */
export async function readUnitOutcomes(kv: KeyValueStore, id: string): Promise<{ done: Set<number>; failures: UnitFailure[] }> {
  const done = new Set((await listAllKeys(kv, keys.resultPrefix(id))).map((k) => unitOf(k.name)));
  const failedKeys = (await listAllKeys(kv, keys.failedPrefix(id))).map((k) => k.name);
  const stored = await getMany(kv, failedKeys);
  const failures = failedKeys.map((name, i) => {
    const failure = StoredFailure.safeParse(parseJson(stored[i] ?? ''));
    return {
      unit: unitOf(name),
      ...(failure.success ? failure.data : { error: 'unknown (the stored failure cannot be read)', attempts: 0 }),
    };
  });
  return { done, failures };
}

export async function hasUnitOutcome(kv: KeyValueStore, id: string, unit: number): Promise<boolean> {
  return (await kv.get(keys.result(id, unit))) !== null || (await kv.get(keys.failed(id, unit))) !== null;
}

const StoredFailure = z.object({ error: z.string(), attempts: z.number() });

/**
 * The stored outcomes of `units`, in their order, a bulk get per 100 units; null where there is
 * none or the stored value is not JSON (truncated). Values stored before engine 0.3.0 are the bare
 * result; they are read as a result without an environment.
 */
export async function readUnitResults(
  kv: KeyValueStore,
  id: string,
  units: number[],
): Promise<({ result: unknown; environment?: unknown } | null)[]> {
  const values = (
    await getMany(
      kv,
      units.map((u) => keys.result(id, u)),
    )
  ).map((raw) => parseJson(raw ?? ''));
  return values.map((v) => {
    if (v === undefined || v === null) return null;
    return typeof v === 'object' && !Array.isArray(v) && 'result' in v && 'environment' in v
      ? { result: v.result, environment: v.environment }
      : { result: v };
  });
}

/**
 * A unit result that cannot be used: moved aside to `corrupt:<id>:<unit>` (kept for whoever
 * investigates) and removed, so the unit counts as missing and is trained again.
 */
export async function discardUnitResult(kv: KeyValueStore, id: string, unit: number): Promise<void> {
  const raw = await kv.get(keys.result(id, unit));
  if (raw !== null) await kv.put(keys.corrupt(id, unit), raw);
  await kv.delete(keys.result(id, unit));
  await kv.put(keys.enqueued(id, unit), '0'); // stale at once: the next repair sends it
}

/** Workers KV refuses a key whose metadata is over 1,024 bytes of JSON. */
export const KV_METADATA_BYTES = 1024;

/** The bytes a value takes as JSON, as KV counts its metadata. */
export const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * A unit result's metadata: its run count and the fingerprints of as many of its first runs as fit
 * KV's metadata limit (all of them for units of up to 52 runs; the result itself holds every one).
 */
export function unitResultMetadata(runs: number, fingerprints: string[]): { runs: number; fingerprints: string[] } {
  const kept = [...fingerprints];
  while (kept.length && jsonBytes({ runs, fingerprints: kept }) > KV_METADATA_BYTES) kept.pop();
  return { runs, fingerprints: kept };
}

/** A unit's outcome; fingerprints go into the key's metadata too, so a listing shows them without reads. */
export async function putUnitResult(
  kv: KeyValueStore,
  id: string,
  unit: number,
  outcome: { result: unknown; environment: unknown },
  metadata: { runs: number; fingerprints: string[] },
) {
  await kv.put(keys.result(id, unit), JSON.stringify(outcome), { metadata: unitResultMetadata(metadata.runs, metadata.fingerprints) });
}

export async function putUnitFailure(kv: KeyValueStore, id: string, unit: number, failure: { error: string; attempts: number }) {
  await kv.put(keys.failed(id, unit), JSON.stringify(failure));
}

/** Counts one more start of a unit and returns the count. */
export async function countUnitAttempt(kv: KeyValueStore, id: string, unit: number): Promise<number> {
  const attempts = finiteOrZero(await kv.get(keys.attempts(id, unit))) + 1;
  await kv.put(keys.attempts(id, unit), String(attempts));
  return attempts;
}

/**
 * When each of `units` was last sent to the queue or started (ms since epoch), a bulk get per 100:
 * `sentAtCreation` for a unit never sent again (creation writes no key per unit, so a study of any
 * size costs its creation a fixed number of writes).
 */
export async function readEnqueuedTimes(kv: KeyValueStore, id: string, units: number[], sentAtCreation: number): Promise<number[]> {
  return (
    await getMany(
      kv,
      units.map((u) => keys.enqueued(id, u)),
    )
  ).map((raw) => (raw === null ? sentAtCreation : finiteOrZero(raw)));
}

export async function markEnqueued(kv: KeyValueStore, id: string, unit: number, atMs: number): Promise<void> {
  await kv.put(keys.enqueued(id, unit), String(atMs));
}

/** When a consumer training the unit last said it is alive (ms since epoch; 0 if none is). */
export async function readHeartbeat(kv: KeyValueStore, id: string, unit: number): Promise<number> {
  return finiteOrZero(await kv.get(keys.running(id, unit)));
}

/** The heartbeats of `units` (0 where none), a bulk get per 100. */
export async function readHeartbeats(kv: KeyValueStore, id: string, units: number[]): Promise<number[]> {
  return (
    await getMany(
      kv,
      units.map((u) => keys.running(id, u)),
    )
  ).map(finiteOrZero);
}

export async function putHeartbeat(kv: KeyValueStore, id: string, unit: number, atMs: number): Promise<void> {
  await kv.put(keys.running(id, unit), String(atMs));
}

export async function clearHeartbeat(kv: KeyValueStore, id: string, unit: number): Promise<void> {
  await kv.delete(keys.running(id, unit));
}

/**
 * Opens failed units again (a retry): their failures, attempt counts and heartbeats are removed,
 * the partial document with them (only a complete document is final), and the study is active
 * again. The caller sends the units.
 */
export async function reopenUnits(kv: KeyValueStore, id: string, units: number[]): Promise<void> {
  for (const u of units) {
    await kv.delete(keys.failed(id, u));
    await kv.delete(keys.attempts(id, u));
    await kv.delete(keys.running(id, u));
  }
  await kv.delete(keys.doc(id));
  await kv.put(keys.active(id), '');
}
