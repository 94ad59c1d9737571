import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  headlineOfFacts,
  isStudyKind,
  pendingStudyTitle,
  plainText,
  publicOrigin,
  siteUrl,
  studyTitle,
  titleOf,
} from '../../site/src/presentation/index.ts';
import {
  bringsRuns,
  canonicalJson,
  DATASET_LIMITS,
  type DatasetDescription,
  DatasetError,
  DOCUMENT_VERSION,
  datasetNameOf,
  describeDataset,
  ENGINE_VERSION,
  IMPORT_LIMITS,
  IMPORTED_RUN_COLUMNS,
  importedRunRows,
  importedRunsCsv,
  isImportedSpec,
  PRESETS,
  parseStudyRequest,
  parseStudySpec,
  planLimitsOf,
  planWithinLimits,
  RunsCsvError,
  readDatasetCsv,
  readImportRequest,
  readRunsCsv,
  readStoredRuns,
  runColumnsOf,
  runTableColumns,
  SpecError,
  type SpecOfKind,
  StudyTooLongError,
  specIssues,
  studyId,
  type UploadedDataset,
  uploadedDatasetIds,
  usingImportedRuns,
} from '../../src/index.ts';
import { withEngine } from '../engineBackends.ts';
import type { SeedlabEnv } from '../env.ts';
import { oembed } from '../site/oembed.ts';
import { cursorSeal } from '../studies/cursors.ts';
import { recoverStalledUnits } from '../studies/scheduler.ts';
import {
  CorruptStudyError,
  type ListingMeta,
  listingPage,
  markDatasetUse,
  putDataset,
  putImportedRuns,
  readDatasetDescription,
  readDatasetTable,
  readImportedRuns,
  readRecord,
} from '../studies/store.ts';
import { withStudyData } from '../studies/studyData.ts';
import { RUNS_PER_PAGE, runsCsv, runsOfSeed, runsPage } from '../studies/studyRuns.ts';
import { finalizeIfComplete, newStudyRecord, readStudyState, type StudyState } from '../studies/studyState.ts';
import { exactRunsDone, studyObject } from '../studies/unitCounts.ts';
import { requireToken } from './auth.ts';
import { methodsByPath, openApiDocument, routes } from './contract.ts';
import { apiError, invalid, shortened } from './errors.ts';

/** Largest accepted request body. A spec is well under 4 KB; 64 KB leaves room for long seed lists and notes. */
const MAX_BODY_BYTES = 64 * 1024;

type Env = { Bindings: SeedlabEnv; Variables: { body: unknown; bodyBytes: number } };

/**
 * Every route of the contract (contract.ts) answers here. What the contract's schemas refuse is
 * answered as the README's table says: a path id of another shape is a 404, a bad query a 400
 * naming the fields.
 */
export const app = new OpenAPIHono<Env>({
  defaultHook: (result, c) => {
    if (result.success) return;
    if (result.target === 'param' && c.req.param('ref') !== undefined) {
      return apiError(c, 404, `no dataset "${shortened(c.req.param('ref') ?? '')}" (ids are 20 hex digits; add .csv for the table)`);
    }
    if (result.target === 'param') {
      const id = c.req.param('id') ?? '';
      return apiError(c, 404, `no study "${shortened(id)}" (ids are 20 hex digits)`);
    }
    return invalid(c, specIssues(result.error), `invalid ${result.target}`);
  },
});

const round = (x: number) => Math.round(x * 10) / 10;

function statusBody(c: Context<Env>, state: StudyState) {
  const { record } = state;
  // Absolute links name the public origin: SITE_URL when set (a custom domain, a static export), else this request's.
  const origin = publicOrigin(new URL(c.req.url), c.env.SITE_URL);
  const page = (name: 'report' | 'embed') => siteUrl(origin, { page: name, locale: 'en', id: record.id });
  return {
    id: record.id,
    status: state.status,
    kind: record.kind,
    title: plainText((state.document ? studyTitle(state.document, 'en') : pendingStudyTitle(record.spec, 'en')).text),
    createdAt: record.createdAt,
    progress: { runsDone: state.runsDone, runsTotal: record.runsTotal },
    ...(state.failures.length ? { failures: state.failures } : {}),
    links: { self: `${origin}/api/studies/${record.id}`, report: page('report'), embed: page('embed') },
    ...(state.document ? { document: state.document } : {}),
  };
}

/**
 * A listing entry as the API lists it: its facts, with its title and headline worded in English
 * (an entry written before listings held facts already holds English words).
 */
function listedInEnglish(entry: ListingMeta) {
  if (!('v' in entry)) return entry;
  const { v: _v, userTitle, preset, digest, ...header } = entry;
  if (!isStudyKind(entry.kind)) return { ...header, title: entry.kind };
  const facts = { ...header, kind: entry.kind, title: userTitle, preset, digest };
  const headline = headlineOfFacts(facts, 'en');
  return { ...header, title: plainText(titleOf(facts, 'en').text), ...(headline ? { headline: plainText(headline) } : {}) };
}

/**
 * The body of a write, in the contract's order after the size limit: JSON media type (415), then
 * strict UTF-8 and JSON syntax (400). The parsed value goes on to the spec's own parser.
 */
const jsonBody: MiddlewareHandler<Env> = async (c, next) => {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    return apiError(c, 415, 'send the study spec as JSON, with Content-Type: application/json');
  }
  let text: string;
  try {
    const bytes = await c.req.arrayBuffer();
    c.set('bodyBytes', bytes.byteLength);
    // Strict UTF-8: invalid bytes are an error, not quietly replaced by U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return invalid(c, [{ path: '', message: 'the body is not valid UTF-8' }], 'the request body is not valid UTF-8');
  }
  try {
    c.set('body', JSON.parse(text));
  } catch (e) {
    // Python's json.dumps writes NaN and Infinity, which JSON has no words for: say so, not only where.
    const nonFinite = /(?<![\w".])-?(NaN|Infinity)(?![\w"])/.test(text)
      ? ' NaN and Infinity are not JSON numbers: every run’s value must be finite (in Python, json.dumps(..., allow_nan=False) finds them)'
      : '';
    return invalid(c, [{ path: '', message: `${(e as Error).message}${nonFinite}` }], 'the request body is not valid JSON');
  }
  // Only a study that brings its runs may be larger than a spec (its own limit, IMPORT_LIMITS.maxBytes).
  if (c.get('bodyBytes') > MAX_BODY_BYTES && !bringsRuns(c.get('body')))
    return apiError(c, 413, `the request body is larger than ${MAX_BODY_BYTES} bytes`);
  await next();
};
/** A study request: a spec within MAX_BODY_BYTES, or a study that brings its runs within IMPORT_LIMITS.maxBytes (jsonBody tells them apart). */
const studySizeLimit = bodyLimit({
  maxSize: IMPORT_LIMITS.maxBytes,
  onError: (c) =>
    apiError(c, 413, `the request body is larger than ${IMPORT_LIMITS.maxBytes} bytes, the most a study that brings its runs may send`, {
      limit: IMPORT_LIMITS,
    }),
});

app.openapi(routes.health, (c) => c.json({ ok: true as const, engine: ENGINE_VERSION, documentVersion: DOCUMENT_VERSION }, 200));

app.openapi(routes.presets, (c) =>
  c.json({ presets: PRESETS.map((p) => ({ name: p.name, description: p.description, spec: parseStudySpec(p.spec) })) }, 200),
);

app.openapi(routes.openapi, (c) => c.json(openApiDocument(), 200));

app.openapi(routes.listStudies, async (c) => {
  const query = c.req.valid('query');
  const page = await listingPage(c.env.STUDIES, cursorSeal(c.env.SEEDLAB_TOKEN), query.limit, query.cursor);
  if (!page)
    return invalid(
      c,
      [{ path: 'cursor', message: 'not a cursor this API gave (pass the `cursor` of the previous page)' }],
      'invalid query',
    );
  const origin = publicOrigin(new URL(c.req.url), c.env.SITE_URL);
  return c.json(
    {
      studies: page.entries.map((entry) => ({
        ...listedInEnglish(entry),
        links: { self: `${origin}/api/studies/${entry.id}` },
      })),
      cursor: page.cursor,
    },
    200,
  );
});

type Planned = { spec: ReturnType<typeof parseStudyRequest>; id: string; runs: ImportedRunsRead | null } & ReturnType<
  typeof planWithinLimits
>;
type ImportedRunsRead = Awaited<ReturnType<typeof readImportRequest>>;

/**
 * A study as POST /api/studies and POST /api/estimate read it: the spec parsed, its uploaded tables
 * handed to the engine, its units planned within the Worker's limits and its id; or the answer why
 * not (400 naming the fields, 422 with the estimate when it cannot fit).
 */
async function plannedStudy(c: Context<Env>, request: unknown = c.get('body')): Promise<{ planned: Planned } | { answer: Response }> {
  try {
    // A study that brings its runs: read and canonicalized, then planned with them handed over (nothing to train).
    const runs = bringsRuns(request) ? await readImportRequest(request) : null;
    const spec = parseStudyRequest(runs ? runs.spec : request);
    // Units sized so each fits a quarter of the CPU limit at the time model's upper bound.
    const plan = await usingImportedRuns(runs ? [runs] : [], () =>
      withStudyData(c.env.STUDIES, spec, async () => planWithinLimits(spec, planLimitsOf(c.env))),
    );
    return { planned: { spec, ...plan, id: await studyId(spec), runs } };
  } catch (e) {
    if (e instanceof RunsCsvError) return { answer: runsCsvRefusal(c, e) };
    if (e instanceof SpecError) return { answer: invalid(c, e.issues) };
    if (e instanceof StudyTooLongError) {
      const upper = e.units.map((u) => u.upper);
      return {
        answer: apiError(c, 422, `the study cannot fit: ${e.message}`, {
          estimate: {
            over: e.what,
            seconds: round(e.seconds),
            limitSeconds: e.limitSeconds,
            units: upper.length,
            largestUnitSeconds: round(Math.max(...upper)),
            totalSeconds: round(upper.reduce((a, b) => a + b, 0)),
          },
        }),
      };
    }
    throw e;
  }
}

app.openapi({ ...routes.estimate, middleware: [studySizeLimit, jsonBody] }, async (c) => {
  const read = await plannedStudy(c);
  if ('answer' in read) return read.answer as never;
  const { spec, units, seconds, id } = read.planned;
  const upper = seconds.map((u) => u.upper);
  const origin = publicOrigin(new URL(c.req.url), c.env.SITE_URL);
  return c.json(
    {
      id,
      kind: spec.kind,
      exists: (await readRecord(c.env.STUDIES, id).catch(() => null)) !== null,
      // Imported runs train nothing: their runs are counted, at no time.
      runsTotal: newStudyRecord(id, spec, units, new Date()).runsTotal,
      units: units.length,
      largestUnitSeconds: round(Math.max(0, ...upper)),
      totalSeconds: round(upper.reduce((a, b) => a + b, 0)),
      limitSeconds: planLimitsOf(c.env).studySecondsLimit,
      links: { study: `${origin}/api/studies/${id}`, report: siteUrl(origin, { page: 'report', locale: 'en', id }) },
    },
    200,
  );
});

/**
 * A study of imported runs, created and measured at once: its runs stored under their content
 * address, the study created once (the Durable Object decides, as for any study), and its document
 * combined from the runs (finalize, which any status read repeats if this request stops halfway).
 */
async function createImportedStudy(c: Context<Env>, planned: Planned) {
  const { spec, units, id, runs } = planned;
  return usingImportedRuns(runs ? [runs] : [], async () => {
    const existing = await finalizeIfComplete(c.env, id);
    if (existing) return c.json(statusBody(c, existing), 200);
    // A spec that names stored runs (not bringing them) found them stored when it was planned.
    if (runs) await putImportedRuns(c.env.STUDIES, runs.id, canonicalJson(runs.runs));
    const { created } = await studyObject(c.env, id).create(newStudyRecord(id, spec, units, new Date()));
    const state = await finalizeIfComplete(c.env, id);
    if (!state) throw new Error(`study ${id} was created but cannot be read`);
    return c.json(statusBody(c, state), created ? 201 : 200);
  });
}

app.openapi({ ...routes.submitStudy, middleware: [requireToken, studySizeLimit, jsonBody] }, async (c) => {
  const read = await plannedStudy(c);
  if ('answer' in read) return read.answer as never;
  const { spec, units, id } = read.planned;
  if (isImportedSpec(spec)) return (await createImportedStudy(c, read.planned)) as never;
  const existing = await readStudyState(c.env, id);
  if (existing) return c.json(statusBody(c, existing), 200);

  try {
    await withEngine(spec.backend, async () => undefined);
  } catch (e) {
    return apiError(c, 503, `the ${spec.backend} backend failed to start: ${(e as Error).message}`);
  }

  // Created once, however many identical requests race: the study's own Durable Object decides.
  const { created, record } = await studyObject(c.env, id).create(newStudyRecord(id, spec, units, new Date()));
  // Each uploaded table lists the studies that train on it (written again by a repeated request: harmless).
  for (const datasetId of uploadedDatasetIds(spec))
    await markDatasetUse(c.env.STUDIES, datasetId, { id, kind: spec.kind, createdAt: record.createdAt });
  if (!created) {
    const state = await readStudyState(c.env, id);
    if (state) return c.json(statusBody(c, state), 200);
  }
  return c.json(
    statusBody(c, { record, status: 'queued', runsDone: 0, doneUnits: new Set(), failures: [], document: null }),
    created ? 202 : 200,
  );
});

app.openapi(routes.getStudy, async (c) => {
  const { id } = c.req.valid('param');
  // Reading also repairs: finalize a study whose last unit just landed, re-send lost units.
  const state = await finalizeIfComplete(c.env, id);
  if (!state) return apiError(c, 404, `no study "${id}"`);
  await recoverStalledUnits(c.env, state);
  return c.json(statusBody(c, { ...state, runsDone: await exactRunsDone(c.env, state) }), 200);
});

app.openapi({ ...routes.retryStudy, middleware: [requireToken] }, async (c) => {
  const { id } = c.req.valid('param');
  // One retry at a time, however many race: the study's own Durable Object decides, as for creation.
  const answer = await studyObject(c.env, id).retry(id);
  switch (answer.outcome) {
    case 'missing':
      return apiError(c, 404, `no study "${id}"`);
    case 'corrupt':
      throw new CorruptStudyError(id, answer.what);
    case 'refused':
      if (answer.retryAfterSeconds !== undefined) c.header('Retry-After', String(answer.retryAfterSeconds));
      return apiError(c, 409, answer.reason, { status: answer.status });
  }
  const reopened = await readStudyState(c.env, id);
  if (!reopened) return apiError(c, 404, `no study "${id}"`);
  return c.json(statusBody(c, reopened), 202);
});

/**
 * A settled study's runs and columns, or the answer why there are none: no study (404), a kind
 * whose units keep no per-run results (404), or a study not settled yet (409 with its status).
 */
async function settledRuns(c: Context<Env>, id: string) {
  const state = await readStudyState(c.env, id);
  if (!state) return { answer: apiError(c, 404, `no study "${id}"`) };
  if (isImportedSpec(state.record.spec)) return { answer: null, imported: state.record.spec };
  const columns = runColumnsOf(state.record.spec);
  if (!columns)
    return { answer: apiError(c, 404, `a ${state.record.kind} study keeps no per-run results (its units compare runs inside one unit)`) };
  if (!state.document)
    return { answer: apiError(c, 409, `study ${id} is ${state.status}: its runs are served once it is done`, { status: state.status }) };
  return { state, columns };
}

/** Every run of a study of imported runs, from its stored runs (one KV read; at most 100,000 rows). */
async function importedRows(c: Context<Env>, spec: SpecOfKind<'imported'>) {
  const text = await readImportedRuns(c.env.STUDIES, spec.runs.id);
  if (text === null) throw new CorruptStudyError(c.req.param('id') ?? '', `its runs ${spec.runs.id} are not stored`);
  return importedRunRows(spec, await readStoredRuns(text, spec));
}

/** A page of an imported study's runs: the cursor is the row the page starts at. */
async function importedRunsPage(c: Context<Env>, spec: SpecOfKind<'imported'>, query: { cursor?: number; limit: number; seed?: number }) {
  const rows = await importedRows(c, spec);
  const from = query.cursor ?? 0;
  if (from > 0 && from >= rows.length)
    return invalid(c, [{ path: 'cursor', message: `no row ${from}: a cursor is the \`next\` of a page` }], 'invalid query');
  const origin = publicOrigin(new URL(c.req.url), c.env.SITE_URL);
  const self = `${origin}/api/studies/${c.req.param('id')}`;
  const page = query.seed === undefined ? rows.slice(from, from + query.limit) : rows.filter((r) => r.seed === query.seed);
  const next = query.seed === undefined && from + query.limit < rows.length ? from + query.limit : null;
  return c.json({
    id: c.req.param('id'),
    kind: 'imported',
    columns: [...IMPORTED_RUN_COLUMNS],
    runs: page,
    next,
    links: {
      csv: `${self}/runs.csv`,
      next: next === null ? null : `${self}/runs?cursor=${next}${query.limit === RUNS_PER_PAGE ? '' : `&limit=${query.limit}`}`,
    },
  });
}

app.openapi(routes.studyRuns, async (c) => {
  const { id } = c.req.valid('param');
  const query = c.req.valid('query');
  const read = await settledRuns(c, id);
  if (read.imported) return importedRunsPage(c, read.imported, query) as never;
  if (!read.state) return read.answer;
  const { state, columns } = read;
  if (query.cursor !== undefined && query.cursor >= state.record.units.length)
    return invalid(c, [{ path: 'cursor', message: `no unit ${query.cursor}: a cursor is the \`next\` of a page` }], 'invalid query');
  const origin = publicOrigin(new URL(c.req.url), c.env.SITE_URL);
  const self = `${origin}/api/studies/${id}/runs`;
  const page =
    query.seed === undefined
      ? await runsPage(c.env, state, columns, query.cursor ?? 0, query.limit)
      : { columns: runTableColumns(columns), runs: await runsOfSeed(c.env, state, columns, query.seed), next: null };
  const next = page.next === null ? null : `${self}?cursor=${page.next}${query.limit === RUNS_PER_PAGE ? '' : `&limit=${query.limit}`}`;
  return c.json(
    { id, kind: state.record.kind, columns: page.columns, runs: page.runs, next: page.next, links: { csv: `${self}.csv`, next } },
    200,
  );
});

app.openapi(routes.studyRunsCsv, async (c) => {
  const { id } = c.req.valid('param');
  const read = await settledRuns(c, id);
  if (read.imported) {
    const rows = await importedRows(c, read.imported);
    return c.body(importedRunsCsv(rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="seedlab-${id}-runs.csv"`,
    });
  }
  if (!read.state) return read.answer;
  return c.body(runsCsv(c.env, read.state, read.columns), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="seedlab-${id}-runs.csv"`,
  });
});

/** A table's body: CSV media type (415), then strict UTF-8 (400); the engine's reader does the rest. */
const csvBody: MiddlewareHandler<Env> = async (c, next) => {
  if (!/^text\/csv\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    return apiError(c, 415, 'send the table as CSV, with Content-Type: text/csv');
  }
  try {
    c.set('body', new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(await c.req.arrayBuffer()));
  } catch {
    return invalid(c, [{ path: 'body', message: 'the table is not valid UTF-8 (save it as UTF-8 CSV)' }], 'the table is not valid UTF-8');
  }
  await next();
};
const csvSizeLimit = bodyLimit({
  maxSize: DATASET_LIMITS.maxBytes,
  onError: (c) =>
    apiError(c, 413, `the table is larger than ${DATASET_LIMITS.maxBytes} bytes (5 MB), the limit`, { limit: DATASET_LIMITS }),
});

function datasetBody(c: Context<Env>, description: DatasetDescription) {
  const origin = publicOrigin(new URL(c.req.url), c.env.SITE_URL);
  const self = `${origin}/api/datasets/${description.id}`;
  return {
    ...description,
    links: { self, csv: `${self}.csv`, page: siteUrl(origin, { page: 'dataset', locale: 'en', dataset: description.id }) },
  };
}

/** A table (or its name) that cannot be read: 413 over a limit, else 400; the row and column it names, and the field at fault. */
function datasetRefusal(c: Context<Env>, e: DatasetError) {
  const where = { ...(e.row !== undefined ? { row: e.row } : {}), ...(e.column !== undefined ? { column: e.column } : {}) };
  if (e.tooLarge) return apiError(c, 413, e.message, { ...where, limit: DATASET_LIMITS });
  return apiError(c, 400, e.message, { ...where, issues: [{ path: e.field, message: e.message }] });
}

app.openapi({ ...routes.uploadDataset, middleware: [requireToken, csvSizeLimit, csvBody] }, async (c) => {
  const query = c.req.valid('query');
  let name: string | null;
  let dataset: UploadedDataset;
  try {
    name = datasetNameOf(query.name);
    dataset = await readDatasetCsv(c.get('body') as string, query.label);
  } catch (e) {
    if (e instanceof DatasetError) return datasetRefusal(c, e) as never;
    throw e;
  }
  const stored = await readDatasetDescription(c.env.STUDIES, dataset.id);
  if (stored) return c.json(datasetBody(c, stored), 200);
  const description = describeDataset(dataset, name);
  await putDataset(c.env.STUDIES, dataset.canonicalCsv, description);
  return c.json(datasetBody(c, description), 201);
});

/** A runs table that cannot be read: a 400 naming the query field or the body, with its row and column. */
function runsCsvRefusal(c: Context<Env>, e: RunsCsvError) {
  const where = { ...(e.row !== undefined ? { row: e.row } : {}), ...(e.column !== undefined ? { column: e.column } : {}) };
  return apiError(c, 400, e.issues[0]?.message ?? e.message, { ...where, issues: e.issues });
}

const importSizeLimit = bodyLimit({
  maxSize: IMPORT_LIMITS.maxBytes,
  onError: (c) =>
    apiError(c, 413, `the runs table is larger than ${IMPORT_LIMITS.maxBytes} bytes (5 MB), the limit`, { limit: IMPORT_LIMITS }),
});

app.openapi({ ...routes.importRuns, middleware: [requireToken, importSizeLimit, csvBody] }, async (c) => {
  const query = c.req.valid('query');
  let request: Record<string, unknown>;
  try {
    request = readRunsCsv(c.get('body') as string, query);
  } catch (e) {
    if (e instanceof RunsCsvError) return runsCsvRefusal(c, e) as never;
    throw e;
  }
  const read = await plannedStudy(c, request);
  if ('answer' in read) return read.answer as never;
  return (await createImportedStudy(c, read.planned)) as never;
});

/** Content-addressed: a dataset's table and description never change, so caches may keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

app.openapi(routes.getDataset, async (c) => {
  const { ref } = c.req.valid('param');
  const id = ref.replace(/\.csv$/, '');
  if (ref.endsWith('.csv')) {
    const table = await readDatasetTable(c.env.STUDIES, id);
    if (table === null) return apiError(c, 404, `no dataset "${id}"`);
    return c.body(table, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `inline; filename="seedlab-dataset-${id}.csv"`,
      'cache-control': IMMUTABLE,
    });
  }
  const description = await readDatasetDescription(c.env.STUDIES, id);
  if (!description) return apiError(c, 404, `no dataset "${id}"`);
  c.header('cache-control', IMMUTABLE);
  return c.json(datasetBody(c, description), 200);
});

app.openapi(routes.oembed, (c) => oembed(c));

// Any other method on a route's path: a 405 naming the methods it takes.
for (const [path, methods] of methodsByPath()) {
  app.all(path, (c) => {
    c.header('Allow', [...methods, 'HEAD'].join(', '));
    return apiError(c, 405, `${c.req.method} is not allowed on ${path}; use ${methods.join(' or ')}`);
  });
}
app.notFound((c) => apiError(c, 404, `no route for ${c.req.method} ${shortened(new URL(c.req.url).pathname)}`));
app.onError((err, c) => {
  console.error(err);
  // Stored state that cannot be read is not the request's fault: a 500 that says which study and why.
  if (err instanceof CorruptStudyError) return apiError(c, 500, err.message, { study: err.studyId });
  return apiError(c, 500, 'internal error');
});
