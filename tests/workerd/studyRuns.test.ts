import { describe, expect, it } from 'vitest';
import { parseStudySpec } from '../../src/index.ts';
import { call, storeWithLostMessages, waitForStudy } from './helpers.ts';

// Every run of a study, served from its units' stored results (GET /api/studies/<id>/runs and runs.csv).
const setup = {
  dataset: { name: 'iris' },
  split: { kind: 'stratified', testFraction: 0.3 },
  scaling: { kind: 'standardize' },
  model: { hidden: [4] },
  training: { optimizer: { kind: 'adam', lr: 0.05 }, batchSize: 16, epochs: 1 },
  backend: 'cpu',
};

async function doneStudy(spec: unknown): Promise<any> {
  const res = await call('/api/studies', { method: 'POST', json: spec });
  expect([200, 202]).toContain(res.status);
  return waitForStudy(((await res.json()) as { id: string }).id);
}

describe('the runs of a study', () => {
  it('seed-variance: pages of whole units, every run once, the re-runs marked; one seed; the CSV', async () => {
    const done = await doneStudy({ ...setup, title: 'runs', seeds: 5 });
    // Units of 2 seeds (SEEDS_PER_UNIT in vitest.config.ts): [1, 2], [3, 4], [5], re-runs [1, 3], [5].
    const first: any = await (await call(`/api/studies/${done.id}/runs?limit=3`, { token: null })).json();
    expect(first.columns).toEqual(['seed', 'rerun', 'test_accuracy', 'test_loss', 'fingerprint', 'diverged', 'diverged_at_epoch']);
    expect(first.runs.map((r: any) => r.seed)).toEqual([1, 2]);
    expect(first.next).toBe(1);
    expect(first.links.next).toMatch(new RegExp(`/api/studies/${done.id}/runs\\?cursor=1&limit=3$`));
    const pages = [first];
    while (pages[pages.length - 1].next !== null)
      pages.push(await (await call(`/api/studies/${done.id}/runs?limit=3&cursor=${pages[pages.length - 1].next}`, { token: null })).json());
    const runs = pages.flatMap((p) => p.runs);
    expect(runs.map((r: any) => [r.seed, r.rerun])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [1, true],
      [3, true],
      [5, true],
    ]);
    // Each run is the document's (every run of 5 seeds is in the document).
    for (const run of done.document.runs) {
      const row = runs.find((r: any) => r.seed === run.seed && !r.rerun);
      expect(row).toMatchObject({
        fingerprint: run.fingerprint,
        test_accuracy: run.testAccuracy,
        test_loss: run.testLoss,
        diverged: run.diverged,
      });
    }
    const seed3: any = await (await call(`/api/studies/${done.id}/runs?seed=3`, { token: null })).json();
    expect(seed3.runs.map((r: any) => r.rerun)).toEqual([false, true]);
    expect(seed3.runs[0].fingerprint).toBe(seed3.runs[1].fingerprint);

    const csv = await call(`/api/studies/${done.id}/runs.csv`, { token: null });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('seed,rerun,test_accuracy,test_loss,fingerprint,diverged,diverged_at_epoch');
    expect(lines).toHaveLength(1 + 8 + 1); // the header, eight runs, and the empty string after the last line break
    const one = done.document.runs[0];
    expect(lines[1]).toBe(`1,false,${one.testAccuracy},${one.testLoss},${one.fingerprint},false,`);
  });

  it('compare: the arm (a or b) and its label, quoted in the CSV where it holds a comma or a quote', async () => {
    const { backend, ...arm } = setup;
    const done = await doneStudy({ kind: 'compare', backend, a: { ...arm, label: 'Adam, "fast"' }, b: { ...arm, label: 'B' }, seeds: 2 });
    const page: any = await (await call(`/api/studies/${done.id}/runs`, { token: null })).json();
    expect(page.runs.map((r: any) => [r.arm, r.label, r.seed])).toEqual([
      ['a', 'Adam, "fast"', 1],
      ['a', 'Adam, "fast"', 2],
      ['b', 'B', 1],
      ['b', 'B', 2],
    ]);
    const lines = (await (await call(`/api/studies/${done.id}/runs.csv`, { token: null })).text()).split('\r\n');
    expect(lines[0]).toBe('seed,arm,label,test_accuracy,test_loss,fingerprint,diverged,diverged_at_epoch');
    expect(lines[1].startsWith('1,a,"Adam, ""fast""",')).toBe(true);
  });

  it('answers why there are no runs: none yet (409), a kind without per-run results (404), a cursor past the units (400)', async () => {
    const queued = await storeWithLostMessages(parseStudySpec({ ...setup, title: 'runs later', seeds: 2 }));
    const early = await call(`/api/studies/${queued}/runs`, { token: null });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ status: 'queued', error: expect.stringMatching(/once it is done/) });
    expect((await call(`/api/studies/${queued}/runs.csv`, { token: null })).status).toBe(409);

    const audit = await doneStudy({ ...setup, kind: 'determinism-audit', models: ['mlp'] });
    const none = await call(`/api/studies/${audit.id}/runs`, { token: null });
    expect(none.status).toBe(404);
    expect(((await none.json()) as any).error).toMatch(/keeps no per-run results/);

    const done = await doneStudy({ ...setup, title: 'runs', seeds: 5 });
    for (const query of ['cursor=99', 'cursor=-1', 'cursor=x', 'limit=0', 'limit=1001', 'seed=0', 'colour=red']) {
      const res = await call(`/api/studies/${done.id}/runs?${query}`, { token: null });
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as any).issues.length, query).toBeGreaterThan(0);
    }
    expect((await call('/api/studies/0123456789abcdef0123/runs', { token: null })).status).toBe(404);
  });
});
