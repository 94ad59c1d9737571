import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, STUDY_KINDS } from '../src/index.ts';
import { GOLDEN_CASES } from './golden/cases.ts';
import { goldenFacts } from './golden/facts.ts';
import { GOLDEN_BACKENDS, runGoldenCase } from './golden/runGolden.ts';

const golden = JSON.parse(readFileSync('tests/golden/golden.json', 'utf8')) as { engine: string; cases: Record<string, unknown> };

describe('golden studies: fingerprints and headline numbers stay bit for bit the same', () => {
  it('were recorded by this engine version', () => {
    expect(golden.engine).toBe(ENGINE_VERSION);
    expect(Object.keys(golden.cases)).toHaveLength(GOLDEN_CASES.length * GOLDEN_BACKENDS.length);
    // Every kind has a fast case (src/studies/<kind>/fixtures/*.spec.json).
    expect(new Set(GOLDEN_CASES.map((c) => c.kind))).toEqual(new Set(STUDY_KINDS));
  });

  for (const c of GOLDEN_CASES) {
    for (const backend of GOLDEN_BACKENDS) {
      it(`${c.name} on ${backend}`, async () => {
        const facts = await goldenFacts(await runGoldenCase(c.name, backend));
        // Through JSON, as recorded: numbers compare by their exact double value.
        expect(JSON.parse(JSON.stringify(facts))).toEqual(golden.cases[`${c.name}/${backend}`]);
      });
    }
  }
});
