import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  runInDurableObject,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { SeedlabEnv, UnitMessage } from '../../functions/env.ts';
import type { StudyCreation } from '../../functions/studies/creation.ts';
import { createWorker } from '../../functions/worker.ts';
import { env } from './helpers.ts';

/**
 * A 10,000-seed study through every invocation the Worker makes of it (the POST, the study's
 * Durable Object, each queue delivery, status reads, the cron, the runs), each with its own count
 * of KV operations, as Cloudflare counts them (a bulk get of up to 100 keys is one). Workers KV
 * allows 1,000 per invocation (https://developers.cloudflare.com/kv/platform/limits/). The spec is
 * trivial (iris, one epoch): the count does not depend on the model, only on the units.
 */
const KV_OPERATIONS_PER_INVOCATION = 1000;

const worker = createWorker(async () => new Response(null, { status: 404 }));

/** A KV binding that counts what it is asked to do (every method is one operation, a bulk get too). */
function countingKv(kv: KVNamespace, count: { ops: number }): KVNamespace {
  return new Proxy(kv, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        count.ops++;
        return value.apply(target, args);
      };
    },
  });
}

describe('KV operations per invocation, at 10,000 seeds', () => {
  it('no invocation of a 10,000-seed study does more than 1,000 KV operations', async () => {
    const queue: UnitMessage[] = [];
    const counts: { what: string; ops: number }[] = [];
    /** A fresh env for one invocation: KV counted, messages kept here (this test delivers them), units of 40 seeds (wrangler.toml). */
    const invocation = (what: string): SeedlabEnv => {
      const count = { what, ops: 0 };
      counts.push(count);
      const runs = {
        send: async (body: UnitMessage) => void queue.push(body),
        sendBatch: async (messages: { body: UnitMessage }[]) => void queue.push(...messages.map((m) => m.body)),
      } as unknown as Queue;
      const creation = {
        idFromName: (name: string) => env.CREATION.idFromName(name),
        // The study's Durable Object is an invocation of its own, with its own count.
        get: (id: DurableObjectId) => {
          const object = env.CREATION.get(id);
          return {
            create: (record: unknown) =>
              runInDurableObject(object, (instance: StudyCreation) => {
                (instance as unknown as { env: SeedlabEnv }).env = invocation('durable object: create');
                return instance.create(record as Parameters<StudyCreation['create']>[0]);
              }),
            // The counts live in the object's own storage, not in KV.
            unitSettled: (unit: number, outcome: 'done' | 'failed') => object.unitSettled(unit, outcome),
            unitsReopened: (units: number[]) => object.unitsReopened(units),
            progress: () => object.progress(),
          };
        },
      } as unknown as SeedlabEnv['CREATION'];
      return { ...env, STUDIES: countingKv(env.STUDIES, count), RUNS: runs, CREATION: creation, SEEDS_PER_UNIT: '40' };
    };
    const request = (what: string, path: string, init: RequestInit = {}) =>
      worker.fetch(
        new Request(`http://seedlab.test${path}`, init) as Request<unknown, IncomingRequestCfProperties>,
        invocation(what),
        createExecutionContext(),
      );

    const spec = {
      title: 'ten thousand seeds, counted',
      dataset: { name: 'iris' },
      split: { kind: 'stratified', testFraction: 0.3 },
      scaling: { kind: 'standardize' },
      model: { hidden: [4] },
      training: { optimizer: { kind: 'adam', lr: 0.05 }, batchSize: 16, epochs: 1 },
      seeds: 10_000,
      backend: 'cpu',
    };
    const created = await request('POST', '/api/studies', {
      method: 'POST',
      headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    // 250 units of 40 seeds, and the re-run of seeds 1, 5000 and 10000.
    expect(queue).toHaveLength(251);

    const deliveries = queue.length;
    for (let delivered = 0; queue.length; delivered++) {
      const batch = createMessageBatch('seedlab-runs', [
        { id: `m${delivered}`, timestamp: new Date(), attempts: 1, body: queue.shift() as UnitMessage },
      ]);
      const ctx = createExecutionContext();
      await worker.queue(batch, invocation('queue: one unit'));
      await getQueueResult(batch, ctx);
      if (delivered === Math.floor(deliveries / 2)) {
        const half = (await (await request('status read, half done', `/api/studies/${id}`)).json()) as any;
        // Exact, from the study's object: units 0..125 are done, 40 seeds each.
        expect(half.progress).toEqual({ runsDone: 40 * (delivered + 1), runsTotal: 10_003 });
        // A redelivered unit is skipped, and counted once.
        await worker.queue(
          createMessageBatch('seedlab-runs', [{ id: 'again', timestamp: new Date(), attempts: 2, body: { studyId: id, unit: 0 } }]),
          invocation('queue: a redelivery'),
        );
        expect(((await (await request('status read, half done', `/api/studies/${id}`)).json()) as any).progress.runsDone).toBe(
          40 * (delivered + 1),
        );
        // The counts are the study's object's, each unit once (KV's listing can lag in production).
        expect(await env.CREATION.get(env.CREATION.idFromName(id)).progress()).toMatchObject({
          runsDone: 40 * (delivered + 1),
          unitsDone: delivered + 1,
          unitsFailed: 0,
        });
        const cron = createExecutionContext();
        await worker.scheduled(createScheduledController({ cron: '* * * * *' }), invocation('cron, half done'), cron);
        await waitOnExecutionContext(cron);
      }
    }
    const done = (await (await request('status read, done', `/api/studies/${id}`)).json()) as any;
    expect(done.status).toBe('done');
    expect(done.document.runCount).toBe(10_000);
    expect(done.document.runsInDocument).toBe('named');
    const page = (await (await request('runs: first page', `/api/studies/${id}/runs`)).json()) as any;
    expect(page.runs).toHaveLength(1000);
    const seed = (await (await request('runs: one seed', `/api/studies/${id}/runs?seed=5000`)).json()) as any;
    expect(seed.runs.map((r: any) => r.rerun)).toEqual([false, true]);
    const csv = await (await request('runs.csv', `/api/studies/${id}/runs.csv`)).text();
    expect(csv.split('\r\n')).toHaveLength(1 + 10_003 + 1);

    const worst = counts.reduce((a, b) => (b.ops > a.ops ? b : a));
    console.log(
      `KV operations at 10,000 seeds: the most in one invocation ${worst.ops} (${worst.what}); by invocation: ${[
        ...new Set(counts.map((c) => c.what)),
      ]
        .map((what) => `${what} ${Math.max(...counts.filter((c) => c.what === what).map((c) => c.ops))}`)
        .join(', ')}`,
    );
    expect(counts.filter((c) => c.what === 'queue: one unit').length).toBeGreaterThanOrEqual(251);
    expect(worst.ops).toBeLessThanOrEqual(KV_OPERATIONS_PER_INVOCATION);
  }, 600_000);
});
