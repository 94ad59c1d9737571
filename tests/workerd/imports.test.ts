import { describe, expect, it } from 'vitest';
import FIXTURE from '../../src/studies/imported/fixtures/imported.spec.json';
import WANDB from '../fixtures/wandb-runs.csv?raw';
import { call, env } from './helpers.ts';

// Runs trained elsewhere, through the real Worker: POST /api/studies with the runs inline and
// POST /api/imports with a W&B-style runs table, stored in the real KV; the study is done at once,
// every surface says it was not trained by Seedlab, and every bad input is a 400 naming the field
// or the row, with nothing stored.

const runs = (values: number[], from = 1) => values.map((value, i) => ({ seed: from + i, value }));
const request = (extra: Record<string, unknown> = {}) => ({
  kind: 'imported',
  title: 'Two optimizers, five seeds',
  metric: { name: 'validation loss', unit: 'raw', higherIsBetter: false },
  arms: [
    { label: 'AdamW', runs: runs([1.0, 1.1, 1.2, 1.05, 1.15]) },
    { label: 'SGD', runs: runs([1.3, 1.5, 1.7, 1.4, 1.6]) },
  ],
  ...extra,
});
const importCsv = (body: string, query: string, headers: Record<string, string> = { 'content-type': 'text/csv' }) =>
  call(`/api/imports${query}`, { method: 'POST', body, headers });

/** Every key imports write (to show a refusal stored nothing). */
const importKeys = async () => (await env.STUDIES.list({ prefix: 'runs:' })).keys.map((k) => k.name);

describe('a study of imported runs', () => {
  it('is created done at once (201), then the same runs are the same study (200)', async () => {
    const first = await call('/api/studies', { method: 'POST', json: request() });
    expect(first.status).toBe(201);
    const body: any = await first.json();
    expect(body).toMatchObject({ status: 'done', kind: 'imported', progress: { runsDone: 10, runsTotal: 10 } });
    // Lower is better: AdamW's loss is lower on every seed (paired differences −0.3 to −0.5).
    expect(body.document.verdict).toEqual([
      { question: 'a-better-than-b', outcome: { is: 'winner', who: 'AdamW' }, facts: { withinEffectSize: false } },
    ]);
    expect(body.document.comparisons[0]).toMatchObject({ design: 'paired', sharedSeeds: 5, probabilityOfImprovement: 1 });
    expect(body.document).not.toHaveProperty('environment');
    // The runs live outside the spec, content-addressed.
    expect(body.document.spec.runs.arms).toEqual([
      { label: 'AdamW', runs: 5 },
      { label: 'SGD', runs: 5 },
    ]);
    expect(await env.STUDIES.get(`runs:${body.document.spec.runs.id}`)).not.toBeNull();

    const shuffled = request();
    (shuffled.arms[0].runs as unknown[]).reverse();
    const again = await call('/api/studies', { method: 'POST', json: shuffled });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(body.id);
    // The spec that names the stored runs (as the report's recipe posts it) is the same study too.
    const bySpec = await call('/api/studies', { method: 'POST', json: body.document.spec });
    expect(bySpec.status).toBe(200);
    expect(((await bySpec.json()) as { id: string }).id).toBe(body.id);
  });

  it('serves every run: JSON pages, one seed, and runs.csv', async () => {
    const { id } = (await (await call('/api/studies', { method: 'POST', json: request() })).json()) as { id: string };
    const page: any = await (await call(`/api/studies/${id}/runs?limit=3`, { token: null })).json();
    expect(page.columns).toEqual(['seed', 'label', 'value', 'fingerprint']);
    expect(page.runs).toEqual([
      { seed: 1, label: 'AdamW', value: 1, fingerprint: null },
      { seed: 2, label: 'AdamW', value: 1.1, fingerprint: null },
      { seed: 3, label: 'AdamW', value: 1.2, fingerprint: null },
    ]);
    expect(page.next).toBe(3);
    const last: any = await (await call(`/api/studies/${id}/runs?cursor=9&limit=3`, { token: null })).json();
    expect(last).toMatchObject({ next: null, runs: [{ seed: 5, label: 'SGD', value: 1.6 }] });
    const seed: any = await (await call(`/api/studies/${id}/runs?seed=2`, { token: null })).json();
    expect(seed.runs.map((r: { label: string; value: number }) => `${r.label} ${r.value}`)).toEqual(['AdamW 1.1', 'SGD 1.5']);
    const csv = await call(`/api/studies/${id}/runs.csv`, { token: null });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('seed,label,value,fingerprint');
    expect(lines).toHaveLength(11);
    expect(lines[6]).toBe('1,SGD,1.3,');
    expect((await call(`/api/studies/${id}/runs?cursor=10`, { token: null })).status).toBe(400);
  });

  it('a W&B runs table through POST /api/imports: the same study as the same runs as JSON', async () => {
    const res = await importCsv(WANDB, '?value=test/accuracy&seed=seed&arm=optimizer&unit=fraction&metric=test%20accuracy');
    expect(res.status).toBe(201);
    const body: any = await res.json();
    expect(body.document.spec.runs.arms).toEqual([
      { label: 'adamw', runs: 5 },
      { label: 'sgd', runs: 5 },
    ]);
    expect(body.document.arms[0].runs.map((r: { value: number }) => r.value)).toEqual([0.9412, 0.9387, 0.9441, 0.9398, 0.942]);
    const asJson = await call('/api/studies', {
      method: 'POST',
      json: {
        kind: 'imported',
        metric: { name: 'test accuracy', unit: 'fraction' },
        arms: body.document.arms.map((a: { label: string; runs: { seed: number; value: number }[] }) => ({
          label: a.label,
          runs: a.runs.map(({ seed, value }) => ({ seed, value })),
        })),
      },
    });
    expect(asJson.status).toBe(200);
    expect(((await asJson.json()) as { id: string }).id).toBe(body.id);
  });

  it('every surface says the runs were not trained by Seedlab', async () => {
    const { id } = (await (await call('/api/studies', { method: 'POST', json: FIXTURE })).json()) as { id: string };
    const report = await (await call(`/r/${id}/`, { token: null })).text();
    expect(report).toContain('Imported: these runs were trained elsewhere and uploaded; Seedlab did not train them.');
    expect(report).toContain('PyTorch 2.5');
    expect(report).toContain('ResNet-18, 30 epochs');
    expect(report).not.toContain('id="verify"');
    expect(report).toContain('There is nothing to re-train here');
    expect(await (await call(`/zh/r/${id}/`, { token: null })).text()).toContain('Seedlab 没有训练它们');
    expect(await (await call(`/embed/${id}/`, { token: null })).text()).toContain('Imported: not trained by Seedlab');
    expect(await (await call(`/badge/${id}.svg`, { token: null })).text()).toContain('imported, not trained by Seedlab');
    expect(await (await call('/?', { token: null })).text()).toContain('Imported: not trained by Seedlab');
    const preview = await call(`/og/${id}.png`, { token: null });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/png');
    const oembed: any = await (await call(`/oembed?url=${encodeURIComponent(`http://seedlab.test/r/${id}/`)}`, { token: null })).json();
    expect(oembed.html).toContain(`/embed/${id}/`);
  });
});

describe('bad imports: a 400 naming the field or the row, nothing stored', () => {
  const storedRuns = async () => (await importKeys()).length;

  it.each([
    ['fewer than 2 runs', request({ arms: [{ label: 'A', runs: runs([1]) }] }), 'arms.0.runs'],
    ['a seed twice', request({ arms: [{ label: 'A', runs: [...runs([1, 2]), { seed: 1, value: 3 }] }] }), 'arms.0.runs.2.seed'],
    ['a null (NaN) value', request({ arms: [{ label: 'A', runs: [...runs([1, 2]), { seed: 3, value: null }] }] }), 'arms.0.runs.2.value'],
    [
      'a fraction outside [0, 1]',
      request({ metric: { name: 'acc', unit: 'fraction' }, arms: [{ label: 'A', runs: runs([0.5, 1.5]) }] }),
      'arms.0.runs.1.value',
    ],
    [
      'a percent outside [0, 100]',
      request({ metric: { name: 'acc', unit: 'percent' }, arms: [{ label: 'A', runs: runs([50, 101]) }] }),
      'arms.0.runs.1.value',
    ],
    ['more than 10 arms', request({ arms: Array.from({ length: 11 }, (_, i) => ({ label: `a${i}`, runs: runs([1, 2]) })) }), 'arms'],
    ['a label with an open bidi override', request({ arms: [{ label: 'A\u202e', runs: runs([1, 2]) }] }), 'runs.arms.0.label'],
  ])('%s', async (_what, json, path) => {
    const stored = await storedRuns();
    const res = await call('/api/studies', { method: 'POST', json });
    expect(res.status).toBe(400);
    const body: any = await res.json();
    expect(body.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await storedRuns()).toBe(stored);
  });

  it('a spec naming runs not stored, or stored runs with other counts: a 400 on runs, and no study', async () => {
    const created: any = await (await call('/api/studies', { method: 'POST', json: request() })).json();
    const { spec } = created.document;
    const studies = async () => (await env.STUDIES.list({ prefix: 'study:' })).keys.length;
    const before = await studies();
    const missing = await call('/api/studies', { method: 'POST', json: { ...spec, runs: { ...spec.runs, id: 'f'.repeat(20) } } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { issues: { path: string }[] }).issues[0].path).toBe('runs.id');
    const miscounted = { ...spec, title: 'miscounted', runs: { ...spec.runs, arms: [{ label: 'AdamW', runs: 4 }, spec.runs.arms[1]] } };
    const wrong = await call('/api/studies', { method: 'POST', json: miscounted });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { issues: { path: string }[] }).issues[0].path).toBe('runs.arms');
    expect(await studies()).toBe(before);
  });

  it('NaN written as Python writes it: not JSON, and the error says why', async () => {
    const res = await call('/api/studies', {
      method: 'POST',
      body: '{"kind": "imported", "metric": {"name": "m"}, "arms": [{"label": "A", "runs": [{"seed": 1, "value": NaN}]}]}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { message: string }[] }).issues[0].message).toMatch(/NaN and Infinity are not JSON numbers/);
  });

  it('more than 10,000 runs in an arm', async () => {
    const res = await call('/api/studies', {
      method: 'POST',
      json: request({ arms: [{ label: 'A', runs: runs(Array(10_001).fill(1)) }] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { path: string }[] }).issues[0].path).toBe('arms.0.runs');
  });

  it('a spec without runs is held to the 64 KB of a spec; a study that brings runs to 5 MB', async () => {
    const big = { preset: 'x'.repeat(70_000) };
    expect((await call('/api/studies', { method: 'POST', json: big })).status).toBe(413);
    const over = await call('/api/studies', {
      method: 'POST',
      body: `{"kind":"imported","arms":[${' '.repeat(5_000_001)}]}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(over.status).toBe(413);
  });

  it.each([
    ['an unknown value column', '?value=acc&seed=seed', 'value', undefined],
    ['an unknown arm column', '?value=test/accuracy&seed=seed&arm=group', 'arm', undefined],
    ['a value column that is not numeric', '?value=Name&seed=seed', 'body', 2],
  ])('CSV: %s', async (_what, query, path, row) => {
    const stored = await storedRuns();
    const res = await importCsv(WANDB, query);
    expect(res.status).toBe(400);
    const body: any = await res.json();
    expect(body.issues[0].path).toBe(path);
    expect(body.row).toBe(row);
    expect(await storedRuns()).toBe(stored);
  });

  it('CSV: a bad query is a 400 naming it; another media type a 415; no token a 401', async () => {
    const res = await importCsv(WANDB, '?value=test/accuracy&seed=seed&unit=ratio');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { path: string }[] }).issues[0].path).toBe('unit');
    expect((await importCsv(WANDB, '?value=test/accuracy&seed=seed', { 'content-type': 'application/json' })).status).toBe(415);
    const anonymous = await call('/api/imports?value=test/accuracy&seed=seed', {
      method: 'POST',
      body: WANDB,
      headers: { 'content-type': 'text/csv' },
      token: null,
    });
    expect(anonymous.status).toBe(401);
  });
});
