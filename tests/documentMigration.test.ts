import { describe, expect, it } from 'vitest';
import { DOCUMENT_VERSION, parseStoredDocument } from '../src/index.ts';
import { GOLDEN_CASES } from './golden/cases.ts';
import { runGoldenCase } from './golden/runGolden.ts';

describe('stored version-1 documents are migrated when read', () => {
  // The kinds that existed when documents had version 1: each must keep a stored fixture.
  const VERSION_1_KINDS = [
    'seed-variance',
    'lr-range-test',
    'lr-schedule',
    'data-size',
    'variance-sources',
    'determinism-audit',
    'compare',
  ];
  const stored = GOLDEN_CASES.flatMap((c) => (c.v1Document === null ? [] : [{ ...c, v1Document: c.v1Document }]));

  it('there is a stored version-1 fixture of every kind that existed in version 1', () => {
    expect(new Set(stored.map((c) => c.kind))).toEqual(new Set(VERSION_1_KINDS));
    for (const c of stored) expect((c.v1Document as { documentVersion: number }).documentVersion, c.name).toBe(1);
  });

  for (const c of stored) {
    it(`${c.name}: the migrated document equals the one this engine computes from the same spec`, async () => {
      const read = parseStoredDocument(c.v1Document);
      if (!read.success) throw new Error(read.error);
      expect(read.migratedFrom).toBe(1);
      expect(read.data.documentVersion).toBe(DOCUMENT_VERSION);
      // The fixture was stored by the version-1 engine on cpu in Node; the same spec run now, on
      // the same backend, must give exactly the migrated document: numbers, verdict and all.
      const fresh = await runGoldenCase(c.name, 'cpu');
      expect(JSON.parse(JSON.stringify(read.data))).toEqual(JSON.parse(JSON.stringify(fresh)));
    });
  }

  // What the version-1 engine concluded, read by hand from the English answers stored in each fixture
  // (quoted in the comments): the migrated verdict must say the same.
  const CONCLUDED: Record<string, unknown[]> = {
    // "The interval excludes zero." with a difference of -8.11 points (adam - sgd): sgd, arm b, wins.
    compare: [{ question: 'a-better-than-b', outcome: { is: 'winner', who: 'b' }, facts: { excludesZero: true } }],
    // "With 20 training rows the best model is decision-tree ...; with 111 it is decision-tree ... No crossovers"
    'data-size': [
      {
        question: 'learning-curves',
        outcome: { is: 'measured' },
        facts: {
          leaders: [{ size: 20, model: 'decision-tree' }, expect.anything(), { size: 111, model: 'decision-tree' }],
          crossovers: [],
        },
      },
    ],
    // "Always the same model ...: knn, decision-tree. A different model ...: mlp ...; logistic-regression ...; random-forest"
    'determinism-audit': [
      {
        question: 'always-same-model',
        outcome: { is: 'no' },
        facts: { alwaysSame: ['knn', 'decision-tree'], varies: ['mlp', 'logistic-regression', 'random-forest'] },
      },
    ],
    // "The steepest rule suggests 1.00 (median of 3 seeds ...)", "moves by 0.23 decades", "Yes."
    'lr-range-test': [
      { question: 'suggested-lr', outcome: { is: 'measured' }, facts: { rule: 'steepest', seedsWithSuggestion: 3, seeds: 3 } },
      { question: 'suggestion-spread', outcome: { is: 'measured' }, facts: { rule: 'steepest' } },
      { question: 'holds-up', outcome: { is: 'yes' }, facts: { bestMultiplier: 1 } },
    ],
    // "exponential: mean 96.4% ... constant 95.5%; step 91.0%; exponential 96.4%; triangular 96.4%; one-cycle 93.7%."
    'lr-schedule': [
      {
        question: 'best-schedule',
        outcome: { is: 'winner', who: 'exponential' },
        facts: { ranking: ['exponential', 'triangular', 'constant', 'one-cycle', 'step'] },
      },
    ],
    // "Yes. Re-running seeds 1, 2, 3 reproduced bit-identical weights (... seed 1: d6391a4b6eff…)", "ranged from 31.2% ... to 36.5%"
    'seed-variance-digits': [
      {
        question: 'same-seed-same-weights',
        outcome: { is: 'yes' },
        facts: { example: { seed: 1, fingerprint: expect.stringMatching(/^d6391a4b6eff/) } },
      },
      { question: 'seed-moves-accuracy', outcome: { is: 'yes' }, facts: { finished: 3, diverged: 0 } },
    ],
    // "Yes. Re-running seeds 1, 2, 4 ... seed 1: af2fed0565f7…", "ranged from 82.5% ... to 90.0%"
    'seed-variance-moons': [
      {
        question: 'same-seed-same-weights',
        outcome: { is: 'yes' },
        facts: { example: { seed: 1, fingerprint: expect.stringMatching(/^af2fed0565f7/) } },
      },
      { question: 'seed-moves-accuracy', outcome: { is: 'yes' }, facts: { finished: 4, diverged: 0 } },
    ],
    // "init 10.23 points ..., order 1.56 points ..., split 0.00 points ..., dropout 0.00 points", "0 of 2 seeds have identical fingerprints"
    'variance-sources': [
      { question: 'largest-source', outcome: { is: 'winner', who: 'init' }, facts: { ranking: ['init', 'order', 'split', 'dropout'] } },
      { question: 'backends-agree', outcome: { is: 'no' }, facts: { identical: 0, seeds: 2 } },
    ],
  };

  for (const c of stored) {
    it(`${c.name}: the migrated verdict concludes what the version-1 words said`, () => {
      const read = parseStoredDocument(c.v1Document);
      if (!read.success) throw new Error(read.error);
      expect(read.data.verdict).toEqual(CONCLUDED[c.name]);
    });
  }

  it('a current document reads back as itself, and a broken one is an error that says why', async () => {
    const fresh = await runGoldenCase('compare', 'cpu');
    const again = parseStoredDocument(JSON.parse(JSON.stringify(fresh)));
    expect(again).toEqual({ success: true, data: JSON.parse(JSON.stringify(fresh)) });
    expect(parseStoredDocument({ documentVersion: 2, kind: 'compare', id: 'x' })).toMatchObject({
      success: false,
      error: expect.stringMatching(/^id: /),
    });
    expect(parseStoredDocument({ documentVersion: 1, kind: 'seed-variance' })).toMatchObject({
      success: false,
      error: expect.stringMatching(/version-1 seed-variance document that cannot be migrated/),
    });
    expect(parseStoredDocument({ documentVersion: 2, kind: 'weather' })).toEqual({ success: false, error: 'unknown study kind "weather"' });
    expect(parseStoredDocument('not json')).toMatchObject({ success: false, error: expect.stringMatching(/^not a study document/) });
  });
});
