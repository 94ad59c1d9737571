/**
 * The API fuzz of tests/workerd/fuzz.test.ts, longer and against a real `wrangler dev` (local KV,
 * Queue and Durable Object): never a 5xx but the documented 501, always the error shape.
 *
 * Run: npm run bench:fuzz -- [--runs 20000] [--seed 20261126]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { freePort, startWranglerDev } from '../cli/wranglerDev.ts';
import { checkAnswer, FUZZ_SEED, request } from '../tests/workerd/fuzzRequests.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '20000' }, seed: { type: 'string', default: String(FUZZ_SEED) } },
});
const TOKEN = 'test-token';
const server = await startWranglerDev({
  port: await freePort(),
  persistTo: mkdtempSync(join(tmpdir(), 'seedlab-fuzz-')),
  vars: { SEEDLAB_TOKEN: TOKEN },
});
const send = (path: string, init: RequestInit & { token?: string | null }) => {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  return fetch(`${server.url}${path}`, { ...init, headers });
};
const statuses = new Map<number, number>();
const started = performance.now();
try {
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      const { status, problems } = await checkAnswer(send, r);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (problems.length) throw new Error(problems.join('\n'));
    }),
    { seed: Number(values.seed), numRuns: Number(values.runs) },
  );
  console.log(`${values.runs} requests in ${((performance.now() - started) / 1000).toFixed(0)} s, no problem`);
} finally {
  console.log('statuses:', Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])));
  await server.stop();
}
