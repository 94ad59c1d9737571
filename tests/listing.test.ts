import { describe, expect, it } from 'vitest';
import { fitListing, LISTING_METADATA_BYTES } from '../functions/studies/listing.ts';
import type { ListingFacts } from '../functions/studies/store.ts';
import { LIMITS, parseDigest, STUDY_KINDS, type StudyKind } from '../src/index.ts';

// Workers KV keeps at most 1,024 bytes of JSON metadata per key (Cloudflare's documented limit).
const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;
// The widest text a spec field may hold, byte for byte: a Han character is 3 bytes of UTF-8 in one
// UTF-16 unit, the most any allowed character costs per unit the schemas count (a quote escapes to 2).
const widest = (units: number) => '汉'.repeat(units);
const NAME = 60; // arm labels and schedule names (src/studies/compare/spec.ts, lr-schedule/schedules.ts)

/** The largest digest each kind can produce, by its schema's limits. */
const WORST_DIGESTS: Record<StudyKind, unknown> = {
  'seed-variance': {
    layerSizes: [64, 512, 512, 512, 512, 10],
    optimizer: 'adam',
    runs: 100,
    mean: 0.123456789,
    std: 0.0123456789,
    repeatability: 'not-measured',
  },
  'lr-range-test': {
    optimizer: 'adam',
    seeds: 100,
    rule: 'minOver10',
    median: 0.000123456789,
    iqrDecades: 1.23456789,
    holdsUp: 'undecided',
  },
  // Eight schedules, tied: the leader and seven others, every name as wide as allowed.
  'lr-schedule': {
    schedules: 8,
    seeds: 100,
    outcome: 'tied',
    best: null,
    leader: widest(NAME),
    tiedWith: Array.from({ length: 7 }, (_, i) => `${i}${widest(NAME - 1)}`),
  },
  'data-size': {
    smallest: 10,
    largest: 100000,
    first: { size: 10, leader: 'logistic-regression', tiedWith: ['mlp', 'knn', 'decision-tree', 'random-forest'] },
    last: { size: 100000, leader: 'logistic-regression', tiedWith: ['mlp', 'knn', 'decision-tree', 'random-forest'] },
  },
  'variance-sources': {
    runs: 100,
    allStd: 0.0123456789,
    largest: { outcome: 'tied', leader: 'dropout', tiedWith: ['data', 'split', 'init', 'order'] },
  },
  'determinism-audit': {
    algorithms: 5,
    classes: [{ category: 'nondeterministic', models: ['mlp', 'logistic-regression', 'knn', 'decision-tree', 'random-forest'] }],
    deterministic: 0,
  },
  compare: {
    a: widest(NAME),
    b: `b${widest(NAME - 1)}`,
    seeds: 100,
    difference: { meanDiff: -0.0123456789, ci95: [-0.0234567891, -0.00123456789] },
  },
  // Two arms (the widest answer): both labels and the metric's name as wide as allowed.
  imported: {
    metric: { name: `m${widest(NAME - 1)}`, unit: 'percent', higherIsBetter: false },
    arms: 2,
    runs: 20_000,
    spread: null,
    difference: {
      a: widest(NAME),
      b: `b${widest(NAME - 1)}`,
      meanDiff: -0.0123456789,
      interval: [-0.0234567891, -0.00123456789],
      better: 'b',
    },
    leader: null,
  },
};

const header = (kind: StudyKind): ListingFacts => ({
  v: 2,
  id: 'f'.repeat(20),
  kind,
  dataset: 'breast-cancer',
  createdAt: '2026-12-02T18:00:00.000Z',
  status: 'partial',
  preset: 'digits-variance-sources',
});

describe('a listing entry holds facts within KV’s 1,024 bytes of metadata', () => {
  it('a usual entry is kept whole', () => {
    const digest = { a: 'Adam 0.001', b: 'SGD 0.05, momentum 0.9', seeds: 30, difference: { meanDiff: -0.0229, ci95: [-0.0264, -0.0194] } };
    expect(fitListing(header('compare'), 'Adam or SGD?', digest)).toEqual({ ...header('compare'), userTitle: 'Adam or SGD?', digest });
  });

  for (const kind of STUDY_KINDS) {
    it(`${kind}: the widest title and digest fit, and the digest still reads as its kind’s`, () => {
      const entry = fitListing(header(kind), widest(LIMITS.maxTitleLength), WORST_DIGESTS[kind]);
      expect(bytes(entry)).toBeLessThanOrEqual(LISTING_METADATA_BYTES);
      expect(parseDigest(kind, entry.digest)).not.toBeNull();
    });
  }

  it('names and titles are cut, with an ellipsis, only where the whole would not fit (eight tied schedules, two wide arm labels)', () => {
    const title = widest(LIMITS.maxTitleLength);
    for (const kind of ['lr-schedule', 'compare'] as const) {
      expect(bytes({ ...header(kind), userTitle: title, digest: WORST_DIGESTS[kind] })).toBeGreaterThan(LISTING_METADATA_BYTES);
      expect(fitListing(header(kind), title, WORST_DIGESTS[kind]).userTitle).toMatch(/^汉+…$/);
    }
    const schedules = fitListing(header('lr-schedule'), title, WORST_DIGESTS['lr-schedule']).digest as {
      leader: string;
      tiedWith: string[];
    };
    expect([schedules.leader, ...schedules.tiedWith].every((name) => name.endsWith('…'))).toBe(true);
    // A title alone, however wide, fits beside a small digest whole (200 Han characters are 600 bytes).
    expect(fitListing(header('seed-variance'), title, WORST_DIGESTS['seed-variance']).userTitle).toBe(title);
  });
});
