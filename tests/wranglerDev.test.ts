import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DevServer, freePort, startWranglerDev } from '../cli/wranglerDev.ts';

const TOKEN = 'e2e-token';
const spec = {
  title: 'e2e over real wrangler dev',
  dataset: { name: 'circles', samples: 200, noise: 0.1 },
  split: { kind: 'stratified', testFraction: 0.25 },
  model: { hidden: [8] },
  training: { optimizer: { kind: 'adam', lr: 0.05 }, epochs: 3 },
  seeds: 4,
};

describe('end to end over real wrangler dev', () => {
  const work = mkdtempSync(join(tmpdir(), 'seedlab-e2e-'));
  const persistTo = join(work, 'state');
  let server: DevServer | undefined;
  afterAll(async () => server?.stop());

  it('submits over HTTP, polls to done, restarts, and reads the study back unchanged', async () => {
    const port = await freePort();
    server = await startWranglerDev({ port, persistTo, vars: { SEEDLAB_TOKEN: TOKEN } });
    const post = await fetch(`${server.url}/api/studies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    expect(post.status).toBe(202);
    const { id } = (await post.json()) as { id: string };
    let study: any;
    for (const end = Date.now() + 90_000; ; ) {
      study = await (await fetch(`${server.url}/api/studies/${id}`)).json();
      if (study.status === 'done' || Date.now() > end) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(study.status).toBe('done');
    expect(study.document.environment).toMatchObject({ runtime: 'workerd', backend: 'wasm' });

    await server.stop();
    server = await startWranglerDev({ port, persistTo, vars: { SEEDLAB_TOKEN: TOKEN } });
    const again: any = await (await fetch(`${server.url}/api/studies/${id}`)).json();
    expect(again).toEqual(study);
    // Resubmitting after the restart finds the stored study.
    const repost = await fetch(`${server.url}/api/studies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    expect(repost.status).toBe(200);
  }, 180_000);
});
