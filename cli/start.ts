/**
 * `npm start` (after `npm run build`): the local Seedlab. Starts the built Worker with wrangler dev
 * (API and pages, rendered from KV as in production) with persisted local KV and queue, submits the
 * demo presets through the API, shows their progress, and prints the links. Any study (also one
 * posted with curl) is readable at its link as soon as it is done: nothing is rebuilt. Ctrl-C stops
 * it all. Running it again reuses the stored studies (same ids, nothing retrained).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PRESETS } from '../src/index.ts';
import { ensureToken } from './devToken.ts';
import { createProgressBar } from './progressBar.ts';
import { type DevServer, freePort, startWranglerDev } from './wranglerDev.ts';

/**
 * The presets `npm start` posts: every one but the 10,000-seed study, whose 251 units the local
 * Worker trains one at a time (minutes, bench/README.md "Ten thousand seeds") while the other demos
 * wait behind them in the same queue; the start prints the line that posts it.
 */
const ON_REQUEST = new Set(['digits-10k-seeds']);
// The seed-variance demos first (they finish first), then each study kind's.
export const DEMO_PRESETS = PRESETS.map((p) => p.name).filter((name) => !ON_REQUEST.has(name));
const STATE_DIR = resolve('.state'); // git-ignored

/** A study with a report to open: complete, or partial (built from the units that finished). */
/**
 * What npm start posts: the demo presets, then runs trained elsewhere (PyTorch's runs of the
 * digits-reference protocol, made by bench/pytorch_digits_reference.py --import-request).
 */
const DEMOS = [
  ...DEMO_PRESETS.map((preset) => ({ name: preset, body: JSON.stringify({ preset }) })),
  { name: 'pytorch-runs', body: readFileSync('data/imported/pytorch-digits-reference.json', 'utf8') },
];
const hasReport = (status: string) => status === 'done' || status === 'partial';
/** A study that will not change without someone acting (a retry). */
const isSettled = (status: string) => hasReport(status) || status === 'failed';

interface StudyStatus {
  id: string;
  status: string;
  title: string;
  progress: { runsDone: number; runsTotal: number };
  links: { self: string; report: string; embed: string };
  failures?: { error: string }[];
}

async function main() {
  const token = ensureToken();
  const port = await freePort(8787);
  const started = performance.now();
  console.log(`starting wrangler dev on 127.0.0.1:${port} (state in .state/)…`);
  // The cron every 5 s: a study interrupted by a restart resumes with nobody reading its status.
  const server: DevServer = await startWranglerDev({ port, persistTo: STATE_DIR, cronEveryMs: 5000 });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping wrangler dev…');
    await server.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const submitted: StudyStatus[] = [];
    for (const demo of DEMOS) {
      const res = await fetch(`${server.url}/api/studies`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: demo.body,
      });
      const body = (await res.json()) as StudyStatus & { error?: string };
      if (!res.ok) throw new Error(`submitting ${demo.name} failed (${res.status}): ${body.error}`);
      const verb = res.status === 202 ? 'submitted' : res.status === 201 ? 'imported ' : 'found    ';
      console.log(`${verb} ${demo.name.padEnd(18)} ${body.id} (${body.status})`);
      submitted.push(body);
    }

    const bar = createProgressBar('studies');
    const firstDone = new Map<string, number>();
    let statuses = submitted;
    for (;;) {
      statuses = await Promise.all(submitted.map(async (s) => (await (await fetch(s.links.self)).json()) as StudyStatus));
      for (const s of statuses) if (isSettled(s.status) && !firstDone.has(s.id)) firstDone.set(s.id, (performance.now() - started) / 1000);
      const done = statuses.reduce((n, s) => n + s.progress.runsDone, 0);
      const total = statuses.reduce((n, s) => n + s.progress.runsTotal, 0);
      bar.update(done, total, `runs ${done}/${total}`);
      if (statuses.every((s) => isSettled(s.status))) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    bar.finish();

    console.log('');
    statuses.forEach((s, i) => {
      const mark = s.status === 'done' ? '✓' : s.status === 'partial' ? '◐' : '✗';
      console.log(`${mark} ${DEMOS[i].name.padEnd(18)} ${s.status.padEnd(6)} ready after ${firstDone.get(s.id)?.toFixed(1)} s`);
      console.log(`    ${s.links.self}`);
      for (const f of s.failures ?? []) console.log(`    failure: ${f.error}`);
    });
    console.log('\nReports:');
    for (const [i, s] of statuses.entries()) {
      if (hasReport(s.status)) console.log(`  ${DEMOS[i].name.padEnd(18)} ${server.url}/r/${s.id}/   中文: ${server.url}/zh/r/${s.id}/`);
    }
    console.log(`\nSeedlab is running at ${server.url}/`);
    console.log(`  API:       ${server.url}/api/studies   (OpenAPI: ${server.url}/api/openapi.json)`);
    console.log(`  write token (from .dev.vars): ${token}`);
    console.log(`  check a report's seeds: npm run verify -- <report URL>   (or click "Re-train" on a seed-variance report)`);
    console.log(`  studies:   ${server.url}/   (中文: ${server.url}/zh/)`);
    console.log(`  write a study, on built-in data or your own CSV: ${server.url}/new/   (中文: ${server.url}/zh/new/)`);
    console.log(`  a report of runs you trained elsewhere: npm run import -- runs.csv --value <column> --seed <column> [--arm <column>]`);
    for (const preset of ON_REQUEST)
      console.log(
        `  ${preset} (not started: minutes on one local isolate): curl -X POST ${server.url}/api/studies -H "authorization: Bearer ${token}" -H 'content-type: application/json' -d '{"preset": "${preset}"}'`,
      );
    console.log('A study posted from now on is readable at its link while it runs and once it is done. Press Ctrl-C to stop.');
    await new Promise(() => undefined); // until Ctrl-C
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    await shutdown(1);
  }
}

await main();
