import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import {
  DATASET_ID_PATTERN,
  DatasetDescription,
  DOCUMENT_VERSION,
  ENGINE_VERSION,
  ImportRequest,
  METRIC_UNITS,
  PresetRequest,
  STUDY_ID_PATTERN,
  STUDY_KINDS,
  STUDY_STATUSES,
  StudyDocument,
  StudySpec,
} from '../../src/index.ts';

/**
 * The HTTP contract, once: every route with its request and response schemas (@hono/zod-openapi's
 * createRoute). The handlers (app.ts), the 405 answers and the OpenAPI description are all made
 * from these definitions; the request and document schemas are the engine's own.
 */

// Named once here, so the description refers to them (and the request body can name them). The
// engine's schemas are wrapped, not extended: zod 4 gives each schema its methods when it is made,
// and the engine's are made before @hono/zod-openapi adds `.openapi` wherever the bundle puts it first.
const Spec = z.lazy(() => StudySpec).openapi('StudySpec');
const Document = z.lazy(() => StudyDocument).openapi('StudyDocument');
const Preset = z.lazy(() => PresetRequest).openapi('PresetRequest');
const Import = z.lazy(() => ImportRequest).openapi('ImportRequest');

const FieldIssue = z.object({ path: z.string(), message: z.string() });
/** Every error body: a sentence, and the field issues where fields are at fault (README "Errors and limits"). */
const ErrorBody = z
  .object({ error: z.string(), issues: z.array(FieldIssue).optional() })
  .catchall(z.unknown())
  .openapi('Error', {
    description: 'What went wrong; `issues` names each bad field. Some errors add a field (`status`, `study`, `estimate`).',
  });

const StudyStatusBody = z
  .object({
    id: z.string(),
    status: z.enum(STUDY_STATUSES),
    kind: z.enum(STUDY_KINDS),
    /** Worded in English (the pages word it per locale). */
    title: z.string(),
    createdAt: z.string(),
    progress: z.object({ runsDone: z.number().int(), runsTotal: z.number().int() }),
    failures: z
      .array(z.object({ unit: z.number().int(), seeds: z.array(z.number().int()), error: z.string(), attempts: z.number().int() }))
      .optional(),
    links: z.object({ self: z.string(), report: z.string(), embed: z.string() }),
    document: Document.optional(),
  })
  .openapi('StudyStatus');

const ListedStudy = z
  .object({
    id: z.string(),
    kind: z.string(),
    dataset: z.string().optional(),
    createdAt: z.string(),
    status: z.enum(STUDY_STATUSES),
    title: z.string(),
    headline: z.string().optional(),
    links: z.object({ self: z.string() }),
  })
  .openapi('ListedStudy');

/** The study id in a path: 20 hex digits (an id of another shape is a 404 naming the rule). */
const StudyIdParams = z.object({
  id: z
    .string()
    .regex(new RegExp(`^${STUDY_ID_PATTERN}$`))
    .openapi({ param: { name: 'id', in: 'path' }, example: '0123456789abcdef0123' }),
});
const ListQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: z
    .string()
    .max(2000)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'The `cursor` of the previous page' }),
});
/** `?format=` on a JSON endpoint: json or nothing, never silently JSON for a CSV asked for. */
const JsonOnly = z
  .enum(['json'], { message: 'this endpoint answers JSON only; a study’s runs as CSV are at /api/studies/<id>/runs.csv' })
  .optional()
  .openapi({ param: { name: 'format', in: 'query' }, description: 'Only `json` (runs as CSV: `/api/studies/{id}/runs.csv`)' });
const StudyQuery = z.object({ format: JsonOnly });

const RunsQuery = z.strictObject({
  format: JsonOnly,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(1000)
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'At most this many runs (a page ends at a unit boundary)' }),
  cursor: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'The `next` of the previous page' }),
  seed: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ param: { name: 'seed', in: 'query' }, description: 'Only this seed’s runs (every arm, source or re-run of it)' }),
});
const RunRow = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).openapi('RunRow', {
  description:
    'One run: `seed`, the kind’s grouping columns, test_accuracy, test_loss, fingerprint, diverged, diverged_at_epoch (null where the kind does not record it)',
});
const RunsPage = z
  .object({
    id: z.string(),
    kind: z.string(),
    columns: z.array(z.string()),
    runs: z.array(RunRow),
    next: z.number().int().nullable(),
    links: z.object({ csv: z.string(), next: z.string().nullable() }),
  })
  .openapi('RunsPage');

const Dataset = z
  .lazy(() => DatasetDescription)
  .and(z.object({ links: z.object({ self: z.string(), csv: z.string(), page: z.string() }) }))
  .openapi('Dataset', {
    description: 'An uploaded table: its size, classes (in code-point order) with their counts, and each feature’s range',
  });

const query = (name: string, description: string) => ({ param: { name, in: 'query' as const }, description });
const ImportQuery = z.strictObject({
  value: z.string().min(1).max(200).openapi(query('value', 'The column holding each run’s value (the metric)')),
  seed: z.string().min(1).max(200).openapi(query('seed', 'The column holding each run’s seed (a whole number from 0)')),
  arm: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi(query('arm', 'The column naming each run’s arm (setup); without it, one arm named after the value column')),
  metric: z.string().max(200).optional().openapi(query('metric', 'The metric’s name (default: the value column’s)')),
  higherIsBetter: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .openapi(query('higherIsBetter', 'false for a loss, an error or a time')),
  unit: z.enum(METRIC_UNITS).default('raw').openapi(query('unit', 'fraction (0 to 1), percent (0 to 100) or raw (any number)')),
  title: z.string().max(400).optional().openapi(query('title', 'The study’s title')),
});

const UploadQuery = z.strictObject({
  label: z
    .string()
    .max(200)
    .optional()
    .openapi({ param: { name: 'label', in: 'query' }, description: 'The label column’s name (default: the last column)' }),
  name: z
    .string()
    .max(400)
    .optional()
    .openapi({ param: { name: 'name', in: 'query' }, description: 'A description (not part of the id; default: the id)' }),
});

/** A dataset in a path: its id, or its id and `.csv` for the canonical table. */
const DatasetRefParams = z.object({
  ref: z
    .string()
    .regex(new RegExp(`^${DATASET_ID_PATTERN}(\\.csv)?$`))
    .openapi({ param: { name: 'ref', in: 'path' }, example: '0123456789abcdef0123.csv' }),
});

const Estimate = z
  .object({
    id: z.string(),
    kind: z.enum(STUDY_KINDS),
    exists: z.boolean(),
    runsTotal: z.number().int(),
    units: z.number().int(),
    largestUnitSeconds: z.number(),
    totalSeconds: z.number(),
    limitSeconds: z.number(),
    links: z.object({ study: z.string(), report: z.string() }),
  })
  .openapi('Estimate', { description: 'The study’s id and its time at the time model’s upper bound; nothing is stored' });

const OembedQuery = z.object({
  url: z
    .string()
    .optional()
    .openapi({ param: { name: 'url', in: 'query' }, description: 'A report or embed URL of this site (required)' }),
  format: z
    .string()
    .optional()
    .openapi({ param: { name: 'format', in: 'query' }, description: 'Only `json`' }),
  maxwidth: z
    .string()
    .optional()
    .openapi({ param: { name: 'maxwidth', in: 'query' } }),
  maxheight: z
    .string()
    .optional()
    .openapi({ param: { name: 'maxheight', in: 'query' } }),
});

const OembedBody = z
  .object({
    version: z.literal('1.0'),
    type: z.literal('rich'),
    provider_name: z.string(),
    provider_url: z.string(),
    title: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    html: z.string(),
    thumbnail_url: z.string().optional(),
    thumbnail_width: z.number().int().optional(),
    thumbnail_height: z.number().int().optional(),
  })
  .openapi('Oembed');

const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });
const errorResponse = json(ErrorBody, 'an error: see README "Errors and limits"');
const errors = <C extends number>(...codes: C[]) =>
  Object.fromEntries(codes.map((code) => [code, errorResponse])) as { [K in C]: typeof errorResponse };
/** Reads need no token; writes need the bearer token. */
const PUBLIC = { security: [] };
const WRITE = { security: [{ bearer: [] }] };

export const routes = {
  health: createRoute({
    method: 'get',
    path: '/api/health',
    operationId: 'getHealth',
    summary: 'Health, the engine version and the document version',
    ...PUBLIC,
    responses: {
      200: json(z.object({ ok: z.literal(true), engine: z.string(), documentVersion: z.number().int() }), 'ok'),
      ...errors(405),
    },
  }),
  presets: createRoute({
    method: 'get',
    path: '/api/presets',
    operationId: 'listPresets',
    summary: 'The engine presets, normalized',
    ...PUBLIC,
    responses: {
      200: json(z.object({ presets: z.array(z.object({ name: z.string(), description: z.string(), spec: Spec })) }), 'the presets'),
      ...errors(405),
    },
  }),
  openapi: createRoute({
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This description (OpenAPI 3.1)',
    ...PUBLIC,
    responses: { 200: json(z.record(z.string(), z.unknown()), 'OpenAPI 3.1'), ...errors(405) },
  }),
  listStudies: createRoute({
    method: 'get',
    path: '/api/studies',
    operationId: 'listStudies',
    summary: 'Studies, newest first, a page at a time',
    ...PUBLIC,
    request: { query: ListQuery },
    responses: {
      200: json(
        z.object({ studies: z.array(ListedStudy), cursor: z.string().nullable() }),
        'a page of studies, with `cursor` for the next page',
      ),
      ...errors(400, 405),
    },
  }),
  submitStudy: createRoute({
    method: 'post',
    path: '/api/studies',
    operationId: 'submitStudy',
    summary: 'Submit a study (content-addressed: the same spec returns the same study)',
    ...WRITE,
    // Described, and validated in order by the handler: size (413), media type (415), UTF-8 and JSON (400), then the spec.
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: {
              oneOf: [
                { $ref: '#/components/schemas/StudySpec' },
                { $ref: '#/components/schemas/PresetRequest' },
                { $ref: '#/components/schemas/ImportRequest' },
              ],
            },
          },
        },
      },
    },
    responses: {
      202: json(StudyStatusBody, 'created and queued'),
      201: json(StudyStatusBody, 'created and done at once (imported runs: nothing to train)'),
      200: json(StudyStatusBody, 'already exists'),
      ...errors(400, 401, 405, 413, 415, 422, 503),
    },
  }),
  getStudy: createRoute({
    method: 'get',
    path: '/api/studies/{id}',
    operationId: 'getStudy',
    summary: 'Status, progress, and the document when done',
    ...PUBLIC,
    request: { params: StudyIdParams, query: StudyQuery },
    responses: { 200: json(StudyStatusBody, 'the study'), ...errors(400, 404, 405, 500) },
  }),
  retryStudy: createRoute({
    method: 'post',
    path: '/api/studies/{id}/retry',
    operationId: 'retryStudy',
    summary: 'Train the failed units of a partial or failed study again; the document is rebuilt',
    ...WRITE,
    request: { params: StudyIdParams },
    responses: { 202: json(StudyStatusBody, 'the failed units are queued again'), ...errors(401, 404, 405, 409, 500, 503) },
  }),
  studyRuns: createRoute({
    method: 'get',
    path: '/api/studies/{id}/runs',
    operationId: 'getStudyRuns',
    summary: 'Every run of a settled study, a page at a time (or one seed’s runs)',
    ...PUBLIC,
    request: { params: StudyIdParams, query: RunsQuery },
    responses: { 200: json(RunsPage, 'a page of runs, with `next` for the next page'), ...errors(400, 404, 405, 409, 500) },
  }),
  studyRunsCsv: createRoute({
    method: 'get',
    path: '/api/studies/{id}/runs.csv',
    operationId: 'getStudyRunsCsv',
    summary: 'Every run of a settled study as one CSV table',
    ...PUBLIC,
    request: { params: StudyIdParams },
    responses: {
      200: { description: 'text/csv: a header, then one line per run', content: { 'text/csv': { schema: z.string() } } },
      ...errors(404, 405, 409, 500),
    },
  }),
  estimate: createRoute({
    method: 'post',
    path: '/api/estimate',
    operationId: 'estimateStudy',
    summary: 'Validate a study and estimate its time, as POST /api/studies would, without storing anything',
    ...PUBLIC,
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: {
              oneOf: [
                { $ref: '#/components/schemas/StudySpec' },
                { $ref: '#/components/schemas/PresetRequest' },
                { $ref: '#/components/schemas/ImportRequest' },
              ],
            },
          },
        },
      },
    },
    responses: { 200: json(Estimate, 'the estimate'), ...errors(400, 405, 413, 415, 422) },
  }),
  importRuns: createRoute({
    method: 'post',
    path: '/api/imports',
    operationId: 'importRuns',
    summary: 'A study of runs trained elsewhere, from a runs table (CSV, one row per run: a W&B export); answered as POST /api/studies',
    ...WRITE,
    request: { query: ImportQuery, body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
    responses: {
      201: json(StudyStatusBody, 'created, and done at once'),
      200: json(StudyStatusBody, 'already exists'),
      ...errors(400, 401, 405, 413, 415),
    },
  }),
  uploadDataset: createRoute({
    method: 'post',
    path: '/api/datasets',
    operationId: 'uploadDataset',
    summary: 'Upload a table (CSV: a header, numeric features, one label column); the same table twice is one dataset',
    ...WRITE,
    request: { query: UploadQuery, body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
    responses: {
      201: json(Dataset, 'stored'),
      200: json(Dataset, 'already stored'),
      ...errors(400, 401, 405, 413, 415),
    },
  }),
  getDataset: createRoute({
    method: 'get',
    path: '/api/datasets/{ref}',
    operationId: 'getDataset',
    summary: 'A dataset: `<id>` its description, `<id>.csv` its canonical table',
    ...PUBLIC,
    request: { params: DatasetRefParams },
    responses: {
      200: {
        description: 'the description (JSON), or the canonical table (text/csv)',
        content: { 'application/json': { schema: Dataset }, 'text/csv': { schema: z.string() } },
      },
      ...errors(404, 405),
    },
  }),
  oembed: createRoute({
    method: 'get',
    path: '/oembed',
    operationId: 'getOembed',
    summary: 'oEmbed (https://oembed.com) for a report or embed URL of this site: a rich iframe of its card',
    ...PUBLIC,
    request: { query: OembedQuery },
    responses: { 200: json(OembedBody, 'an oEmbed 1.0 rich response'), ...errors(400, 404, 405, 501) },
  }),
} satisfies Record<string, RouteConfig>;

/** The OpenAPI 3.1 description, made from the route definitions above (the app answers the same ones). */
export function openApiDocument() {
  const described = new OpenAPIHono();
  const registry = described.openAPIRegistry;
  // The request body names these two by reference (the handler parses it, in the contract's order).
  registry.register('StudySpec', Spec);
  registry.register('PresetRequest', Preset);
  registry.register('ImportRequest', Import);
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  for (const route of Object.values(routes)) registry.registerPath(route);
  return described.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Seedlab API',
      version: ENGINE_VERSION,
      description: `Seeded TensorFlow.js studies. Study documents are version ${DOCUMENT_VERSION}.`,
      // As package.json says: a private project, no licence granted.
      license: { name: 'UNLICENSED' },
    },
    servers: [{ url: '/' }],
  });
}

/** Each path with the methods its routes take: anything else there is a 405 with an Allow header. */
export function methodsByPath(): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const route of Object.values(routes)) {
    const path = route.getRoutingPath();
    byPath.set(path, [...(byPath.get(path) ?? []), route.method.toUpperCase()]);
  }
  return byPath;
}
