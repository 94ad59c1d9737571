import { describe, expect, inject, it } from 'vitest';
import { CROSS_RUNTIME_SPEC, LONE_SEED_SPEC } from '../crossRuntimeSpec.ts';
import { call, env, waitForStudy } from './helpers.ts';

const tiny = {
  title: 'tiny',
  dataset: { name: 'iris' },
  split: { kind: 'stratified', testFraction: 0.3 },
  scaling: { kind: 'standardize' },
  model: { hidden: [4] },
  training: { optimizer: { kind: 'adam', lr: 0.05 }, batchSize: 16, epochs: 2 },
  seeds: 3,
  backend: 'cpu',
};

describe('studies through the API (real KV and Queue inside workerd)', () => {
  it('50 identical submissions at once create one study: one 202, one listing entry, each unit sent once', async () => {
    const spec = { ...tiny, title: 'fifty at once' };
    const responses = await Promise.all(Array.from({ length: 50 }, () => call('/api/studies', { method: 'POST', json: spec })));
    const bodies: any[] = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(49).fill(200), 202]);
    const id = bodies[0].id;
    expect(new Set(bodies.map((b) => b.id))).toEqual(new Set([id]));
    expect(new Set(bodies.map((b) => b.createdAt)).size).toBe(1);
    const listing = (await env.STUDIES.list({ prefix: 'list:' })).keys.filter((k) => k.name.endsWith(`:${id}`));
    expect(listing).toHaveLength(1);
    const done = await waitForStudy(id);
    expect(done.status).toBe('done');
    // Every unit started once: a second message for a unit would have counted a second attempt.
    const attempts = await env.STUDIES.list({ prefix: `attempts:${id}:` });
    expect(attempts.keys).toHaveLength(4); // seeds [1, 2], [3], re-runs [1, 2], [3]
    for (const k of attempts.keys) expect(await env.STUDIES.get(k.name)).toBe('1');
  });

  it('submit, queue, consume, done, read', async () => {
    const res = await call('/api/studies', { method: 'POST', json: tiny });
    expect(res.status).toBe(202);
    const created: any = await res.json();
    expect(created).toMatchObject({ status: 'queued', progress: { runsDone: 0, runsTotal: 6 } });
    expect(created.id).toMatch(/^[0-9a-f]{20}$/);
    expect(created.links).toEqual({
      self: `http://seedlab.test/api/studies/${created.id}`,
      report: `http://seedlab.test/r/${created.id}/`,
      embed: `http://seedlab.test/embed/${created.id}/`,
    });
    const done = await waitForStudy(created.id);
    expect(done.status).toBe('done');
    expect(done.progress).toEqual({ runsDone: 6, runsTotal: 6 });
    expect(done.document.id).toBe(created.id);
    expect(done.document.runs).toHaveLength(3);
    expect(done.document.repeatability.identical).toBe(true);
    expect(done.document.environment.runtime).toBe('workerd');
    // Every run is stored under the study with its fingerprint (units of 2 seeds, plus the re-run of 3).
    const resultKeys = await env.STUDIES.list({ prefix: `result:${created.id}:` });
    expect(resultKeys.keys).toHaveLength(4);
    const fingerprints = resultKeys.keys.flatMap((k) => (k.metadata as any).fingerprints);
    expect(fingerprints).toHaveLength(6);
    expect(fingerprints.every((f: string) => /^[0-9a-f]{16}$/.test(f))).toBe(true);
    // Each unit stores its result with the environment it ran in (the document takes it from there).
    const outcomes: any[] = await Promise.all(resultKeys.keys.map((k) => env.STUDIES.get(k.name, 'json')));
    for (const o of outcomes) expect(o.environment).toMatchObject({ backend: 'cpu', runtime: 'workerd' });
    expect(done.document.environment).toMatchObject({ backend: 'cpu', runtime: 'workerd' });
    const stored: any[] = outcomes.flatMap((o) => o.result);
    expect(stored.map((r) => r.fingerprint).sort()).toEqual(
      [...done.document.runs.map((r: any) => r.fingerprint), ...done.document.runs.map((r: any) => r.fingerprint)].sort(),
    );

    const list: any = await (await call('/api/studies', { token: null })).json();
    expect(list.studies[0]).toMatchObject({ id: created.id, status: 'done', kind: 'seed-variance', title: 'tiny' });
    expect(list.studies[0].headline).toMatch(/^3 seeds: .*deterministic ✓$/);
  });

  it('posting the same spec again returns the existing study and trains nothing twice', async () => {
    const first: any = await (await call('/api/studies', { method: 'POST', json: { ...tiny, title: 'again' } })).json();
    await waitForStudy(first.id);
    const attemptsBefore = await env.STUDIES.list({ prefix: `attempts:${first.id}:` });
    const res = await call('/api/studies', { method: 'POST', json: { ...tiny, title: 'again', seeds: [3, 2, 1] } });
    expect(res.status).toBe(200);
    const second: any = await res.json();
    expect(second.id).toBe(first.id);
    expect(second.status).toBe('done');
    await new Promise((r) => setTimeout(r, 300));
    const attemptsAfter = await env.STUDIES.list({ prefix: `attempts:${first.id}:` });
    expect(attemptsAfter.keys.map((k) => k.name)).toEqual(attemptsBefore.keys.map((k) => k.name));
    for (const k of attemptsAfter.keys) expect(await env.STUDIES.get(k.name)).toBe('1');
  });

  it('gives the same fingerprints as the CLI in Node (cpu backend)', async () => {
    const created: any = await (await call('/api/studies', { method: 'POST', json: CROSS_RUNTIME_SPEC })).json();
    const done = await waitForStudy(created.id);
    const cli = inject('cliCrossRuntime');
    expect(done.document.id).toBe(cli.id);
    expect(done.document.runs.map((r: any) => r.fingerprint)).toEqual(cli.fingerprints);
  });

  it('a seed alone in the last unit gets the fingerprint the CLI gives it in a group (wasm, a layer wider than 48)', async () => {
    const created: any = await (await call('/api/studies', { method: 'POST', json: LONE_SEED_SPEC })).json();
    // Units of 2 seeds (SEEDS_PER_UNIT in vitest.config.ts): [1, 2], [3], and the re-run of 1, 2, 3.
    expect(created.progress.runsTotal).toBe(6);
    const done = await waitForStudy(created.id);
    const cli = inject('cliLoneSeed');
    expect(done.document.id).toBe(cli.id);
    expect(done.document.runs.map((r: any) => r.fingerprint)).toEqual(cli.fingerprints);
    expect(done.document.verdict[0]).toMatchObject({ question: 'same-seed-same-weights', outcome: { is: 'yes' } });
  });

  it('accepts a preset by name', async () => {
    const res = await call('/api/studies', { method: 'POST', json: { preset: 'iris-small' } });
    expect(res.status).toBe(202);
    expect(((await res.json()) as any).title).toBe('Seed variance on iris (tiny network)');
  });

  it('a study of more units than one queue batch holds (100 messages) is sent whole, and finishes', async () => {
    // 6 sources x 50 units of two runs, and 3 implementation units: 303 messages, over three batches.
    const { seeds: _, ...setup } = tiny;
    const spec = { ...setup, kind: 'variance-sources', title: 'many units', training: { ...tiny.training, epochs: 1 }, runs: 100 };
    const res = await call('/api/studies', { method: 'POST', json: spec });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const record = JSON.parse((await env.STUDIES.get(`study:${id}`)) ?? '{}');
    expect(record.units.length).toBeGreaterThan(200);
    // Creation writes no key per unit (a unit never sent again was sent at createdAt): its KV writes do not grow with the units.
    expect((await env.STUDIES.list({ prefix: `enqueued:${id}:` })).keys).toHaveLength(0);
    expect((await waitForStudy(id, 120_000)).status).toBe('done');
  }, 150_000);
});
