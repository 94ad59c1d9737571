/**
 * `npm run bench:scale`: the 10,000-seed digits-reference study (preset digits-10k-seeds) end to end
 * on this machine, and what it costs:
 *  - `npm run study` with every core (--threads 2 here) and with one (--threads 1): wall time;
 *  - the local Worker (plain `wrangler dev` on the build, a fresh state): POST to done;
 *  - the document's size, the report page's (en, zh) and the embed card's, raw and gzip, and runs.csv;
 *  - the most KV operations one invocation makes (tests/workerd/kvOperations.scale.test.ts, which counts
 *    every invocation of a 10,000-seed study);
 *  - from the unit times and the consumer settings: a production estimate.
 * Writes bench/reference/scale.json; `npm run readme:presets` puts it in the README.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort, OFFLINE_WRANGLER_ENV, startWranglerDev } from '../cli/wranglerDev.ts';
import { findPreset, parseStudySpec, planWithinLimits } from '../src/index.ts';
import { WORKER_LIMITS } from './extremeSpecs.ts';

const PRESET = 'digits-10k-seeds';
const work = mkdtempSync(join(tmpdir(), 'seedlab-bench-scale-'));
const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const kb = (bytes: number) => round(bytes / 1024);

/** Seconds a command takes, its output kept for errors. */
function timedRun(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return (performance.now() - started) / 1000;
}

/** `npm run study` on the preset with N threads. */
const cliSeconds = (threads: number) =>
  round(
    timedRun(['scripts/run-ts.mjs', 'cli/study.ts', PRESET, '--threads', String(threads), '--json', join(work, `cli-${threads}.json`)]),
  );

async function localWorker() {
  const TOKEN = 'bench';
  const server = await startWranglerDev({ port: await freePort(), persistTo: join(work, 'state'), vars: { SEEDLAB_TOKEN: TOKEN } });
  try {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/studies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ preset: PRESET }),
    });
    const { id } = (await res.json()) as { id: string };
    let status: { status: string; document?: unknown };
    for (;;) {
      status = (await (await fetch(`${server.url}/api/studies/${id}`)).json()) as typeof status;
      if (['done', 'partial', 'failed'].includes(status.status)) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const seconds = round((performance.now() - started) / 1000);
    const bytes = async (path: string) => new Uint8Array(await (await fetch(`${server.url}${path}`)).arrayBuffer());
    const sizes = async (path: string) => {
      const b = await bytes(path);
      return { kb: kb(b.length), gzipKb: kb(gzipSync(b).length) };
    };
    const csv = await bytes(`/api/studies/${id}/runs.csv`);
    return {
      id,
      status: status.status,
      postToDoneSeconds: seconds,
      documentKb: kb(new TextEncoder().encode(JSON.stringify(status.document)).length),
      report: await sizes(`/r/${id}/`),
      reportZh: await sizes(`/zh/r/${id}/`),
      embed: await sizes(`/embed/${id}/`),
      runsCsv: { kb: kb(csv.length), rows: new TextDecoder().decode(csv).split('\r\n').length - 2 },
    };
  } finally {
    await server.stop();
  }
}

/** The most KV operations in one invocation, as the workerd test counts and prints them. */
function kvOperations() {
  const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'workerd-scale'], {
    encoding: 'utf8',
    env: { ...process.env, ...OFFLINE_WRANGLER_ENV },
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = /KV operations at 10,000 seeds: the most in one invocation (\d+) \(([^)]+)\); by invocation: (.*)/.exec(
    run.stdout + run.stderr,
  );
  if (!line) throw new Error(`no count in the test's output:\n${run.stdout}\n${run.stderr}`);
  return { most: Number(line[1]), where: line[2], byInvocation: line[3].trim() };
}

const spec = parseStudySpec(findPreset(PRESET)?.spec);
const plan = planWithinLimits(spec, WORKER_LIMITS);
const units = {
  count: plan.units.length,
  seedsPerUnit: plan.seedsPerUnit,
  estimateSeconds: round(Math.max(...plan.seconds.map((s) => s.estimate)), 2),
  upperSeconds: round(Math.max(...plan.seconds.map((s) => s.upper)), 2),
  totalUpperSeconds: round(plan.seconds.reduce((n, s) => n + s.upper, 0)),
};
const cli = { threads2Seconds: cliSeconds(2), threads1Seconds: cliSeconds(1) };
const worker = await localWorker();
const kv = kvOperations();
const result = { measuredAt: new Date().toISOString().slice(0, 10), machine: '2 cores', preset: PRESET, units, cli, worker, kv };
writeFileSync('bench/reference/scale.json', `${JSON.stringify(result, null, 1)}\n`);
console.log(JSON.stringify(result, null, 1));
