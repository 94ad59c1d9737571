import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodsByPath, openApiDocument } from '../functions/api/contract.ts';

// The description is made from the route definitions (functions/api/contract.ts); the app answers
// those routes and its 405s come from the same definitions.
const description = openApiDocument() as unknown as {
  paths: Record<string, Record<string, { operationId?: string; security?: unknown[]; responses: Record<string, unknown> }>>;
};

describe('the HTTP contract, defined once', () => {
  it('passes Redocly’s recommended rules (npx @redocly/cli lint, redocly.yaml): no error, no warning', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'seedlab-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(description));
    let out: string;
    try {
      out = execFileSync('npx', ['redocly', 'lint', file, '--format=json'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    const report = JSON.parse(out.slice(out.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string }[];
    };
    expect({ totals: report.totals, rules: report.problems.map((p) => p.ruleId) }).toEqual({
      totals: expect.objectContaining({ errors: 0, warnings: 0 }),
      rules: [],
    });
  });

  it('describes the very routes and methods the app answers (and answers 405 for the rest)', () => {
    const described = Object.entries(description.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const answered = [...methodsByPath()].flatMap(([path, methods]) => methods.map((m) => `${m} ${path}`));
    expect(described.sort()).toEqual(answered.sort());
    // Thirteen API operations (health, presets, openapi, list, submit, get, retry, runs, runs.csv,
    // estimate, imports, upload, dataset) and oEmbed, each named, each with an error answer.
    expect(described).toHaveLength(14);
    for (const ops of Object.values(description.paths))
      for (const op of Object.values(ops)) {
        expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
        expect(Object.keys(op.responses).some((code) => code.startsWith('4'))).toBe(true);
      }
  });

  it('reads need no token; writes name the bearer scheme', () => {
    const security = Object.fromEntries(
      Object.values(description.paths).flatMap((ops) => Object.values(ops).map((op) => [op.operationId, op.security])),
    );
    expect(security).toEqual({
      getHealth: [],
      listPresets: [],
      getOpenApi: [],
      listStudies: [],
      submitStudy: [{ bearer: [] }],
      getStudy: [],
      retryStudy: [{ bearer: [] }],
      getStudyRuns: [],
      getStudyRunsCsv: [],
      estimateStudy: [],
      importRuns: [{ bearer: [] }],
      uploadDataset: [{ bearer: [] }],
      getDataset: [],
      getOembed: [],
    });
  });
});
