// The pages' one loader: what a page about a study shows, read from KV through the store's reading
// functions (which own the key layout, validate documents and migrate old versions). Pages format
// what it returns; they decide nothing.
import { env } from 'cloudflare:workers';
import {
  CorruptStudyError,
  cursorSeal,
  type DatasetUse,
  datasetUses,
  exactRunsDone,
  type ListingMeta,
  listingPage,
  readDatasetDescription,
  readDocument,
  readRecord,
  readStudyState,
  type StudyFailure,
} from '../../../functions/forPages.ts';
import {
  type DatasetDescription,
  findPreset,
  isDatasetId,
  parseStudySpec,
  STUDY_ID,
  STUDY_KINDS,
  type StudyDocument,
  type StudyKind,
  type StudySpec,
  studyId,
  uploadedDatasetIds,
} from '../../../src/index.ts';
import { factsOf, isStudyKind, type StudyFacts } from '../presentation/index.ts';

interface StudyRuns {
  id: string;
  spec: StudySpec;
  createdAt: string;
  runsDone: number;
  runsTotal: number;
}

/** A study page's subject, in each state it can be in. */
export type StudyPage =
  | { state: 'missing'; id: string }
  | { state: 'unreadable'; id: string; error: string }
  | ({ state: 'pending'; status: 'queued' | 'running'; overdue: boolean } & StudyRuns)
  | ({ state: 'failed'; failures: StudyFailure[] } & StudyRuns)
  | { state: 'report'; id: string; doc: StudyDocument; createdAt: string; final: boolean };

/**
 * A study longer unfinished than twice the longest study allowed is stuck (the repair re-sends its
 * units every minute): its page stops refreshing itself and says so, so no page refreshes for ever.
 */
const overdueAfterMs = () => 2 * Number(env.STUDY_SECONDS) * 1000;

export async function loadStudyPage(id: string | undefined, now = Date.now()): Promise<StudyPage> {
  if (!id || !STUDY_ID.test(id)) return { state: 'missing', id: id ?? '' };
  let state: Awaited<ReturnType<typeof readStudyState>>;
  try {
    state = await readStudyState(env, id);
  } catch (e) {
    if (e instanceof CorruptStudyError) return { state: 'unreadable', id, error: e.what };
    throw e;
  }
  if (!state) return { state: 'missing', id };
  const { record } = state;
  if (state.document) return { state: 'report', id, doc: state.document, createdAt: record.createdAt, final: state.status === 'done' };
  const runsDone = await exactRunsDone(env, state);
  const runs: StudyRuns = { id, spec: record.spec, createdAt: record.createdAt, runsDone, runsTotal: record.runsTotal };
  if (state.status === 'failed') return { state: 'failed', failures: state.failures, ...runs };
  const overdue = now - Date.parse(record.createdAt) > overdueAfterMs();
  return { state: 'pending', status: state.status === 'running' ? 'running' : 'queued', overdue, ...runs };
}

/** One entry of the index: a settled study's listing facts, to be worded per locale. */
interface IndexEntry {
  meta: ListingMeta;
  facts: StudyFacts;
}

const INDEX_PAGE_SIZE = 20;
const SETTLED = new Set(['done', 'partial', 'failed']);

/** The index's kind filter: one kind, or every kind ("all" in its path). */
type KindFilter = StudyKind | 'all';
const isKindFilter = (s: string | undefined): s is KindFilter => s === 'all' || (STUDY_KINDS as readonly string[]).includes(s ?? '');

export interface IndexPage {
  kind: KindFilter;
  entries: IndexEntry[];
  /** The next page's cursor, or null on the last page. */
  cursor: string | null;
}

/**
 * A page of the index (/, /kinds/<kind>/, /kinds/<kind>/<cursor>/): settled studies (done, partial,
 * failed), newest first, of one kind or all. Null for a kind or cursor the site never gave. Studies
 * still running are reached by the links their API answers give.
 */
export async function loadIndexPage(kind: string | undefined = 'all', cursor?: string): Promise<IndexPage | null> {
  if (!isKindFilter(kind)) return null;
  const page = await listingPage(
    env.STUDIES,
    cursorSeal(env.SEEDLAB_TOKEN),
    INDEX_PAGE_SIZE,
    cursor,
    (m) => SETTLED.has(m.status) && (kind === 'all' || m.kind === kind),
  );
  if (!page) return null;
  const entries = await Promise.all(page.entries.map(indexEntry));
  return { kind, entries: entries.filter((e) => e !== null), cursor: page.cursor };
}

/**
 * The facts an entry is worded from: the listing's own (no read), or, for an entry written before
 * listings held facts, its document's (or, without one, its record's spec).
 */
async function indexEntry(meta: ListingMeta): Promise<IndexEntry | null> {
  if (!isStudyKind(meta.kind)) return null;
  if ('v' in meta) {
    const { userTitle, preset, digest } = meta;
    return { meta, facts: { kind: meta.kind, dataset: meta.dataset, title: userTitle, preset, digest } };
  }
  const read = meta.status === 'failed' ? null : await readDocument(env.STUDIES, meta.id).catch(() => null);
  if (read && 'document' in read) return { meta, facts: factsOf(read.document) };
  // A document that cannot be read is listed from its record; its page says what is wrong.
  const record = await readRecord(env.STUDIES, meta.id).catch(() => null);
  const title = record?.spec.title;
  return { meta, facts: { kind: meta.kind, dataset: meta.dataset, ...(title ? { title } : {}) } };
}

/** The stored document of a preset, found by its content-addressed id (the same id the API gives it). */
export async function loadPresetDocument(name: string): Promise<{ id: string; doc: StudyDocument | null }> {
  const preset = findPreset(name);
  if (!preset) throw new Error(`unknown preset ${name}`);
  const id = await studyId(parseStudySpec(preset.spec));
  const read = await readDocument(env.STUDIES, id).catch(() => null);
  return { id, doc: read && 'document' in read ? read.document : null };
}

/**
 * An uploaded dataset's page: its description and the studies that train on it (KV lists the first
 * 50 in id order; shown newest first).
 */
export type DatasetPage =
  | { state: 'missing'; id: string }
  | { state: 'dataset'; description: DatasetDescription; studies: DatasetUse[]; more: boolean };

const DATASET_STUDIES_SHOWN = 50;

export async function loadDatasetPage(id: string | undefined): Promise<DatasetPage> {
  if (!id || !isDatasetId(id)) return { state: 'missing', id: id ?? '' };
  const description = await readDatasetDescription(env.STUDIES, id);
  if (!description) return { state: 'missing', id };
  const { studies, more } = await datasetUses(env.STUDIES, id, DATASET_STUDIES_SHOWN);
  const newestFirst = [...studies].sort((x, y) => y.createdAt.localeCompare(x.createdAt));
  return { state: 'dataset', description, studies: newestFirst, more };
}

/** The uploaded tables a study trains on, described for its report's dataset card (none for built-in data: no read). */
export async function loadStudyDatasets(spec: StudySpec): Promise<DatasetDescription[]> {
  const found = await Promise.all(uploadedDatasetIds(spec).map((id) => readDatasetDescription(env.STUDIES, id)));
  return found.filter((d): d is DatasetDescription => d !== null);
}

/** Where the study form starts: a report's spec (`?from=<id>`), a preset (`?preset=`), or the default preset, on an uploaded table (`?dataset=<id>`). */
export interface NewStudyStart {
  spec: StudySpec;
  from: string | null;
  preset: string | null;
}

const DEFAULT_FORM_PRESET = 'iris-small';

export async function loadNewStudyStart(query: URLSearchParams): Promise<NewStudyStart> {
  const from = query.get('from');
  if (from && STUDY_ID.test(from)) {
    const record = await readRecord(env.STUDIES, from).catch(() => null);
    if (record) return { spec: record.spec, from, preset: null };
  }
  const named = findPreset(query.get('preset') ?? '') ?? (findPreset(DEFAULT_FORM_PRESET) as NonNullable<ReturnType<typeof findPreset>>);
  const dataset = query.get('dataset');
  const spec = parseStudySpec(named.spec);
  if (dataset && isDatasetId(dataset) && 'dataset' in spec)
    return { spec: { ...spec, dataset: { name: 'upload', id: dataset } } as StudySpec, from: null, preset: null };
  return { spec, from: null, preset: named.name };
}
