import { z } from 'zod';
import { DOCUMENT_VERSION, ENGINE_VERSION, STUDY_ID, StudyDocument, StudySpec } from '../../src/index.ts';

/**
 * OpenAPI 3.1, generated from the engine's zod schemas (zod's own JSON Schema output), so the
 * description cannot drift from what the API validates and returns.
 */
export function openApiDocument() {
  const schema = (s: z.ZodType, io: 'input' | 'output') => {
    const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
    return rest;
  };
  const error = {
    type: 'object',
    required: ['error'],
    properties: {
      error: { type: 'string' },
      issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
    },
  };
  const errors = (...codes: number[]) =>
    Object.fromEntries(
      codes.map((c) => [
        String(c),
        { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      ]),
    );
  const studyRef = { $ref: '#/components/schemas/StudyStatus' };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Seedlab API',
      version: ENGINE_VERSION,
      description: `Seeded TensorFlow.js studies. Study documents are version ${DOCUMENT_VERSION}.`,
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        StudySpec: schema(StudySpec, 'input'),
        StudyDocument: schema(StudyDocument, 'output'),
        Error: error,
        StudyStatus: {
          type: 'object',
          required: ['id', 'status', 'progress', 'links'],
          properties: {
            id: { type: 'string' },
            status: { enum: ['queued', 'running', 'done', 'partial', 'failed'] },
            kind: { type: 'string' },
            title: { type: 'string' },
            createdAt: { type: 'string', format: 'date-time' },
            progress: { type: 'object', properties: { runsDone: { type: 'integer' }, runsTotal: { type: 'integer' } } },
            failures: { type: 'array', items: { type: 'object' } },
            links: { type: 'object', properties: { self: { type: 'string' }, report: { type: 'string' }, embed: { type: 'string' } } },
            document: { $ref: '#/components/schemas/StudyDocument' },
          },
        },
      },
    },
    paths: {
      '/api/health': { get: { summary: 'Health', responses: { '200': { description: 'ok' } } } },
      '/api/presets': { get: { summary: 'The engine presets', responses: { '200': { description: 'presets' } } } },
      '/api/openapi.json': { get: { summary: 'This description', responses: { '200': { description: 'OpenAPI 3.1' } } } },
      '/api/studies': {
        get: {
          summary: 'Studies, newest first',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: { '200': { description: 'a page of studies, with `cursor` for the next page' }, ...errors(400) },
        },
        post: {
          summary: 'Submit a study (content-addressed: the same spec returns the same study)',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { $ref: '#/components/schemas/StudySpec' },
                    { type: 'object', required: ['preset'], properties: { preset: { type: 'string' } }, additionalProperties: false },
                  ],
                },
              },
            },
          },
          responses: {
            '202': { description: 'created and queued', content: { 'application/json': { schema: studyRef } } },
            '200': { description: 'already exists', content: { 'application/json': { schema: studyRef } } },
            ...errors(400, 401, 413, 415, 422, 503),
          },
        },
      },
      '/api/studies/{id}': {
        get: {
          summary: 'Status, progress, and the document when done',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: STUDY_ID.source } }],
          responses: { '200': { description: 'the study', content: { 'application/json': { schema: studyRef } } }, ...errors(404) },
        },
      },
      '/api/studies/{id}/retry': {
        post: {
          summary: 'Train the failed units of a partial or failed study again (needs the token); the document is rebuilt',
          security: [{ bearer: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: STUDY_ID.source } }],
          responses: {
            '202': { description: 'the failed units are queued again', content: { 'application/json': { schema: studyRef } } },
            ...errors(401, 404, 409),
          },
        },
      },
    },
  };
}
