import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  combineStudy,
  type DocumentOfKind,
  documentOfKind,
  IMPORT_LIMITS,
  parseStudySpec,
  readImportRequest,
  readRunsCsv,
  SpecError,
  studyId,
  usingImportedRuns,
} from '../src/index.ts';

/** The document of an import request, as the Worker and the CLI build it. */
async function importedDocument(request: Record<string, unknown>): Promise<DocumentOfKind<'imported'>> {
  const imported = await readImportRequest(request);
  const doc = await usingImportedRuns([imported], () => combineStudy(parseStudySpec(imported.spec), []));
  return documentOfKind(doc, 'imported');
}

const runsOf = (values: number[], firstSeed = 1) => values.map((value, i) => ({ seed: firstSeed + i, value }));
const request = (arms: { label: string; runs: { seed: number; value: number }[] }[], metric: Record<string, unknown> = {}) => ({
  kind: 'imported',
  metric: { name: 'test accuracy', unit: 'fraction', ...metric },
  arms,
});

/** The field paths a refused request names. */
async function refusal(input: unknown): Promise<string[]> {
  try {
    await readImportRequest(input);
  } catch (e) {
    if (e instanceof SpecError) return e.issues.map((i) => i.path);
    throw e;
  }
  throw new Error('the request was accepted');
}

describe('imported runs: content-addressed', () => {
  it('the same runs in another order are the same study; another arm order is another study', async () => {
    const a = { label: 'a', runs: runsOf([0.9, 0.91, 0.92]) };
    const b = { label: 'b', runs: runsOf([0.8, 0.81, 0.82]) };
    const shuffled = { ...a, runs: [a.runs[2], a.runs[0], a.runs[1]] };
    const id = async (r: Record<string, unknown>) => studyId(parseStudySpec((await readImportRequest(r)).spec));
    expect(await id(request([a, b]))).toBe(await id(request([shuffled, b])));
    expect(await id(request([a, b]))).not.toBe(await id(request([b, a])));
    const first = await readImportRequest(request([shuffled, b]));
    expect(first.runs.arms[0].runs.map((r) => r.seed)).toEqual([1, 2, 3]);
    expect(first.spec.runs).toEqual({
      id: first.id,
      arms: [
        { label: 'a', runs: 3 },
        { label: 'b', runs: 3 },
      ],
    });
  });

  it('a spec names runs that are not handed over: a SpecError on runs.id', async () => {
    const spec = parseStudySpec({ kind: 'imported', metric: { name: 'm' }, runs: { id: 'f'.repeat(20), arms: [{ label: 'x', runs: 2 }] } });
    await expect(combineStudy(spec, [])).rejects.toThrow(/runs.id|not stored here/);
  });
});

describe('imported runs: verdicts', () => {
  it('one arm: how much the runs spread, measured', async () => {
    const doc = await importedDocument(request([{ label: 'resnet', runs: runsOf([0.9, 0.92, 0.94]) }]));
    expect(doc.verdict).toEqual([{ question: 'spread', outcome: { is: 'measured' }, facts: {} }]);
    expect(doc.comparisons).toEqual([]);
    // Hand: mean 0.92, std 0.02; t(0.975, 2) = 4.302652729911275 (scipy): half 4.3027 · 0.02 / sqrt(3).
    expect(doc.arms[0].statistics.mean).toBeCloseTo(0.92, 12);
    expect(doc.arms[0].statistics.std).toBeCloseTo(0.02, 12);
    expect(doc.arms[0].statistics.meanInterval[1]).toBeCloseTo(0.92 + (4.302652729911275 * 0.02) / Math.sqrt(3), 9);
    expect(doc.arms[0].best.seed).toBe(3);
    expect(doc.arms[0].worst.seed).toBe(1);
    // A fraction's default effect size is half a point.
    expect(doc.effectSize).toBe(0.005);
  });

  it('paired arms, lower is better: the arm with the lower loss wins when the paired interval excludes zero', async () => {
    // Hand: differences A − B = −0.3, −0.4, −0.5: mean −0.4, sd 0.1, half 4.302652729911275 · 0.1 / sqrt(3) = 0.24841.
    const doc = await importedDocument(
      request(
        [
          { label: 'A', runs: runsOf([1.0, 1.1, 1.2]) },
          { label: 'B', runs: runsOf([1.3, 1.5, 1.7]) },
        ],
        { name: 'validation loss', unit: 'raw', higherIsBetter: false },
      ),
    );
    const [c] = doc.comparisons;
    expect(c.design).toBe('paired');
    expect(c.sharedSeeds).toBe(3);
    expect(c.meanDiff).toBeCloseTo(-0.4, 12);
    expect(c.interval[0]).toBeCloseTo(-0.4 - (4.302652729911275 * 0.1) / Math.sqrt(3), 9);
    expect(c.interval[1]).toBeCloseTo(-0.4 + (4.302652729911275 * 0.1) / Math.sqrt(3), 9);
    // A has the lower loss on every shared seed.
    expect(c.probabilityOfImprovement).toBe(1);
    expect(doc.verdict[0]).toEqual({
      question: 'a-better-than-b',
      outcome: { is: 'winner', who: 'A' },
      facts: { withinEffectSize: false },
    });
    // A raw metric has no default effect size: no runs-needed answer.
    expect(doc.effectSize).toBeNull();
    expect(c.runsNeeded).toBeNull();
    expect(doc.arms[0].best.value).toBe(1.0);
  });

  it('higher is better flips the same numbers: B wins', async () => {
    const doc = await importedDocument(
      request(
        [
          { label: 'A', runs: runsOf([1.0, 1.1, 1.2]) },
          { label: 'B', runs: runsOf([1.3, 1.5, 1.7]) },
        ],
        { name: 'BLEU', unit: 'raw', higherIsBetter: true },
      ),
    );
    expect(doc.verdict[0].outcome).toEqual({ is: 'winner', who: 'B' });
    expect(doc.comparisons[0].probabilityOfImprovement).toBe(0);
  });

  it('arms that share fewer than two seeds are compared unpaired (Welch), and say so', async () => {
    // Hand: A = 1, 2, 3 (seeds 1-3), B = 2, 3, 4 (seeds 10-12): difference −1; each variance 1 over 3 runs,
    // se sqrt(2/3), Welch df = (2/3)^2 / (2 · (1/3)^2 / 2) = 4, t(0.975, 4) = 2.7764451051977987 (scipy).
    // P(A > B), ties half: A=1 wins none; A=2 ties one (0.5); A=3 beats one, ties one (1.5): 2 / 9.
    const doc = await importedDocument(
      request(
        [
          { label: 'A', runs: runsOf([1, 2, 3]) },
          { label: 'B', runs: runsOf([2, 3, 4], 10) },
        ],
        { name: 'score', unit: 'raw', higherIsBetter: true },
      ),
    );
    const [c] = doc.comparisons;
    expect(c.design).toBe('unpaired');
    expect(c.sharedSeeds).toBe(0);
    expect(c.interval[0]).toBeCloseTo(-1 - 2.7764451051977987 * Math.sqrt(2 / 3), 9);
    expect(c.interval[1]).toBeCloseTo(-1 + 2.7764451051977987 * Math.sqrt(2 / 3), 9);
    expect(c.probabilityOfImprovement).toBeCloseTo(2 / 9, 12);
    expect(doc.verdict[0].outcome).toEqual({ is: 'tied' });
  });

  it('one shared seed is not enough to pair: unpaired, with the one shared seed counted', async () => {
    const doc = await importedDocument(
      request([
        { label: 'A', runs: runsOf([0.9, 0.91, 0.92]) },
        { label: 'B', runs: runsOf([0.8, 0.81, 0.82], 3) },
      ]),
    );
    expect(doc.comparisons[0]).toMatchObject({ design: 'unpaired', sharedSeeds: 1 });
  });

  it('percent: values read in [0, 100]; a tie within the effect size rules out a difference that large', async () => {
    // Hand: differences 0.1, −0.1, 0.1, −0.1 (points of percent): mean 0, sd 0.11547, half t(0.975, 3) = 3.182446305284263
    // · 0.11547 / 2 = 0.18374: the interval (−0.18, 0.18) lies within ±0.5, the default effect size of a percent.
    const doc = await importedDocument(
      request(
        [
          { label: 'A', runs: runsOf([90.1, 90.0, 90.1, 90.0]) },
          { label: 'B', runs: runsOf([90.0, 90.1, 90.0, 90.1]) },
        ],
        { unit: 'percent' },
      ),
    );
    expect(doc.effectSize).toBe(0.5);
    expect(doc.comparisons[0].interval[1]).toBeCloseTo((3.182446305284263 * Math.sqrt(0.04 / 3)) / 2, 9);
    expect(doc.verdict[0]).toEqual({ question: 'a-better-than-b', outcome: { is: 'tied' }, facts: { withinEffectSize: true } });
  });

  it('three arms: the leader wins only when it beats every other (Bonferroni); else it is tied with those it does not', async () => {
    const clear = await importedDocument(
      request([
        { label: 'low', runs: runsOf([0.5, 0.51, 0.52]) },
        { label: 'high', runs: runsOf([0.9, 0.91, 0.92]) },
        { label: 'mid', runs: runsOf([0.7, 0.71, 0.72]) },
      ]),
    );
    // Every difference is the same on every seed (sd 0): each interval is a point above zero.
    expect(clear.verdict[0]).toEqual({
      question: 'best-arm',
      outcome: { is: 'winner', who: 'high' },
      facts: { leader: 'high', tiedWith: [] },
    });
    expect(clear.comparisons.map((c) => [c.a, c.b, c.level])).toEqual([
      [1, 0, 0.975],
      [1, 2, 0.975],
    ]);
    const close = await importedDocument(
      request([
        { label: 'x', runs: runsOf([0.9, 0.8, 0.95]) },
        { label: 'y', runs: runsOf([0.91, 0.79, 0.96]) },
        { label: 'z', runs: runsOf([0.1, 0.11, 0.12]) },
      ]),
    );
    expect(close.verdict[0]).toEqual({ question: 'best-arm', outcome: { is: 'tied' }, facts: { leader: 'y', tiedWith: ['x'] } });
  });

  it('many runs: the document names a few, keeps the distribution and reports the tails', async () => {
    const values = Array.from({ length: 400 }, (_, i) => 0.9 + ((i * 37) % 101) / 10_000);
    const doc = await importedDocument(request([{ label: 'big', runs: runsOf(values) }]));
    const [arm] = doc.arms;
    expect(arm.runCount).toBe(400);
    expect(arm.runsInDocument).toBe('named');
    expect(arm.runs.length).toBeLessThanOrEqual(4);
    expect(arm.distribution.n).toBe(400);
    expect(arm.tails?.map((t) => t.q)).toEqual([0.01, 0.05, 0.95, 0.99]);
  });

  it('curves: the median and middle half per epoch', async () => {
    const doc = await importedDocument(
      request([
        {
          label: 'c',
          runs: [
            { seed: 1, value: 0.5, curve: [0.1, 0.5] },
            { seed: 2, value: 0.6, curve: [0.2, 0.6] },
            { seed: 3, value: 0.7, curve: [0.3, 0.7] },
          ] as never,
        },
      ]),
    );
    const curve = doc.arms[0].curve;
    expect(curve).toMatchObject({ runs: 3, epochs: [1, 2], median: [0.2, 0.6] });
    // Hand: numpy's linear quartiles of 0.1, 0.2, 0.3 are 0.15 and 0.25 (and of the second epoch 0.55, 0.65).
    for (const [got, want] of [
      [curve?.q25, [0.15, 0.55]],
      [curve?.q75, [0.25, 0.65]],
    ] as const)
      for (const [i, w] of want.entries()) expect(got?.[i]).toBeCloseTo(w, 12);
  });
});

describe('imported runs: bad input names the field', () => {
  const ok = { label: 'a', runs: runsOf([0.9, 0.91]) };
  it.each([
    ['fewer than 2 runs in an arm', request([{ label: 'a', runs: runsOf([0.9]) }]), 'arms.0.runs'],
    ['a seed twice in one arm', request([{ label: 'a', runs: [...runsOf([0.9, 0.91]), { seed: 2, value: 0.5 }] }]), 'arms.0.runs.2.seed'],
    [
      'a NaN value (JSON null)',
      request([{ label: 'a', runs: [...runsOf([0.9, 0.91]), { seed: 3, value: null }] }] as never),
      'arms.0.runs.2.value',
    ],
    [
      'an infinite value',
      request([{ label: 'a', runs: [...runsOf([0.9, 0.91]), { seed: 3, value: Number.POSITIVE_INFINITY }] }]),
      'arms.0.runs.2.value',
    ],
    ['a fraction above 1', request([{ label: 'a', runs: runsOf([0.9, 91]) }]), 'arms.0.runs.1.value'],
    ['a percent below 0', request([{ label: 'a', runs: runsOf([-1, 50]) }], { unit: 'percent' }), 'arms.0.runs.0.value'],
    ['more than 10 arms', request(Array.from({ length: 11 }, (_, i) => ({ ...ok, label: `a${i}` }))), 'arms'],
    [
      'more than 10,000 runs in an arm',
      request([{ label: 'a', runs: runsOf(Array(IMPORT_LIMITS.maxRunsPerArm + 1).fill(0.5)) }]),
      'arms.0.runs',
    ],
    ['two arms with one label', request([ok, ok]), 'arms.1.label'],
    ['an unknown field', { ...request([ok]), backend: 'wasm' }, ''],
    ['no metric', { kind: 'imported', arms: [ok] }, 'metric'],
    ['a source address that is not http', { ...request([ok]), source: { url: 'javascript:alert(1)' } }, 'source.url'],
  ])('%s', async (_what, input, path) => {
    expect(await refusal(input)).toContain(path);
  });

  it('free text follows the spec’s rules once the runs are read (parseStudySpec): a control character in an arm label', async () => {
    const imported = await readImportRequest(request([{ ...ok, label: 'bad\u0007label' }]));
    expect(() => parseStudySpec(imported.spec)).toThrow(/runs\.arms\.0\.label/);
  });
});

describe('imported runs: a W&B-style runs table (CSV)', () => {
  // A W&B runs-table export (one row per run, its config and summary as columns); values as such an export writes them.
  const wandb = readFileSync('tests/fixtures/wandb-runs.csv', 'utf8');

  it('reads the seed, value and arm columns into arms in order of first appearance', async () => {
    const input = readRunsCsv(wandb, { value: 'test/accuracy', seed: 'seed', arm: 'optimizer', unit: 'fraction' });
    const { spec, runs } = await readImportRequest(input);
    expect(spec.runs.arms).toEqual([
      { label: 'adamw', runs: 5 },
      { label: 'sgd', runs: 5 },
    ]);
    expect(runs.arms[0].runs.map((r) => r.seed)).toEqual([0, 1, 2, 3, 4]);
    expect(runs.arms[0].runs[0].value).toBe(0.9412);
    expect(spec.metric).toEqual({ name: 'test/accuracy', unit: 'fraction', higherIsBetter: true });
  });

  it('is the same study as the same runs posted as JSON', async () => {
    const fromCsv = await readImportRequest(
      readRunsCsv(wandb, { value: 'test/accuracy', seed: 'seed', arm: 'optimizer', unit: 'fraction' }),
    );
    const json = JSON.parse(JSON.stringify(fromCsv.spec));
    const arms = fromCsv.runs.arms.map((a, k) => ({ label: json.runs.arms[k].label, runs: [...a.runs].reverse() }));
    const fromJson = await readImportRequest({ kind: 'imported', metric: { name: 'test/accuracy', unit: 'fraction' }, arms });
    expect(await studyId(parseStudySpec(fromJson.spec))).toBe(await studyId(parseStudySpec(fromCsv.spec)));
  });

  it.each([
    ['an unknown value column', { value: 'accuracy', seed: 'seed' }, 'value', /no column "accuracy".*"test\/accuracy"/],
    ['an unknown seed column', { value: 'test/accuracy', seed: 'Seed' }, 'seed', /no column "Seed"/],
    ['an unknown arm column', { value: 'test/accuracy', seed: 'seed', arm: 'opt' }, 'arm', /no column "opt"/],
    [
      'a value column that is not numeric',
      { value: 'State', seed: 'seed' },
      'body',
      /row 2, column "State": "finished" is not a finite number/,
    ],
    [
      'a seed column that is not whole',
      { value: 'test/accuracy', seed: 'lr' },
      'body',
      /row 2, column "lr": "0.0003" is not a whole number/,
    ],
  ])('%s: a 400 naming the field or the row', (_what, options, path, message) => {
    try {
      readRunsCsv(wandb, options);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      expect((e as SpecError).issues[0].path).toBe(path);
      expect((e as SpecError).issues[0].message).toMatch(message);
    }
  });

  it('an empty value cell (a crashed run) is refused with its row', () => {
    const crashed = `${wandb.trimEnd()}\n"crashed-run","crashed","-","ana","","2026-11-30T12:00:00.000Z","12","","sgd","0.1","9",""\n`;
    expect(() => readRunsCsv(crashed, { value: 'test/accuracy', seed: 'seed' })).toThrow(/row 12, column "test\/accuracy": empty/);
  });
});

describe('npm start’s demo of imported runs', () => {
  it('is PyTorch’s 30 runs of digits-reference, the ones bench/reference/pytorch-digits-reference.json summarized', async () => {
    // The reference was written by the same script without --import-request: its mean and std are independent of this file.
    const reference = JSON.parse(readFileSync('bench/reference/pytorch-digits-reference.json', 'utf8'));
    const doc = await importedDocument(JSON.parse(readFileSync('data/imported/pytorch-digits-reference.json', 'utf8')));
    const [arm] = doc.arms;
    expect(arm.runCount).toBe(reference.seeds);
    expect(arm.statistics.mean).toBeCloseTo(reference.mean, 12);
    expect(arm.statistics.std).toBeCloseTo(reference.std, 12);
    expect(arm.statistics.min).toBe(reference.min);
    expect(arm.statistics.max).toBe(reference.max);
    expect(arm.curve?.epochs).toHaveLength(20);
  });
});
