import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  runInDurableObject,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { MAX_ATTEMPTS } from '../../functions/queue/consumeUnit.ts';
import { createWorker } from '../../functions/worker.ts';
import { parseStudySpec, planStudy, runStudyUnit, type StudySpec } from '../../src/index.ts';
import { call, env, storeWithLostMessages, waitForStudy } from './helpers.ts';

/** The Worker's queue and cron handlers, called directly (they render no page). */
const worker = createWorker(async () => new Response(null, { status: 404 }));

const spec = (title: string) =>
  parseStudySpec({
    title,
    dataset: { name: 'wine' },
    split: { kind: 'stratified' },
    scaling: { kind: 'standardize' },
    model: { hidden: [4] },
    training: { optimizer: { kind: 'adam', lr: 0.05 }, epochs: 2 },
    seeds: 3,
    backend: 'cpu',
  });

describe('nothing is lost', () => {
  it('the cron re-enqueues the units of a study whose messages were lost', async () => {
    const id = await storeWithLostMessages(spec('lost, cron'));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '* * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await env.STUDIES.list({ prefix: `enqueued:${id}:` })).keys).toHaveLength(4); // seeds [1, 2], [3], re-runs [1, 2], [3]
    const done = await waitForStudy(id);
    expect(done.status).toBe('done');
    expect(done.document.runs).toHaveLength(3);
    expect(await env.STUDIES.get(`active:${id}`)).toBeNull(); // the study left the cron's work list
  });

  it('results stored before units recorded their environment still combine, under the spec’s backend', async () => {
    // Engine 0.2.0 stored a unit's bare result; a study in flight across the upgrade finishes from them.
    const legacy = parseStudySpec({
      kind: 'data-size',
      title: 'stored by 0.2.0',
      dataset: { name: 'iris' },
      split: { kind: 'stratified' },
      training: { optimizer: { kind: 'adam' } },
      sizes: [20, 40],
      seeds: 2,
      models: ['knn'],
      backend: 'cpu',
    });
    const id = await storeWithLostMessages(legacy);
    const units = planStudy(legacy, 2);
    for (const [u, unit] of units.entries()) {
      const { result } = await runStudyUnit(legacy, unit);
      await env.STUDIES.put(`result:${id}:${u}`, JSON.stringify(result));
    }
    const done = await waitForStudy(id);
    expect(done.status).toBe('done');
    expect(done.document.environment).toMatchObject({ backend: 'cpu', runtime: 'workerd' });
    expect(done.document.curves[0].points.map((p: any) => p.accuracies.length)).toEqual([2, 2]);
  });

  it('a truncated unit result counts as missing: it is set aside, the unit trains again, the study finishes', async () => {
    const id = await storeWithLostMessages(spec('truncated result'));
    await env.STUDIES.put(`result:${id}:0`, '{"result":[{"seed":1,"fingerprint":"ab');
    const done = await waitForStudy(id); // every GET in between must answer, not 500
    expect(done.status).toBe('done');
    expect(done.document.runs.map((r: any) => r.seed)).toEqual([1, 2, 3]);
    expect(await env.STUDIES.get(`corrupt:${id}:0`)).toBe('{"result":[{"seed":1,"fingerprint":"ab');
    // The retrained unit gives what a clean run gives.
    const clean = await waitForStudy(await storeWithLostMessages(spec('truncated result, clean')));
    expect(done.document.runs.map((r: any) => r.fingerprint)).toEqual(clean.document.runs.map((r: any) => r.fingerprint));
  });

  it('a unit result of the wrong shape is retrained too', async () => {
    const id = await storeWithLostMessages(spec('foreign result'));
    await env.STUDIES.put(`result:${id}:1`, JSON.stringify({ result: { not: 'runs' }, environment: {} }));
    const done = await waitForStudy(id);
    expect(done.status).toBe('done');
    expect(done.document.runs).toHaveLength(3);
  });

  it('a corrupt record or document is a JSON error naming the study, and the cron still repairs the others', async () => {
    const brokenRecord = '00000000000000000000';
    await env.STUDIES.put(`study:${brokenRecord}`, '{"id": "0000');
    await env.STUDIES.put(`active:${brokenRecord}`, '');
    const res = await call(`/api/studies/${brokenRecord}`, { token: null });
    expect(res.status).toBe(500);
    const body: any = await res.json();
    expect(body).toMatchObject({ study: brokenRecord, error: `study ${brokenRecord}: its record is not JSON (truncated or overwritten)` });

    const withBrokenDoc = await storeWithLostMessages(spec('broken document'));
    await env.STUDIES.put(`doc:${withBrokenDoc}`, '{"documentVersion": 2, "kind": "seed-va');
    const docRes = await call(`/api/studies/${withBrokenDoc}`, { token: null });
    expect(docRes.status).toBe(500);
    expect(await docRes.json()).toMatchObject({ study: withBrokenDoc, error: expect.stringMatching(/stored document cannot be read/) });

    // The cron visits the broken study first or last; either way the lost one is re-enqueued.
    const lost = await storeWithLostMessages(spec('lost behind a broken one'));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '* * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await env.STUDIES.list({ prefix: `enqueued:${lost}:` })).keys).toHaveLength(4);
    // The unreadable study left the cron's work list (its keys stay), so the next sweep does not stumble on it.
    expect(await env.STUDIES.get(`active:${brokenRecord}`)).toBeNull();
    expect(await env.STUDIES.get(`study:${brokenRecord}`)).toBe('{"id": "0000');
    expect((await waitForStudy(lost)).status).toBe('done');
  });

  it('a unit stopped without an error (CPU or memory limit) still runs out of attempts', async () => {
    const id = await storeWithLostMessages(spec('stopped silently'));
    // Three starts of unit 0 that never finished and never threw: the next start is one too many.
    await env.STUDIES.put(`attempts:${id}:0`, String(MAX_ATTEMPTS));
    const settled = await waitForStudy(id);
    // Unit 0 (seeds 1 and 2) failed for good; the study completes from the rest, marked partial.
    expect(settled.status).toBe('partial');
    expect(settled.failures).toEqual([
      expect.objectContaining({ unit: 0, attempts: MAX_ATTEMPTS, error: expect.stringMatching(/^stopped 3 times without finishing/) }),
    ]);
    expect(settled.document.partial.failedSeeds).toEqual([1, 2]);
  });

  it('while the queue is moving (a unit settled within the stale window), waiting units are not sent again', async () => {
    const id = await storeWithLostMessages(spec('queue moving'));
    const record = JSON.parse((await env.STUDIES.get(`study:${id}`)) ?? '{}');
    const object = env.CREATION.get(env.CREATION.idFromName(id));
    // The study's object counts it (as if it had created it), and unit 0 settled a moment ago.
    await runInDurableObject(object, async (_instance, state) => {
      await state.storage.put('created', record);
    });
    await object.unitSettled(0, 'done');
    const cron = async () => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ cron: '* * * * *' }), env, ctx);
      await waitOnExecutionContext(ctx);
      return (await env.STUDIES.list({ prefix: `enqueued:${id}:` })).keys.length;
    };
    expect(await cron()).toBe(0);
    // Quiet for longer than the window: every unit without a result is sent again.
    await runInDurableObject(object, async (_instance, state) => {
      const counts = (await state.storage.get<Record<string, number>>('counts')) ?? {};
      await state.storage.put('counts', { ...counts, lastSettledAt: Date.now() - 60_000 });
    });
    expect(await cron()).toBe(4);
  });

  it('a study just created is not sent again: creation sent its units, and writes no key per unit', async () => {
    const id = await storeWithLostMessages(spec('just created'), new Date());
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '* * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await env.STUDIES.list({ prefix: `enqueued:${id}:` })).keys).toEqual([]);
  });

  it('the repair leaves a unit whose consumer is beating, and re-sends the ones nobody has heard of', async () => {
    const id = await storeWithLostMessages(spec('beating'));
    await env.STUDIES.put(`running:${id}:0`, String(Date.now())); // a consumer training unit 0 right now
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '* * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await env.STUDIES.get(`enqueued:${id}:0`)).toBeNull(); // never sent: its heartbeat is fresh
    expect((await env.STUDIES.list({ prefix: `enqueued:${id}:` })).keys.map((k) => k.name).sort()).toEqual(
      [1, 2, 3].map((u) => `enqueued:${id}:${u}`),
    );
  });

  it('a duplicate delivery while the unit trains elsewhere is dropped without counting an attempt', async () => {
    const id = await storeWithLostMessages(spec('duplicate delivery'));
    await env.STUDIES.put(`running:${id}:0`, String(Date.now())); // another consumer's fresh heartbeat
    const batch = createMessageBatch('seedlab-runs', [{ id: 'm1', timestamp: Date.now(), attempts: 1, body: { studyId: id, unit: 0 } }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(['m1']);
    expect(await env.STUDIES.get(`attempts:${id}:0`)).toBeNull();
    expect(await env.STUDIES.get(`result:${id}:0`)).toBeNull();
  });

  it('a unit that failed for good leaves a partial document; a retry completes it', async () => {
    const id = await storeWithLostMessages(spec('partial, then retried'));
    // Unit 1 (seed 3) failed for good; the others train.
    await env.STUDIES.put(`failed:${id}:1`, JSON.stringify({ error: 'out of memory (simulated)', attempts: MAX_ATTEMPTS }));
    const partial = await waitForStudy(id);
    expect(partial.status).toBe('partial');
    expect(partial.document.partial).toEqual({
      failedSeeds: [3],
      failures: [{ purpose: 'main', seeds: [3], error: 'out of memory (simulated)', attempts: MAX_ATTEMPTS }],
    });
    expect(partial.document.runs.map((r: any) => r.seed)).toEqual([1, 2]);
    const listed: any = await (await call('/api/studies?limit=100', { token: null })).json();
    expect(listed.studies.find((s: any) => s.id === id).status).toBe('partial');

    // Only the token holder may retry, and only a partial or failed study.
    expect((await call(`/api/studies/${id}/retry`, { method: 'POST', token: null })).status).toBe(401);
    const retried = await call(`/api/studies/${id}/retry`, { method: 'POST' });
    expect(retried.status).toBe(202);
    expect(((await retried.json()) as any).status).not.toBe('partial');
    const done = await waitForStudy(id);
    expect(done.status).toBe('done');
    expect(done.document.partial).toBeUndefined();
    const clean = await waitForStudy(await storeWithLostMessages(spec('partial, clean')));
    expect(done.document.runs.map((r: any) => r.fingerprint)).toEqual(clean.document.runs.map((r: any) => r.fingerprint));
    const again = await call(`/api/studies/${id}/retry`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as any).status).toBe('done');
    expect((await call('/api/studies/ffffffffffffffffffff/retry', { method: 'POST' })).status).toBe(404);
  });

  it('of 50 concurrent retries exactly one reopens; the failing units train their bounded attempts once more, not once per request', async () => {
    const broken = { ...spec('retried by 50 at once'), seeds: [1], dataset: { name: 'no-such-set' } } as unknown as StudySpec;
    const id = await storeWithLostMessages(broken);
    const units = planStudy(parseStudySpec({ ...broken, dataset: { name: 'wine' } }), 2).length; // seed [1] and its re-run
    expect(units).toBe(2);
    expect((await waitForStudy(id, 90_000)).status).toBe('failed');

    // Every training that fails logs one line (functions/queue/consumeUnit.ts); count this study's.
    const failedTrainings = vi.spyOn(console, 'error');
    const trainingsOf = () => failedTrainings.mock.calls.filter(([line]) => String(line).startsWith(`study ${id} unit `)).length;
    const answers = await Promise.all(Array.from({ length: 50 }, () => call(`/api/studies/${id}/retry`, { method: 'POST' })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const refused of answers.filter((a) => a.status === 409)) {
      const body: any = await refused.json();
      expect(['queued', 'running', 'failed']).toContain(body.status);
      expect(body.error).toMatch(new RegExp(`^study ${id} (is (queued|running)|was retried at )`));
    }

    const settled = await waitForStudy(id, 90_000);
    expect(settled.status).toBe('failed');
    // One reopening: each unit trains MAX_ATTEMPTS times again (six 202s would have trained up to 6 x 3).
    expect(trainingsOf()).toBe(units * MAX_ATTEMPTS);
    for (const f of settled.failures)
      expect(f).toEqual(expect.objectContaining({ attempts: MAX_ATTEMPTS, error: expect.stringMatching(/no-such-set/) }));
    failedTrainings.mockRestore();

    // Failed again, but so soon after a retry that KV may not yet show every location what it reopened:
    // refused, saying when to come back.
    const tooSoon = await call(`/api/studies/${id}/retry`, { method: 'POST' });
    expect(tooSoon.status).toBe(409);
    expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(0);
    const body: any = await tooSoon.json();
    expect(body.status).toBe('failed');
    expect(body.error).toMatch(/was retried at .* another retry is accepted from /);
  });

  it('reading the status re-enqueues them too', async () => {
    const id = await storeWithLostMessages(spec('lost, read'));
    const done = await waitForStudy(id); // each GET repairs
    expect(done.status).toBe('done');
    expect(done.document.repeatability.identical).toBe(true);
  });

  it('a unit that keeps throwing is retried a bounded number of times, then recorded as failed', async () => {
    const broken = { ...spec('broken'), dataset: { name: 'no-such-set' } } as unknown as StudySpec;
    const id = await storeWithLostMessages(broken);
    const settled = await waitForStudy(id, 90_000);
    expect(settled.status).toBe('failed');
    expect(settled.failures).toHaveLength(4);
    for (const f of settled.failures) {
      expect(f.attempts).toBe(MAX_ATTEMPTS);
      expect(f.error).toMatch(/no-such-set/);
    }
    const list: any = await (await call('/api/studies', { token: null })).json();
    expect(list.studies.find((s: any) => s.id === id).status).toBe('failed');
  });
});
