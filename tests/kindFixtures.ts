import { readFileSync } from 'node:fs';

/** Each study kind's fast fixture spec (the golden file's cases), for tests and benchmarks that need one study of every kind. */
export const KIND_FIXTURES = [
  'seed-variance/fixtures/seed-variance-moons',
  'lr-range-test/fixtures/lr-range-test',
  'lr-schedule/fixtures/lr-schedule',
  'data-size/fixtures/data-size',
  'variance-sources/fixtures/variance-sources',
  'determinism-audit/fixtures/determinism-audit',
  'compare/fixtures/compare',
];

/** A fixture's spec, as JSON to post. */
export const readKindFixture = (fixture: string): { kind?: string } & Record<string, unknown> =>
  JSON.parse(readFileSync(`src/studies/${fixture}.spec.json`, 'utf8'));
