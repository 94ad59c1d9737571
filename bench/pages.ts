/**
 * How fast pages are, from the built Worker under plain `wrangler dev` (local workerd, this machine):
 *  - from `done` to the first rendered report (the first request renders it from KV: a cache miss),
 *    and to the first preview PNG;
 *  - a cached request (a hit), median of many;
 *  - a fresh isolate: wrangler dev restarted, the first page it renders;
 *  - the Worker bundle, as `wrangler deploy --dry-run` counts it (the limit is on the gzip size);
 *  - each kind's report page weight (its fast fixture study): the HTML and what it loads (badge,
 *    scripts), raw and gzip, against the 150 KB budget (preview image excluded); and at scale: 100
 *    seeds x 200 epochs (the most epochs, every curve point), 10,000 seeds, a two-feature spiral of
 *    100 seeds x 200 epochs (nine maps of the plane), and a 10,000-seed compare,
 *    with their embed cards against the 60 KB budget;
 *  - what a reader who clicks "Re-train" loads on top: the engine chunk and the wasm binary.
 *
 * Run: npm run bench:pages -- [--studies 5] [--hits 50]   (builds first; writes bench/reference/pages.json)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type DevServer, freePort, OFFLINE_WRANGLER_ENV, startWranglerDev } from '../cli/wranglerDev.ts';
import { KIND_FIXTURES, readKindFixture } from '../tests/kindFixtures.ts';

const { values } = parseArgs({ options: { studies: { type: 'string', default: '5' }, hits: { type: 'string', default: '50' } } });
const studies = Number(values.studies);
const hits = Number(values.hits);
const TOKEN = 'bench';
const work = mkdtempSync(join(tmpdir(), 'seedlab-bench-pages-'));
const persistTo = join(work, 'state');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

/** Milliseconds to fetch a URL and read its whole body; the cache header says whether it was rendered. */
async function timed(url: string): Promise<{ ms: number; cache: string | null; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return { ms: performance.now() - t0, cache: res.headers.get('x-seedlab-cache'), status: res.status };
}

function bundleSize() {
  const run = spawnSync(
    process.execPath,
    [resolve('node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', join(work, 'dry')],
    {
      encoding: 'utf8',
      env: { ...process.env, ...OFFLINE_WRANGLER_ENV },
    },
  );
  const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(run.stdout + run.stderr);
  if (!m) throw new Error(`no size in wrangler's output:\n${run.stdout}${run.stderr}`);
  return { totalKiB: Number(m[1]), gzipKiB: Number(m[2]) };
}

/** Submits a spec to the local Worker and polls its status until it is done; returns its id and run count. */
async function submitAndWait(server: DevServer, spec: unknown): Promise<{ id: string; runs: number }> {
  const res = await fetch(`${server.url}/api/studies`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const s = (await (await fetch(`${server.url}/api/studies/${id}`)).json()) as { status: string; progress: { runsTotal: number } };
    if (s.status === 'done') return { id, runs: s.progress.runsTotal };
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A 10-seed digits study (the digits-reference setup) through the local Worker: seconds from POST to
 * done, with its units as planned (10 seeds in one group, and the 3-seed repeat group). It includes
 * the local queue's delivery, so it bounds the units' training time from above.
 */
async function digitsTenSeeds(server: DevServer) {
  const t0 = performance.now();
  const { runs } = await submitAndWait(server, {
    title: `bench pages: digits, 10 seeds ${Date.now()}`,
    dataset: { name: 'digits' },
    split: { kind: 'index-mod', k: 4, r: 3 },
    scaling: { kind: 'divide', by: 16 },
    model: { hidden: [32] },
    training: { optimizer: { kind: 'adam', lr: 0.001 }, batchSize: 32, epochs: 20 },
    seeds: 10,
  });
  return { seconds: round((performance.now() - t0) / 1000), runs };
}

async function postAndTimeFirstRender(server: DevServer, i: number) {
  const { id } = await submitAndWait(server, {
    title: `bench pages ${i} ${Date.now()}`,
    dataset: { name: 'moons', samples: 200, noise: 0.2 },
    split: { kind: 'stratified' },
    scaling: { kind: 'standardize' },
    model: { hidden: [8] },
    training: { optimizer: { kind: 'adam', lr: 0.05 }, epochs: 5 },
    seeds: 6,
  });
  const doneAt = performance.now();
  const report = await timed(`${server.url}/r/${id}/`);
  const fromDone = performance.now() - doneAt;
  const png = await timed(`${server.url}/og/${id}.png`);
  if (report.cache !== 'miss' || png.cache !== 'miss') throw new Error('the first request should render (a miss)');
  return { id, reportFromDoneMs: fromDone, reportRenderMs: report.ms, pngRenderMs: png.ms };
}

const kb = (n: number) => round(n / 1024);
const fetchBytes = async (server: DevServer, path: string) => new Uint8Array(await (await fetch(`${server.url}${path}`)).arrayBuffer());
/** The paths of the scripts a page loads (<script src>). */
const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);

/** A report and what it loads (its badge and its scripts; not the preview image, not the engine a click loads), raw and gzip, in KB. */
async function reportWeight(server: DevServer, fixture: string) {
  return pageWeight(server, readKindFixture(fixture));
}

async function pageWeight(server: DevServer, spec: Record<string, unknown>) {
  const { id } = await submitAndWait(server, spec);
  const page = await fetchBytes(server, `/r/${id}/`);
  const loads = await Promise.all(
    [`/badge/${id}.svg`, ...scriptsOf(new TextDecoder().decode(page))].map((path) => fetchBytes(server, path)),
  );
  const bodies = [page, ...loads];
  return {
    id,
    kind: (spec.kind as string | undefined) ?? 'seed-variance',
    htmlKB: kb(bodies[0].length),
    totalKB: kb(bodies.reduce((n, b) => n + b.length, 0)),
    totalGzipKB: kb(bodies.reduce((n, b) => n + gzipSync(b).length, 0)),
  };
}

const iris = {
  dataset: { name: 'iris' },
  split: { kind: 'stratified', testFraction: 0.3 },
  scaling: { kind: 'standardize' },
  model: { hidden: [8] },
};
const quick = (lr: number) => ({ optimizer: { kind: 'adam', lr }, epochs: 2 });
/** Studies at the limits: pages must stay within budget however many seeds and epochs (trained fast on iris). */
const SCALE_CASES: { name: string; spec: Record<string, unknown> }[] = [
  {
    name: 'seed-variance, 100 seeds x 200 epochs',
    spec: { ...iris, training: { optimizer: { kind: 'adam', lr: 0.01 }, epochs: 200 }, seeds: 100 },
  },
  { name: 'seed-variance, 10,000 seeds', spec: { ...iris, training: quick(0.05), seeds: 10_000 } },
  {
    // Two features: the decision regions and the step-by-step maps, on a ragged boundary (a wide net on noisy arms).
    name: 'seed-variance on a 5-arm spiral, 100 seeds x 200 epochs, with its nine maps',
    spec: {
      dataset: { name: 'spiral', samples: 600, noise: 0.3, classes: 5 },
      split: { kind: 'stratified', testFraction: 0.25 },
      scaling: { kind: 'standardize' },
      model: { hidden: [64, 64] },
      training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 32, epochs: 200 },
      seeds: 100,
    },
  },
  {
    name: 'compare, 10,000 seeds per arm',
    spec: {
      kind: 'compare',
      a: { ...iris, label: 'Adam', training: quick(0.05) },
      b: { ...iris, label: 'Adam, slower', training: quick(0.01) },
      seeds: 10_000,
    },
  },
];

async function scaleWeight(server: DevServer, c: (typeof SCALE_CASES)[number]) {
  const { id, kind: _kind, ...weight } = await pageWeight(server, c.spec);
  const embed = await fetchBytes(server, `/embed/${id}/`);
  return { case: c.name, ...weight, embedKB: kb(embed.length) };
}

/** What the verify panel loads on click: the engine chunk its script imports, and the wasm binary the engine fetches. */
async function verifyEngineWeight(server: DevServer, reportId: string) {
  const html = new TextDecoder().decode(await fetchBytes(server, `/r/${reportId}/`));
  const panel = scriptsOf(html).find((s) => s.includes('VerifyPanel'));
  if (!panel) throw new Error('the report has no verify panel script');
  const panelCode = new TextDecoder().decode(await fetchBytes(server, panel));
  const engineName = /browserEngine[\w.-]*\.js/.exec(panelCode)?.[0];
  if (!engineName) throw new Error('the panel script imports no engine chunk');
  const entry = await fetchBytes(server, `/_astro/${engineName}`);
  const engineCode = new TextDecoder().decode(entry);
  // The engine chunk is a small entry over the chunks it imports (the engine itself is a chunk the
  // study form shares): a click loads them all.
  const chunks = [...engineCode.matchAll(/from\s*"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]);
  const imported = await Promise.all(chunks.map((name) => fetchBytes(server, `/_astro/${name}`)));
  const engine = new Uint8Array([...entry, ...imported.flatMap((b) => [...b])]);
  // tfjs's SIMD binary and the fused kernels.
  const wasmNames = [/tfjs-backend-wasm-simd[\w.-]*\.wasm/, /seedlab-mlp[\w.-]*\.wasm/].map((re) => re.exec(engineCode)?.[0]);
  if (wasmNames.some((n) => !n)) throw new Error(`the engine chunk does not name both wasm binaries (${wasmNames.join(', ')})`);
  const wasm = await Promise.all(wasmNames.map((name) => fetchBytes(server, `/_astro/${name}`)));
  const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);
  return {
    engineKB: kb(engine.length),
    engineGzipKB: kb(gzipSync(engine).length),
    wasmKB: kb(sum(wasm.map((w) => w.length))),
    wasmGzipKB: kb(sum(wasm.map((w) => gzipSync(w).length))),
  };
}

const bundle = bundleSize();
let server = await startWranglerDev({ port: await freePort(), persistTo, vars: { SEEDLAB_TOKEN: TOKEN } });
const firsts: Awaited<ReturnType<typeof postAndTimeFirstRender>>[] = [];
let cachedMs: number[] = [];
let freshIsolate: {
  readyMs: number;
  firstPageMs: number;
  firstPageCache: string | null;
  firstStudy: Awaited<ReturnType<typeof digitsTenSeeds>>;
};
const weights: Awaited<ReturnType<typeof reportWeight>>[] = [];
const scaleWeights: Awaited<ReturnType<typeof scaleWeight>>[] = [];
let verifyEngine: Awaited<ReturnType<typeof verifyEngineWeight>>;
let tenSeeds: Awaited<ReturnType<typeof digitsTenSeeds>>;
try {
  for (const fixture of KIND_FIXTURES) weights.push(await reportWeight(server, fixture));
  for (const c of SCALE_CASES) scaleWeights.push(await scaleWeight(server, c));
  verifyEngine = await verifyEngineWeight(server, weights[0].id);
  tenSeeds = await digitsTenSeeds(server);
  for (let i = 0; i < studies; i++) firsts.push(await postAndTimeFirstRender(server, i));
  const id = firsts[0].id;
  const hitTimes = [];
  for (let i = 0; i < hits; i++) {
    const r = await timed(`${server.url}/r/${id}/`);
    if (r.cache !== 'hit') throw new Error(`request ${i} was a ${r.cache}`);
    hitTimes.push(r.ms);
  }
  cachedMs = hitTimes;
  await server.stop();
  // A fresh isolate: a new wrangler dev on the same state; its first page (never rendered before).
  const t0 = performance.now();
  server = await startWranglerDev({ port: await freePort(), persistTo, vars: { SEEDLAB_TOKEN: TOKEN } });
  const readyMs = performance.now() - t0;
  const first = await timed(`${server.url}/zh/embed/${id}/`);
  // Its first training: the wasm backend and the kernels compile in this isolate (the same study warm is tenSeeds).
  const firstStudy = await digitsTenSeeds(server);
  freshIsolate = { readyMs, firstPageMs: first.ms, firstPageCache: first.cache, firstStudy };
} finally {
  await server.stop();
}

const result = {
  measuredAt: new Date().toISOString().slice(0, 10),
  machine: '2 cores, local workerd under wrangler dev',
  studies,
  bundle,
  reportFromDoneMs: { median: round(median(firsts.map((f) => f.reportFromDoneMs))), all: firsts.map((f) => round(f.reportFromDoneMs)) },
  reportFirstRenderMs: { median: round(median(firsts.map((f) => f.reportRenderMs))) },
  previewPngFirstRenderMs: { median: round(median(firsts.map((f) => f.pngRenderMs))), all: firsts.map((f) => round(f.pngRenderMs)) },
  cachedReportMs: { median: round(median(cachedMs)), max: round(Math.max(...cachedMs)), requests: cachedMs.length },
  freshIsolate: {
    wranglerReadyMs: round(freshIsolate.readyMs),
    firstPageMs: round(freshIsolate.firstPageMs),
    cache: freshIsolate.firstPageCache,
    firstTenSeedStudy: freshIsolate.firstStudy,
  },
  reportWeights: { budgetKB: 150, kinds: weights.map(({ id: _id, ...w }) => w) },
  scaleWeights: { budgetKB: 150, embedBudgetKB: 60, cases: scaleWeights },
  verifyEngine,
  digitsTenSeedsInWorker: tenSeeds,
};
writeFileSync(resolve('bench/reference/pages.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
