import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { type DevServer, freePort, startWranglerDev } from '../cli/wranglerDev.ts';
import { parseStudySpec, runStudy } from '../src/index.ts';
import { TINY_SPEC } from './crossRuntimeSpec.ts';

// Faults over a real `wrangler dev` (local KV, Queue and Durable Object), as npm start runs it:
// the cron fired every second (wrangler dev never fires it), units stale after 3 s.
const TOKEN = 'faults-token';
const work = mkdtempSync(join(tmpdir(), 'seedlab-faults-'));
const persistTo = join(work, 'state');
let port = 0;
let server: DevServer;
const start = () => startWranglerDev({ port, persistTo, cronEveryMs: 1000, vars: { SEEDLAB_TOKEN: TOKEN, STALE_AFTER_SECONDS: '3' } });

const post = (body: unknown) =>
  fetch(`${server.url}/api/studies`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The listing only: reading it repairs nothing, so a study that finishes here resumed on its own. */
async function listed(): Promise<{ id: string; status: string }[]> {
  const studies: { id: string; status: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await (
      await fetch(`${server.url}/api/studies?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    ).json();
    studies.push(...page.studies);
    cursor = page.cursor;
  } while (cursor);
  return studies;
}

async function untilListedDone(ids: string[], timeoutMs: number) {
  for (const end = Date.now() + timeoutMs; ; ) {
    const byId = new Map((await listed()).map((s) => [s.id, s.status]));
    if (ids.every((id) => byId.get(id) === 'done')) return;
    if (Date.now() > end) throw new Error(`not done in time: ${ids.filter((id) => byId.get(id) !== 'done').length} of ${ids.length}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  port = await freePort();
  server = await start();
}, 90_000);
afterAll(async () => server?.stop());

describe('faults over real wrangler dev', () => {
  it('killed twice while units train, restarted: it resumes with nobody reading, and every fingerprint equals a clean run', async () => {
    const spec = {
      title: 'killed twice',
      dataset: { name: 'digits' },
      split: { kind: 'index-mod', k: 4, r: 3 },
      scaling: { kind: 'divide', by: 16 },
      model: { hidden: [64] },
      training: { optimizer: { kind: 'adam', lr: 0.001 }, batchSize: 32, epochs: 30 },
      seeds: 24,
      backend: 'wasm',
    };
    const res = await post(spec);
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    for (let kill = 0; kill < 2; kill++) {
      // Kill mid-training: once a unit has started (its heartbeat or first result is in).
      for (const end = Date.now() + 30_000; Date.now() < end; ) {
        const s: any = await (await fetch(`${server.url}/api/studies/${id}`)).json();
        if (s.status !== 'queued') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 700));
      await server.kill();
      server = await start();
    }
    await untilListedDone([id], 240_000);
    const study: any = await (await fetch(`${server.url}/api/studies/${id}`)).json();
    expect(study.status).toBe('done');
    // The same spec trained cleanly in this process (Node, groups of 30) gives the same weights.
    await useNodeBackend('wasm');
    const clean = await runStudy(parseStudySpec(spec));
    if (clean.kind !== 'seed-variance') throw new Error('kind');
    expect(study.document.runs.map((r: any) => r.fingerprint)).toEqual(clean.runs.map((r) => r.fingerprint));
    expect(study.document.repeatability.identical).toBe(true);
  }, 400_000);

  it('100 distinct studies submitted at once all finish', async () => {
    const tiny = (n: number) => ({ ...TINY_SPEC, title: `concurrent ${n}` });
    const responses = await Promise.all(Array.from({ length: 100 }, (_, n) => post(tiny(n))));
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(202));
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(100);
    await untilListedDone(ids, 240_000);
  }, 300_000);

  it('50 identical submissions at once make one study with one listing entry', async () => {
    const spec = { ...TINY_SPEC, title: 'fifty identical', model: { hidden: [3] }, seeds: 2 };
    const responses = await Promise.all(Array.from({ length: 50 }, () => post(spec)));
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(49).fill(200), 202]);
    const bodies: any[] = await Promise.all(responses.map((r) => r.json()));
    const id = bodies[0].id;
    expect(new Set(bodies.map((b) => b.id))).toEqual(new Set([id]));
    expect(new Set(bodies.map((b) => b.createdAt)).size).toBe(1);
    await untilListedDone([id], 120_000);
    expect((await listed()).filter((s) => s.id === id)).toHaveLength(1);
  }, 200_000);
});
