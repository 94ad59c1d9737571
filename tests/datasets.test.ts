import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledCsv } from '../src/data/bundled.generated.ts';
import { loadBundledTable } from '../src/data/bundled.ts';
import { prepareData } from '../src/data/prepareData.ts';
import { indexModSplit, stratifiedSplit } from '../src/data/split.ts';
import { makeSynthetic } from '../src/data/synthetic.ts';
import { createStream, seedStreams } from '../src/random/seedStreams.ts';
import { SYNTHETIC_DATASETS } from '../src/spec/setup.ts';

const info = JSON.parse(readFileSync('data/datasets_info.json', 'utf8'));

describe('bundled datasets', () => {
  it('the generated module matches data/*.csv (run npm run data:bundle after changing data/)', () => {
    for (const [name, entry] of Object.entries(bundledCsv)) {
      const file = readFileSync(`data/${entry.file}`, 'utf8');
      expect(entry.text, name).toBe(file);
      expect(createHash('sha256').update(file).digest('hex')).toBe(entry.sha256);
    }
  });

  it.each([
    ['digits', 'digits'],
    ['iris', 'iris'],
    ['wine', 'wine'],
    ['breast-cancer', 'breast_cancer'],
  ])('%s has the documented shape and class counts', (name, key) => {
    const t = loadBundledTable(name);
    expect(createHash('sha256').update(bundledCsv[name].text).digest('hex')).toBe(info[key].sha256);
    expect([t.rows, t.features, t.classes]).toEqual([info[key].rows, info[key].features, info[key].classes.length]);
    const counts = new Array(t.classes).fill(0);
    for (const c of t.y) counts[c]++;
    expect(counts).toEqual(info[key].class_counts);
  });
});

describe('splits and scaling', () => {
  it('index rule: digits test = index % 4 == 3 gives 449 test and 1348 train rows', () => {
    const s = indexModSplit(1797, 4, 3);
    expect([s.test.length, s.train.length]).toEqual([449, 1348]);
    expect(Array.from(s.test).every((i) => i % 4 === 3)).toBe(true);
  });

  it('stratified split keeps class proportions, is seeded, and sizes do not depend on the seed', () => {
    const labels = loadBundledTable('wine').y;
    const a = stratifiedSplit(labels, 3, 0.25, createStream(1));
    const b = stratifiedSplit(labels, 3, 0.25, createStream(1));
    const c = stratifiedSplit(labels, 3, 0.25, createStream(2));
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
    expect(Array.from(a.test)).not.toEqual(Array.from(c.test));
    expect(a.test.length).toBe(c.test.length);
    const perClass = (rows: Int32Array) => [0, 1, 2].map((k) => Array.from(rows).filter((r) => labels[r] === k).length);
    expect(perClass(a.test)).toEqual([15, 18, 12]); // round(59/4), round(71/4), round(48/4)
    expect(new Set([...a.train, ...a.test]).size).toBe(178);
  });

  it('standardization uses training-set statistics only', () => {
    const spec = {
      dataset: { name: 'iris' as const },
      split: { kind: 'index-mod' as const, k: 5, r: 0 },
      scaling: { kind: 'standardize' as const },
    };
    const d = prepareData(spec, seedStreams(1));
    for (let j = 0; j < 4; j++) {
      const col = Array.from({ length: d.trainY.length }, (_, i) => d.trainX[i * 4 + j]);
      const m = col.reduce((a, b) => a + b, 0) / col.length;
      const v = col.reduce((a, b) => a + (b - m) ** 2, 0) / col.length;
      expect(Math.abs(m)).toBeLessThan(1e-5);
      expect(Math.abs(v - 1)).toBeLessThan(1e-4);
    }
    const testCol = Array.from({ length: d.testY.length }, (_, i) => d.testX[i * 4]);
    expect(Math.abs(testCol.reduce((a, b) => a + b, 0) / testCol.length)).toBeGreaterThan(1e-4);
  });

  it('divide-by-constant scaling: digits / 16 stays in [0, 1]', () => {
    const d = prepareData(
      { dataset: { name: 'digits' }, split: { kind: 'index-mod', k: 4, r: 3 }, scaling: { kind: 'divide', by: 16 } },
      seedStreams(1),
    );
    expect(Math.max(...d.trainX)).toBe(1);
    expect(Math.min(...d.trainX)).toBe(0);
  });
});

describe('synthetic datasets', () => {
  it.each(SYNTHETIC_DATASETS)('%s is balanced, seeded by the data stream, and noisy when asked', (name) => {
    const opts = { samples: 101, noise: 0.1, classes: 3 };
    const a = makeSynthetic(name, opts, createStream(5));
    const b = makeSynthetic(name, opts, createStream(5));
    const c = makeSynthetic(name, opts, createStream(6));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
    const counts = new Array(a.classes).fill(0);
    for (const k of a.y) counts[k]++;
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(a.x.every(Number.isFinite)).toBe(true);
  });
});
