import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, freePort, startWranglerDev } from '../../cli/wranglerDev.ts';
import { documentOfKind, StudyDocument } from '../../src/index.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { axeViolations } from './readerChecks.ts';

// Runs trained elsewhere, under plain wrangler dev on the build: a W&B runs table posted to
// /api/imports and a PyTorch user's JSON (with curves and fingerprints) posted to /api/studies; the
// report and its embed card read in Chromium; the report's own recipe measured again by the CLI.
const TOKEN = 'imports-token';
const work = mkdtempSync(join(tmpdir(), 'seedlab-imports-'));
const WANDB = readFileSync('tests/fixtures/wandb-runs.csv', 'utf8');
const PYTORCH = readFileSync('src/studies/imported/fixtures/imported.spec.json', 'utf8');
let server: DevServer;
let browser: Browser;
let fromCsv: { id: string; document: StudyDocument };
let fromJson: { id: string; document: StudyDocument };

beforeAll(async () => {
  server = await startWranglerDev({ port: await freePort(), persistTo: join(work, 'state'), vars: { SEEDLAB_TOKEN: TOKEN } });
  const post = async (path: string, body: string, type: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type },
      body,
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; document: StudyDocument };
  };
  fromCsv = await post('/api/imports?value=test/accuracy&seed=seed&arm=optimizer&unit=fraction&metric=test%20accuracy', WANDB, 'text/csv');
  fromJson = await post('/api/studies', PYTORCH, 'application/json');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string, viewport = { width: 1000, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  expect((await page.goto(`${server.url}${path}`))?.status()).toBe(200);
  return { page, errors };
}

describe('a report of imported runs in Chromium', () => {
  it('says plainly it was not trained by Seedlab, offers no re-training, and links the runs', async () => {
    const { page, errors } = await open(`/r/${fromJson.id}/`);
    await expect(page.getByRole('note').first().textContent()).resolves.toContain('Seedlab did not train them');
    expect(await page.locator('#verify').count()).toBe(0);
    const check = page.locator('#check');
    await expect(check.textContent()).resolves.toContain('There is nothing to re-train here');
    expect(await check.locator('a[href$="/runs.csv"]').count()).toBe(1);
    // The source as given, and the uploader's fingerprints, labelled as theirs.
    await expect(page.locator('#environment + div, #environment ~ *').first().textContent()).resolves.toContain('PyTorch 2.5');
    await expect(page.locator('#method').textContent()).resolves.toContain('ResNet-18, 30 epochs');
    await expect(page.locator('details summary', { hasText: 'not checked by Seedlab' }).count()).resolves.toBe(1);
    // Two charts: every run per arm, and the curves' median and middle half.
    expect(await page.locator('#chart-main svg[role="img"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#chart-curves svg[role="img"]').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('words the verdict from the paired runs, in Chinese too', async () => {
    const { page } = await open(`/r/${fromCsv.id}/`);
    // Hand: adamw − sgd per seed = 0.0011, 0.0025, 0.0011, −0.0001, 0.0018: mean 0.13 points, 4 of 5 seeds better.
    const answer = await page.locator('#verdict').textContent();
    expect(answer).toContain('a difference of 0.13 points (paired on the 5 seeds both have');
    expect(answer).toContain('adamw is better than sgd on 80.0% of them');
    await page.close();
    const zh = await open(`/zh/r/${fromCsv.id}/`);
    await expect(zh.page.locator('#verdict').textContent()).resolves.toContain('按两者共有的 5 个种子配对');
    await zh.page.close();
  });

  it('its embed card, in a 560 x 330 frame, carries the notice', async () => {
    const { page, errors } = await open(`/embed/${fromJson.id}/`, { width: 560, height: 330 });
    await expect(page.locator('[data-imported]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-imported]').textContent()).resolves.toBe('Imported: not trained by Seedlab');
    const [w, h] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    expect(w).toBeLessThanOrEqual(560);
    expect(h).toBeLessThanOrEqual(330);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the report’s recipe measures the downloaded runs again: the same runs and the same numbers', async () => {
    const { page } = await open(`/r/${fromCsv.id}/`);
    const recipe = (await page.locator('#reproduce pre code', { hasText: 'npm run import' }).textContent()) ?? '';
    await page.close();
    expect(recipe).toMatch(/^curl -o runs\.csv \S+\/runs\.csv\nnpm run import -- runs\.csv /);
    const runsCsv = join(work, 'runs.csv');
    writeFileSync(runsCsv, await (await fetch(`${server.url}/api/studies/${fromCsv.id}/runs.csv`)).text());
    // The recipe's own arguments, as a shell would split them (its one quoted argument is the metric's name).
    const args = [
      ...recipe
        .split('\n')[1]
        .split('npm run import -- runs.csv ')[1]
        .matchAll(/'([^']*)'|(\S+)/g),
    ].map((m) => m[1] ?? m[2]);
    const out = join(work, 'again.json');
    const run = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'cli/importRuns.ts', runsCsv, ...args, '--json', out], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const again = documentOfKind(StudyDocument.parse(JSON.parse(readFileSync(out, 'utf8'))), 'imported');
    const first = documentOfKind(fromCsv.document, 'imported');
    expect(again.spec.runs).toEqual(first.spec.runs);
    expect(again.comparisons).toEqual(first.comparisons);
    expect(again.arms.map((a) => a.statistics)).toEqual(first.arms.map((a) => a.statistics));
  });
});

describe('a static export of imported runs', () => {
  it('writes the report, and the runs where its links and recipe point', async () => {
    const runsCsv = await (await fetch(`${server.url}/api/studies/${fromCsv.id}/runs.csv`)).text();
    await server.stop();
    const out = join(work, 'export');
    const run = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'cli/exportSite.ts', out, '--state', join(work, 'state')], {
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    });
    expect(run.status, run.stderr).toBe(0);
    const report = readFileSync(join(out, `r/${fromCsv.id}/index.html`), 'utf8');
    expect(readFileSync(join(out, `api/studies/${fromCsv.id}.runs.csv`), 'utf8')).toBe(runsCsv);
    expect(report).toContain(`href="/api/studies/${fromCsv.id}.runs.csv"`);
    expect(report).toMatch(new RegExp(`curl -o runs\\.csv \\S*/api/studies/${fromCsv.id}\\.runs\\.csv`));
    expect(report).not.toContain(`${fromCsv.id}/runs.csv`);
  }, 120_000);
});
