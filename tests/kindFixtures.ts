import { readFileSync } from 'node:fs';
import { GOLDEN_CASES, type GoldenCase } from './golden/cases.ts';

/**
 * One fast fixture spec per study kind, for tests and benchmarks that need one study of every kind:
 * each kind's first golden case by name (src/studies/<kind>/fixtures/*.spec.json), so a new kind
 * adds no line here.
 */
export const kindFixturesOf = (cases: GoldenCase[]): string[] =>
  [...new Set(cases.map((c) => c.kind))].map((kind) => {
    const [first] = cases.filter((c) => c.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
    return `${kind}/fixtures/${first.name}`;
  });

export const KIND_FIXTURES = kindFixturesOf(GOLDEN_CASES);

/** A fixture's spec, as JSON to post. */
export const readKindFixture = (fixture: string): { kind?: string } & Record<string, unknown> =>
  JSON.parse(readFileSync(`src/studies/${fixture}.spec.json`, 'utf8'));
