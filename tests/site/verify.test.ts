import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../cli/nodeBackends.ts';
import { type DevServer, freePort, startWranglerDev } from '../../cli/wranglerDev.ts';
import { putDocument } from '../../functions/studies/store.ts';
import { isTrainedDocument, parseStudySpec, retrainSeed, type StudyDocument } from '../../src/index.ts';
import { readKindFixture } from '../kindFixtures.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { type LocalStudies, localStudies } from './localStudies.ts';

// A reader checks a shared study: studies trained by the built Worker's queue consumer under plain
// wrangler dev, re-trained in real Chromium (the verify panel) and in a terminal (npm run verify).
const TOKEN = 'verify-token';
const persistTo = join(mkdtempSync(join(tmpdir(), 'seedlab-verify-')), 'state');
const moons = readKindFixture('seed-variance/fixtures/seed-variance-moons');
let server: DevServer;
let browser: Browser;
let studies: LocalStudies;
const ids: Record<'wasm' | 'cpu' | 'compare' | 'tampered' | 'many', string> = { wasm: '', cpu: '', compare: '', tampered: '', many: '' };

beforeAll(async () => {
  server = await startWranglerDev({ port: await freePort(), persistTo, vars: { SEEDLAB_TOKEN: TOKEN } });
  studies = await localStudies(server, persistTo, TOKEN);
  ids.wasm = await studies.submit(moons);
  ids.cpu = await studies.submit({ ...moons, backend: 'cpu' });
  ids.compare = await studies.submit(readKindFixture('compare/fixtures/compare'));
  ids.tampered = await studies.submit({ ...moons, seeds: 3 });
  // Past 100 seeds the document names a few runs; the others are read from the runs.
  ids.many = await studies.submit({ ...moons, seeds: 150 });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await studies?.dispose();
  await server?.stop();
});

const documentOf = async (id: string) =>
  ((await (await fetch(`${server.url}/api/studies/${id}`)).json()) as { document: StudyDocument }).document;

/** Opens a report with every request it makes logged. */
async function openReport(path: string) {
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  expect((await page.goto(`${server.url}${path}`))?.status()).toBe(200);
  return { page, requests, errors };
}

/** Chooses a seed (and an arm), clicks #verify-seed, and waits for the panel's answer. */
async function verifyIn(page: Page, choice: { seed?: number; arm?: 'a' | 'b'; newSeed?: true }) {
  if (choice.arm) await page.selectOption('form.verify select[name="arm"]', choice.arm);
  if (choice.newSeed) await page.click('form.verify [data-new-seed]');
  if (choice.seed !== undefined) await page.fill('form.verify input[name="seed"]', String(choice.seed));
  await page.click('#verify-seed');
  await page.waitForSelector('#verify-result:not([data-status="idle"]):not([data-status="running"])', { timeout: 60_000 });
  return page.$eval('#verify-result', (el) => ({
    status: el.getAttribute('data-status'),
    fingerprint: el.getAttribute('data-fingerprint'),
    text: el.textContent ?? '',
  }));
}

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/run-ts.mjs', 'cli/verify.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });

describe('a reader re-trains a seed in the browser', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    it(`gets the fingerprint workerd stored and Node computes, on ${backend}, loading nothing from another origin`, async () => {
      const doc = await documentOf(ids[backend]);
      if (doc.kind !== 'seed-variance') throw new Error('expected a seed-variance study');
      const stored = doc.runs[1];
      const { page, requests, errors } = await openReport(`/r/${ids[backend]}/`);
      // The engine is not loaded before the click.
      expect(requests.filter((u) => /browserEngine|\.wasm/.test(u))).toEqual([]);
      const result = await verifyIn(page, { seed: stored.seed });
      expect(result.status, result.text).toBe('match');
      expect(result.fingerprint).toBe(stored.fingerprint);
      await useNodeBackend(backend);
      expect((await retrainSeed(doc, { arm: null, seed: stored.seed })).fingerprint).toBe(result.fingerprint);
      expect(requests.some((u) => /browserEngine/.test(u))).toBe(true);
      expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('checks either arm of a compare study', async () => {
    const doc = await documentOf(ids.compare);
    if (doc.kind !== 'compare') throw new Error('expected a compare study');
    const stored = doc.arms[1].runs[2];
    const { page } = await openReport(`/zh/r/${ids.compare}/`);
    const result = await verifyIn(page, { arm: 'b', seed: stored.seed });
    expect(result.status, result.text).toBe('match');
    expect(result.fingerprint).toBe(stored.fingerprint);
    await page.close();
  });

  it('trains a seed the study did not run and marks where it lands on the per-seed chart', async () => {
    const { page } = await openReport(`/r/${ids.wasm}/`);
    const result = await verifyIn(page, { newSeed: true });
    expect(result.status, result.text).toBe('landed');
    // The fixture ran seeds 1 to 4; the first seed it did not run is 5.
    expect(result.text).toMatch(/^Seed 5 is not one of the study’s: test accuracy \d+\.\d%, higher than [0-4] of its 4 seeds/);
    // Both drawings of the per-seed chart (wide and narrow) carry the mark.
    expect(await page.locator('#chart-seeds .verify-mark').count()).toBe(2);
    await page.locator('#chart-seeds').screenshot({ path: 'test-artifacts/verify-new-seed.png' });
    await page.close();
  });

  it('allows compiling wasm only on the reports that train on wasm', async () => {
    const csp = async (path: string) => (await fetch(`${server.url}${path}`)).headers.get('content-security-policy') ?? '';
    expect(await csp(`/r/${ids.wasm}/`)).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(await csp(`/zh/r/${ids.compare}/`)).toContain("'wasm-unsafe-eval'");
    expect(await csp(`/r/${ids.cpu}/`)).toContain("script-src 'self';");
    expect(await csp(`/embed/${ids.wasm}/`)).toContain("script-src 'self';");
  });
});

describe('a stored fingerprint that was altered', () => {
  it('gives a mismatch in the browser, and exit 1 from npm run verify', async () => {
    const doc = await documentOf(ids.tampered);
    if (doc.kind !== 'seed-variance') throw new Error('expected a seed-variance study');
    const altered = { ...doc, runs: doc.runs.map((r, i) => (i === 0 ? { ...r, fingerprint: `0${r.fingerprint.slice(1)}` } : r)) };
    if (altered.runs[0].fingerprint === doc.runs[0].fingerprint) altered.runs[0].fingerprint = `1${doc.runs[0].fingerprint.slice(1)}`;
    await putDocument(studies.kv, altered);
    const { page } = await openReport(`/r/${ids.tampered}/`);
    const result = await verifyIn(page, { seed: doc.runs[0].seed });
    expect(result.status, result.text).toBe('mismatch');
    expect(result.fingerprint).toBe(doc.runs[0].fingerprint);
    await page.close();
    const run = cli(ids.tampered, '--api', server.url);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain(`seed ${doc.runs[0].seed}: MISMATCH`);
  });
});

describe('a study past 100 seeds, whose document names only a few runs', () => {
  it('checks a seed the document does not list, in the browser and in a terminal, from the stored runs', async () => {
    const doc = await documentOf(ids.many);
    if (doc.kind !== 'seed-variance') throw new Error('expected a seed-variance study');
    expect(doc.runsInDocument).toBe('named');
    const listed = new Set(doc.runs.map((r) => r.seed));
    const seed = [120, 121, 122, 123].find((s) => !listed.has(s)) as number;
    const { page, errors } = await openReport(`/r/${ids.many}/`);
    const result = await verifyIn(page, { seed });
    expect(result.status, result.text).toBe('match');
    expect(errors).toEqual([]);
    await page.close();
    const run = cli(ids.many, '--api', server.url, '--seeds', String(seed));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`seed ${seed}: match`);
    // A seed the study did not run lands among the 150, counted from the document's histogram.
    const fresh = await openReport(`/r/${ids.many}/`);
    const landed = await verifyIn(fresh.page, { newSeed: true });
    expect(landed.status, landed.text).toBe('landed');
    expect(landed.text).toMatch(/of its \d+ seeds/);
    await fresh.page.close();
  });
});

describe('npm run verify against the running Worker', () => {
  it('matches every default seed (first, middle, last) of a study the Worker trained', () => {
    const run = cli(`${server.url}/zh/r/${ids.wasm}/`);
    expect(run.status, run.stderr).toBe(0);
    // The fixture ran seeds 1 to 4: first 1, middle 2, last 4.
    expect(run.stdout.match(/^seed \d+: match/gm)).toEqual(['seed 1: match', 'seed 2: match', 'seed 4: match']);
  });

  it('says why it cannot check an unknown study, an unfinished one, or one from another engine (exit 2)', async () => {
    const unknown = cli('0123456789abcdef0123', '--api', server.url);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(`no study 0123456789abcdef0123 at ${server.url}`);

    const queued = await studies.storeUnsent(parseStudySpec({ ...moons, seeds: 2 }));
    const unfinished = cli(queued.id, '--api', server.url);
    expect(unfinished.status).toBe(2);
    expect(unfinished.stderr).toMatch(new RegExp(`study ${queued.id} is (queued|running) \\(0 of \\d+ runs done\\)`));

    const doc = await documentOf(ids.cpu);
    const olderId = 'fedcba9876543210fedc';
    await studies.storeFinished(
      olderId,
      { ...doc, id: olderId, environment: { ...(isTrainedDocument(doc) ? doc.environment : {}), engine: '0.2.0' } },
      parseStudySpec(moons),
    );
    const older = cli(olderId, '--api', server.url);
    expect(older.status).toBe(2);
    expect(older.stderr).toContain('trained by engine 0.2.0');
    const { page } = await openReport(`/r/${olderId}/`);
    expect(await page.locator('#verify-seed').count()).toBe(0);
    expect(await page.locator('#verify').textContent()).toContain('engine 0.2.0');
    await page.close();
  });
});
