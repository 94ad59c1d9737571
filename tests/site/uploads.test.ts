import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, freePort, startWranglerDev } from '../../cli/wranglerDev.ts';
import type { StudyDocument } from '../../src/index.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { type LocalStudies, localStudies } from './localStudies.ts';
import { axeViolations, htmlErrors } from './readerChecks.ts';

// An owner's own table: uploaded to the built Worker under plain wrangler dev, a study trained on it
// by the queue consumer, re-trained in Chromium and by the CLI from the same CSV; and the study form
// driven in Chromium: fork the report, change the seed count, submit, reach the finished report.
const TOKEN = 'uploads-token';
const work = mkdtempSync(join(tmpdir(), 'seedlab-uploads-'));
const persistTo = join(work, 'state');
// The bundled iris table, as an owner would upload any CSV (its label column is `target`).
const IRIS = readFileSync('data/iris.csv', 'utf8');
let server: DevServer;
let browser: Browser;
let studies: LocalStudies;
let datasetId = '';
let canonicalTable = '';
let studyId = '';
let spec: Record<string, unknown>;

beforeAll(async () => {
  server = await startWranglerDev({ port: await freePort(), persistTo, vars: { SEEDLAB_TOKEN: TOKEN } });
  studies = await localStudies(server, persistTo, TOKEN);
  const res = await fetch(`${server.url}/api/datasets?label=target&name=My%20iris`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
    body: IRIS,
  });
  expect(res.status).toBe(201);
  datasetId = ((await res.json()) as { id: string }).id;
  canonicalTable = await (await fetch(`${server.url}/api/datasets/${datasetId}.csv`)).text();
  spec = {
    title: 'My iris, 4 seeds',
    dataset: { name: 'upload', id: datasetId },
    split: { kind: 'stratified', testFraction: 0.3 },
    scaling: { kind: 'standardize' },
    model: { hidden: [8] },
    training: { optimizer: { kind: 'adam', lr: 0.02 }, batchSize: 16, epochs: 4 },
    seeds: 4,
  };
  studyId = await studies.submit(spec);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await studies?.dispose();
  await server?.stop();
});

async function open(path: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  expect((await page.goto(`${server.url}${path}`))?.status()).toBe(200);
  return { page, errors };
}

describe('a study on an uploaded table', () => {
  it('the uploaded copy of iris is the dataset its canonical table hashes to', () => {
    // python3: rows of data/iris.csv, each number as repr(float) without a trailing ".0", label last, LF ends; sha256[:20]
    expect(datasetId).toBe('b9455ef311be450e7800');
  });

  it('gives the CLI, reading the same CSV, the Worker’s fingerprints', async () => {
    const doc = await studies.untilDone(studyId);
    if (doc.kind !== 'seed-variance') throw new Error('expected a seed-variance study');
    const specFile = join(work, 'spec.json');
    const out = join(work, 'out.json');
    writeFileSync(specFile, JSON.stringify(spec));
    const run = spawnSync(
      process.execPath,
      ['scripts/run-ts.mjs', 'cli/study.ts', specFile, '--data', 'data/iris.csv', '--label', 'target', '--json', out],
      { encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`data/iris.csv: dataset ${datasetId}, 150 rows, 4 features, 3 classes`);
    const cliDoc = JSON.parse(readFileSync(out, 'utf8')) as StudyDocument;
    if (cliDoc.kind !== 'seed-variance') throw new Error('expected a seed-variance study');
    expect(cliDoc.id).toBe(studyId);
    expect(cliDoc.runs.map((r) => r.fingerprint)).toEqual(doc.runs.map((r) => r.fingerprint));
    // Another table under the spec's id is refused.
    const other = join(work, 'other.csv');
    writeFileSync(other, IRIS.replace('5.1,3.5', '5.2,3.5'));
    const refused = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'cli/study.ts', specFile, '--data', other], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`not the spec's ${datasetId}`);
  });

  it('re-trains a seed in the browser on the uploaded table, matching the stored fingerprint', async () => {
    const doc = await studies.untilDone(studyId);
    if (doc.kind !== 'seed-variance') throw new Error('expected a seed-variance study');
    const { page, errors } = await open(`/r/${studyId}/`);
    expect(await page.textContent('#data')).toContain('My iris');
    await page.fill('form.verify input[name="seed"]', String(doc.runs[2].seed));
    await page.click('#verify-seed');
    await page.waitForSelector('#verify-result:not([data-status="idle"]):not([data-status="running"])', { timeout: 60_000 });
    const result = await page.$eval('#verify-result', (el) => ({ status: el.getAttribute('data-status'), text: el.textContent }));
    expect(result.status, result.text ?? '').toBe('match');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the new pages as readers’ tools see them', () => {
  it('the form and the dataset page are valid HTML, in both languages', async () => {
    for (const path of ['/new/', '/zh/new/', `/new/?from=${studyId}`, `/d/${datasetId}/`, `/zh/d/${datasetId}/`]) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      expect(await htmlErrors(html), path).toEqual([]);
    }
  });
});

describe('the dataset page', () => {
  it('lists the studies on the table and passes axe, in both languages', async () => {
    for (const prefix of ['', '/zh']) {
      const { page, errors } = await open(`${prefix}/d/${datasetId}/`);
      expect(await page.getAttribute(`a[href="${prefix}/r/${studyId}/"]`, 'href')).not.toBeNull();
      // data/iris.csv: 150 rows, 50 of each of the classes 0, 1 and 2 (data/datasets_info.json).
      const counts = await page.$$eval('.dataset-card tbody tr', (rows) =>
        rows.slice(0, 3).map((r) => Array.from(r.children, (cell) => cell.textContent).join(' ')),
      );
      expect(counts).toEqual(['0 50', '1 50', '2 50']);
      if (prefix === '') await page.screenshot({ path: 'test-artifacts/dataset-page.png', fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

/** Sets a form control and fires its change event, as a person leaving the field does. */
async function change(page: Page, selector: string, value: string) {
  await page.fill(selector, value);
  await page.dispatchEvent(selector, 'change');
}

describe('the study form', () => {
  it('forks a report: changes the seed count, shows the estimate, submits and reaches the finished report', async () => {
    const { page, errors } = await open(`/r/${studyId}/`);
    await page.click('a[data-run-again]');
    await page.waitForURL(`**/new/?from=${studyId}`);
    await page.waitForFunction(() => document.querySelector('#spec-checks')?.textContent === 'The spec is valid.');
    expect(await page.inputValue('input[name="seeds"]')).toBe('4');
    await change(page, 'input[name="seeds"]', '6');
    expect(JSON.parse(await page.inputValue('#spec')).seeds).toBe(6);
    // Six seeds and their three re-runs (the first, the median and the last seed).
    await page.waitForFunction(() => /^9 runs in \d+ units/.test(document.querySelector('#estimate')?.textContent ?? ''));
    await page.screenshot({ path: 'test-artifacts/new-study-form.png', fullPage: true });
    await change(page, 'input[name="token"]', TOKEN);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/r\/[0-9a-f]{20}\/$/);
    const forked = new URL(page.url()).pathname.split('/')[2];
    expect(forked).not.toBe(studyId);
    // The live page refreshes itself until the report is there.
    await page.waitForSelector('#verdict', { timeout: 120_000 });
    const doc = await studies.untilDone(forked);
    expect(doc.spec).toMatchObject({ dataset: { name: 'upload', id: datasetId }, seeds: [1, 2, 3, 4, 5, 6] });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the field of a bad edit, uploads a CSV through the page, and passes axe, in both languages', async () => {
    const { page, errors } = await open('/zh/new/');
    await page.fill(
      '#spec',
      '{"dataset": {"name": "iris"}, "split": {"kind": "stratified"}, "training": {"optimizer": {"kind": "sgd", "lr": -1}}}',
    );
    await page.waitForFunction(() => /training\.optimizer\.lr/.test(document.querySelector('#spec-checks')?.textContent ?? ''));
    await change(page, 'input[name="token"]', TOKEN);
    await page.setInputFiles('input[name="file"]', {
      name: 'tiny.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('a,b,c\n1,2,x\n3,4,y\n'),
    });
    await page.click('[data-upload]');
    await page.waitForFunction(() => /id [0-9a-f]{20}/.test(document.querySelector('#dataset-status')?.textContent ?? ''));
    expect(JSON.parse(await page.inputValue('#spec')).dataset.name).toBe('upload');
    // A bad table: the answer names its row and column.
    await page.setInputFiles('input[name="file"]', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('a,b,c\n1,2,x\n3,four,y\n'),
    });
    await page.click('[data-upload]');
    await page.waitForFunction(() => /row 3, column "b"/.test(document.querySelector('#dataset-status')?.textContent ?? ''));
    expect(await axeViolations(page)).toEqual([]);
    // Chromium logs the refused upload's 400 (and the estimate's, for the bad edit) as a failed load; nothing else.
    expect(errors.filter((e) => !/status of 400 \(Bad Request\)/.test(e))).toEqual([]);
    await page.close();
    const english = await open('/new/');
    expect(await axeViolations(english.page)).toEqual([]);
    await english.page.close();
  });

  it('applies a data or epoch change to both arms of a compare study, and hides a control the kind has no field for', async () => {
    const { page, errors } = await open('/new/?preset=digits-adam-vs-sgd');
    await page.waitForFunction(() => document.querySelector('#spec-checks')?.textContent === 'The spec is valid.');
    await page.selectOption('select[name="datasetChoice"]', 'wine');
    await change(page, 'input[name="epochs"]', '3');
    const spec = JSON.parse(await page.inputValue('#spec'));
    expect([spec.a.dataset, spec.b.dataset, spec.a.training.epochs, spec.b.training.epochs]).toEqual([
      { name: 'wine' },
      { name: 'wine' },
      3,
      3,
    ]);
    expect('dataset' in spec || 'training' in spec).toBe(false);
    // A determinism audit trains one seed (`seed`, not `seeds`): no seed-count control.
    await page.selectOption('select[name="start"]', 'preset:digits-determinism');
    await page.waitForFunction(() => document.querySelector('#spec-checks')?.textContent === 'The spec is valid.');
    expect(await page.isVisible('input[name="seeds"]')).toBe(false);
    expect(await page.isVisible('input[name="epochs"]')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without JavaScript shows the spec as JSON with the curl and CLI lines', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/new/?from=${studyId}`);
    expect(JSON.parse(await page.inputValue('#spec')).dataset).toEqual({ name: 'upload', id: datasetId });
    expect(await page.textContent('#yourself')).toContain('curl -X POST');
    expect(await page.textContent('#yourself')).toContain(`/api/datasets/${datasetId}.csv\nnpm run study -- spec.json --data table.csv`);
    expect(await page.isVisible('button[type="submit"]')).toBe(false);
    await context.close();
  });
});

describe('a static export', () => {
  it('writes the uploaded table and its page beside the study that trains on it', async () => {
    await studies.dispose();
    await server.stop();
    const out = join(work, 'export');
    const run = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'cli/exportSite.ts', out, '--state', persistTo], {
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    });
    expect(run.status, run.stderr).toBe(0);
    for (const file of [`r/${studyId}/index.html`, `d/${datasetId}/index.html`, `zh/d/${datasetId}/index.html`])
      expect(existsSync(join(out, file)), file).toBe(true);
    // The check reads the table where the API served it: the same canonical CSV.
    expect(readFileSync(join(out, `api/datasets/${datasetId}.csv`), 'utf8')).toBe(canonicalTable);
  }, 120_000);
});
