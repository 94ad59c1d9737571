/**
 * Times the site build for N studies (default 50): starts wrangler dev on a throwaway state,
 * trains N small real studies through the API, then runs the real `astro build` from that KV.
 *
 * Run: npm run bench:site -- [--studies 50]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../cli/buildSite.ts';
import { freePort, startWranglerDev } from '../cli/wranglerDev.ts';

const { values } = parseArgs({ options: { studies: { type: 'string', default: '50' } } });
const n = Number(values.studies);
const work = mkdtempSync(join(tmpdir(), 'seedlab-bench-site-'));
const server = await startWranglerDev({ port: await freePort(), persistTo: join(work, 'state'), vars: { SEEDLAB_TOKEN: 'bench' } });
try {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${server.url}/api/studies`, {
      method: 'POST',
      headers: { authorization: 'Bearer bench', 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `bench study ${i + 1}`,
        dataset: { name: i % 2 ? 'iris' : 'moons', ...(i % 2 ? {} : { samples: 200 }) },
        split: { kind: 'stratified' },
        scaling: { kind: 'standardize' },
        training: { optimizer: { kind: 'adam', lr: 0.02 }, epochs: 5 },
        seeds: 10,
      }),
    });
    ids.push(((await res.json()) as { id: string }).id);
  }
  for (const id of ids) {
    for (;;) {
      const s = (await (await fetch(`${server.url}/api/studies/${id}`)).json()) as { status: string };
      if (s.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const build = await buildSite({ siteUrl: server.url, statePath: join(work, 'state', 'v3'), outDir: join(work, 'dist') });
  console.log(`site build: ${build.studies} studies (10 seeds each) in ${build.seconds.toFixed(1)} s`);
} finally {
  await server.stop();
}
