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

  /** Every leaf of a JSON value by its path ("curves[0].points[1].mean"). */
  function leaves(x: unknown, path = '', out: Record<string, unknown> = {}): Record<string, unknown> {
    if (Array.isArray(x)) for (const [i, v] of x.entries()) leaves(v, `${path}[${i}]`, out);
    else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) leaves(v, path ? `${path}.${k}` : k, out);
    else out[path] = x;
    return out;
  }
  // What engine 0.3.0 recomputes from the stored runs on purpose (issue 9); everything else the two
  // versions share must be the stored value, untouched.
  const RECOMPUTED: Record<string, RegExp> = {
    compare: /^difference\.ci95/, // a paired t interval replaces the percentile bootstrap
    'variance-sources': /^sources\[4\]\.share$/, // "all" is now measured against the sum of the single sources
    'determinism-audit': /^rows\[\d\]\.category$/, // four classes replace always-same / varies
  };

  for (const c of stored) {
    it(`${c.name}: the migrated document keeps every stored number it shares with version 1`, () => {
      const read = parseStoredDocument(c.v1Document);
      if (!read.success) throw new Error(read.error);
      expect(read.migratedFrom).toBe(1);
      expect(read.data.documentVersion).toBe(DOCUMENT_VERSION);
      const before = leaves(c.v1Document);
      const after = leaves(JSON.parse(JSON.stringify(read.data)));
      const shared = Object.keys(before).filter((k) => k in after && !/^(verdict|documentVersion)/.test(k));
      // Every kind's body survives: runs, fingerprints, accuracies, curves.
      expect(shared.length, c.name).toBeGreaterThan(80);
      const changed = shared.filter((k) => before[k] !== after[k]);
      expect(changed.filter((k) => !RECOMPUTED[c.kind]?.test(k))).toEqual([]);
    });
  }

  // The migrated verdicts under 0.3.0's rules, computed independently from each fixture's stored runs
  // with numpy and scipy 1.10 (stats.t.ppf, stats.f.ppf, stats.chi2.ppf); the values are quoted.
  // Where version 1 concluded otherwise, its English answer is quoted too.
  const CONCLUDED: Record<string, unknown[]> = {
    // v1: "The interval excludes zero." (a 3-seed percentile bootstrap). Paired t over the 3 seeds:
    // mean -0.081081, interval [-0.225861, 0.063699]: tied. sd of the differences 0.090987, so
    // detecting 0.5 points takes ((1.96 + 0.8416) 0.090987 / 0.005)^2 + 1.92 = 2602 seeds.
    compare: [
      { question: 'a-better-than-b', outcome: { is: 'tied' }, facts: { excludesZero: false, withinEffectSize: false, effectSize: 0.005 } },
    ],
    // v1: "No crossovers". Paired t at 98.75% (4 comparisons per size) over 3 seeds: only at 111 rows does the
    // decision tree beat logistic regression and kNN (0.027027 on every seed); all else is tied.
    'data-size': [
      {
        question: 'learning-curves',
        outcome: { is: 'measured' },
        facts: {
          leaders: [
            { size: 20, leader: 'decision-tree', tiedWith: ['mlp', 'logistic-regression', 'knn', 'random-forest'] },
            { size: 60, leader: 'logistic-regression', tiedWith: ['mlp', 'knn', 'decision-tree', 'random-forest'] },
            { size: 111, leader: 'decision-tree', tiedWith: ['mlp', 'random-forest'] },
          ],
          crossovers: [],
          divergedRuns: 0,
        },
      },
    ],
    // v1: "Always the same model: knn, decision-tree. A different model: mlp; logistic-regression; random-forest".
    // From the stored booleans: logistic regression changes only with the row order; mlp and the forest with the seed.
    'determinism-audit': [
      {
        question: 'always-same-model',
        outcome: { is: 'no' },
        facts: {
          deterministic: ['knn', 'decision-tree'],
          'order-dependent': ['logistic-regression'],
          'seed-dependent': ['mlp', 'random-forest'],
          nondeterministic: [],
        },
      },
    ],
    // v1: "Yes." x0.1 - x1 over 3 seeds: mean -0.189189, 95% interval [-0.524884, 0.146505]: not better, so it holds up.
    'lr-range-test': [
      { question: 'suggested-lr', outcome: { is: 'measured' }, facts: { rule: 'steepest', seedsWithSuggestion: 3, seeds: 3 } },
      { question: 'suggestion-spread', outcome: { is: 'measured' }, facts: { rule: 'steepest' } },
      { question: 'holds-up', outcome: { is: 'yes' }, facts: { bestMultiplier: 1, x1Diverged: false, level: 0.95 } },
    ],
    // v1: "exponential: mean 96.4%" (a winner by the mean). Paired t at 98.75%: exponential beats one-cycle
    // (0.027027 on every seed) but ties constant [-0.070813, 0.088831], step [-0.185411, 0.293519] and
    // triangular (identical accuracies).
    'lr-schedule': [
      {
        question: 'best-schedule',
        outcome: { is: 'tied' },
        facts: { leader: 'exponential', tiedWith: ['constant', 'step', 'triangular'], level: 0.9875, notAtMinimum: ['triangular'] },
      },
    ],
    // Unchanged rules: "Yes. Re-running seeds 1, 2, 3 reproduced bit-identical weights (... seed 1: d6391a4b6eff…)"
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
    // v1: "init 10.23 points ..., order 1.56 points" (init the winner). Variance ratio init / order = 43.0 over
    // 3 runs each, 98.33% F interval [0.361343, 5116.98]: tied; split and dropout have no spread. The variances
    // sum to 0.0107134 against 0.0090090 for all (ratio 0.8409).
    'variance-sources': [
      {
        question: 'largest-source',
        outcome: { is: 'tied' },
        facts: { ranking: ['init', 'order', 'split', 'dropout'], leader: 'init', tiedWith: ['order'] },
      },
      { question: 'sources-add-up', outcome: { is: 'yes' } },
      { question: 'backends-agree', outcome: { is: 'no' }, facts: { identical: 0, seeds: 2 } },
    ],
  };

  for (const c of stored) {
    it(`${c.name}: the migrated verdict follows this engine's rules`, () => {
      const read = parseStoredDocument(c.v1Document);
      if (!read.success) throw new Error(read.error);
      expect(read.data.verdict).toMatchObject(CONCLUDED[c.name]);
      expect(read.data.verdict).toHaveLength(CONCLUDED[c.name].length);
    });
  }

  it('the recomputed intervals agree with scipy', () => {
    const doc = (name: string) => {
      const read = parseStoredDocument(stored.find((c) => c.name === name)?.v1Document);
      if (!read.success) throw new Error(read.error);
      return read.data;
    };
    const compare = doc('compare');
    if (compare.kind !== 'compare') throw new Error('kind');
    expect(compare.difference?.ci95[0]).toBeCloseTo(-0.225861, 5);
    expect(compare.difference?.ci95[1]).toBeCloseTo(0.063699, 5);
    expect(compare.seedsNeeded?.seeds).toBe(2602);
    const sources = doc('variance-sources');
    if (sources.kind !== 'variance-sources') throw new Error('kind');
    const init = sources.sources.find((s) => s.name === 'init');
    // std 0.102323 over 3 runs: 0.102323 sqrt(2 / chi2.ppf(0.975, 2)), 0.102323 sqrt(2 / chi2.ppf(0.025, 2)).
    expect(init?.stdInterval?.[0]).toBeCloseTo(0.053275, 5);
    expect(init?.stdInterval?.[1]).toBeCloseTo(0.643071, 5);
    const ratio = sources.sources.find((s) => s.name === 'all')?.share;
    expect(ratio).toBeCloseTo(0.840909, 5);
    const addUp = sources.verdict.find((v) => v.question === 'sources-add-up');
    if (addUp?.question !== 'sources-add-up' || !addUp.facts.ratioInterval) throw new Error('no interval');
    expect(addUp.facts.ratioInterval[0]).toBeLessThan(0.840909);
    expect(addUp.facts.ratioInterval[1]).toBeGreaterThan(0.840909);
  });

  it('a current document reads back as itself, and a broken one is an error that says why', async () => {
    const fresh = await runGoldenCase('compare', 'cpu');
    const again = parseStoredDocument(JSON.parse(JSON.stringify(fresh)));
    expect(again).toEqual({ success: true, data: JSON.parse(JSON.stringify(fresh)) });
    expect(parseStoredDocument({ documentVersion: 3, kind: 'compare', id: 'x' })).toMatchObject({
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
