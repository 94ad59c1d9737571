import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, freePort, startWranglerDev } from '../../cli/wranglerDev.ts';
import { listingFacts } from '../../functions/studies/listing.ts';
import { markSettled, putListing, putUnitFailure } from '../../functions/studies/store.ts';
import { parseStudySpec } from '../../src/index.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { type LocalStudies, localStudies } from './localStudies.ts';

// Production-like, end to end: the Worker `npm run build` built (npm test builds first), served by
// plain `wrangler dev` on a fresh state, real small studies trained by the real queue consumer,
// every page rendered by the Worker from KV, in real Chromium.
const TOKEN = 'site-test-token';
const STORED_CONTROL_TITLE = 'Stored \u0000before \u001b[31mthe rule\uFFFE';
const HOSTILE_TITLE = `<script>window.__pwned = 1</script>"><img src=x onerror="window.__pwned = 2"> & 'quotes'`;
/** A title in Chinese that also looks like HTML: shown as written, everywhere. */
const CHINESE_TITLE = '种子实验 <b>粗体</b> & "引号"';
const ARTIFACTS = resolve('test-artifacts');
const work = mkdtempSync(join(tmpdir(), 'seedlab-site-'));
const persistTo = join(work, 'state');

let server: DevServer;
let browser: Browser;
let studies: LocalStudies;
let embedHost: Server;
let embedHostUrl = '';
const ids: Record<string, string> = {};
/** The followed study's link, read while its units were certainly not sent (see beforeAll). */
const queuedPages: Record<string, string> = {};
let followedRuns = 0;

const base = {
  dataset: { name: 'moons', samples: 160, noise: 0.2 },
  split: { kind: 'stratified', testFraction: 0.25 },
  scaling: { kind: 'standardize' },
  model: { hidden: [8] },
  training: { optimizer: { kind: 'adam', lr: 0.05 }, epochs: 4 },
  seeds: 6,
};

async function openPage(path: string, expectedStatus = 200): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  const res = await page.goto(`${server.url}${path}`);
  expect(res?.status(), path).toBe(expectedStatus);
  return { page, errors };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startWranglerDev({ port: await freePort(), persistTo, vars: { SEEDLAB_TOKEN: TOKEN } });
  studies = await localStudies(server, persistTo, TOKEN);
  const { kv, post, untilDone, submit, storeUnsent, storeFinished } = studies;

  // The followed study: a spec that is no preset, titled in Chinese and in HTML-looking text. It is
  // stored exactly as POST stores it but with its units not sent yet, so it cannot finish before its
  // link is read: no race. Then it is posted through the API (which finds it), and the status reads
  // of the polling re-send its units, as they re-send lost ones, until it is done.
  const chineseSpec = parseStudySpec({ ...base, seeds: 5, title: CHINESE_TITLE });
  const followed = await storeUnsent(chineseSpec);
  ids.chinese = followed.id;
  followedRuns = followed.runsTotal;
  for (const path of [`/r/${ids.chinese}/`, `/zh/r/${ids.chinese}/`, `/badge/${ids.chinese}.svg`]) {
    queuedPages[path] = await (await fetch(`${server.url}${path}`)).text();
  }
  expect(await post({ ...base, seeds: 5, title: CHINESE_TITLE })).toEqual({ status: 200, id: ids.chinese });
  await untilDone(ids.chinese);

  ids.plain = await submit({ ...base, title: 'Site test: moons, 6 seeds' });
  ids.hostile = await submit({ ...base, seeds: 4, title: HOSTILE_TITLE });
  const { seeds: _seeds, ...setup } = base;
  ids.audit = await submit({
    kind: 'determinism-audit',
    title: 'Site test: audit',
    ...setup,
    training: { ...base.training, epochs: 2 },
    forestTrees: 5,
  });
  ids.compare = await submit({
    kind: 'compare',
    title: 'Site test: compare',
    a: { label: 'adam', ...setup },
    b: { label: 'sgd', ...setup, training: { optimizer: { kind: 'sgd', lr: 0.1 }, epochs: 4 } },
    seeds: 4,
  });
  const plainDoc = JSON.parse((await kv.get(`doc:${ids.plain}`)) ?? 'null');
  const plainSpec = parseStudySpec({ ...base, title: 'Site test: moons, 6 seeds' });
  // A valid document stored before the API refused control characters: its title holds a NUL and
  // an escape. Its pages and its preview must render, and the rest with them.
  ids.storedControl = 'fedcba9876543210fedc';
  await storeFinished(
    ids.storedControl,
    { ...plainDoc, id: ids.storedControl, spec: { ...plainDoc.spec, title: STORED_CONTROL_TITLE } },
    plainSpec,
  );
  // A partial study: the report says which seeds are missing and why before any number.
  ids.partial = 'abcdefabcdefabcdef00';
  await storeFinished(
    ids.partial,
    {
      ...plainDoc,
      id: ids.partial,
      partial: { failedSeeds: [5, 6], failures: [{ purpose: 'main', seeds: [5, 6], error: 'out of memory', attempts: 3 }] },
    },
    plainSpec,
    'partial',
  );
  // A document that cannot be read: its page says so and names it; nothing else is harmed.
  ids.unreadable = '0123456789abcdef0123';
  await storeFinished(ids.unreadable, { documentVersion: 1, kind: 'seed-variance', id: ids.unreadable }, plainSpec);
  // A failed study: every unit failed for good, as the consumer records it after its last attempt.
  const failedSpec = parseStudySpec({ ...base, seeds: 2, title: 'Site test: failed' });
  const failed = await storeUnsent(failedSpec);
  ids.failed = failed.id;
  for (const u of failed.units.keys()) await putUnitFailure(kv, ids.failed, u, { error: 'the wasm backend did not start', attempts: 3 });
  await putListing(kv, failed, listingFacts(failed, 'failed'));
  await markSettled(kv, ids.failed);

  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  embedHost = createServer((req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(
      `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><h1>A blog post</h1>${new URL(req.url!, 'http://x').searchParams.get('embed') ?? ''}</body></html>`,
    );
  });
  const hostPort = await freePort();
  await new Promise<void>((r) => embedHost.listen(hostPort, '127.0.0.1', r));
  embedHostUrl = `http://127.0.0.1:${hostPort}`;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await studies?.dispose();
  await server?.stop();
  embedHost?.close();
});

describe('the report site, built from real KV and served by the real Worker', () => {
  it('the followed study’s link showed its progress while it was queued, refreshing itself', () => {
    for (const path of [`/r/${ids.chinese}/`, `/zh/r/${ids.chinese}/`]) {
      const html = queuedPages[path];
      expect(html, path).toContain('<meta http-equiv="refresh" content="3">');
      expect(html, path).toMatch(/data-state="queued"/);
      expect(html, path).toContain('&lt;b&gt;粗体&lt;/b&gt;'); // the title, as text
    }
    // None of its runs (its record's total) had run.
    expect(followedRuns).toBeGreaterThan(5);
    expect(queuedPages[`/r/${ids.chinese}/`]).toContain(`0 of ${followedRuns} runs done`);
    expect(queuedPages[`/zh/r/${ids.chinese}/`]).toContain(`已完成 0 / ${followedRuns} 次运行`);
    expect(queuedPages[`/badge/${ids.chinese}.svg`]).toContain(`queued 0/${followedRuns}`);
  });

  it('once done, its report, Chinese report, embed, badge, oEmbed and the index all show its numbers', async () => {
    const { document: doc } = (await (await fetch(`${server.url}/api/studies/${ids.chinese}`)).json()) as {
      document: { summary: { mean: number } };
    };
    // The mean accuracy as the document stores it, written as the pages write percents (one decimal).
    const mean = `${(100 * doc.summary.mean).toFixed(1)}%`;
    for (const path of [
      `/r/${ids.chinese}/`,
      `/zh/r/${ids.chinese}/`,
      `/embed/${ids.chinese}/`,
      `/zh/embed/${ids.chinese}/`,
      '/',
      '/zh/',
    ]) {
      const { page, errors } = await openPage(path);
      const text = (await page.textContent('main')) ?? '';
      expect(text, path).toContain(CHINESE_TITLE);
      expect(text, path).toContain(mean);
      expect(await page.locator('meta[http-equiv="refresh"]').count(), path).toBe(0);
      expect(errors, path).toEqual([]);
      await page.close();
    }
    expect(await (await fetch(`${server.url}/badge/${ids.chinese}.svg`)).text()).toContain(mean);
    const oembed = await (await fetch(`${server.url}/oembed?url=${encodeURIComponent(`${server.url}/zh/r/${ids.chinese}/`)}`)).json();
    expect(oembed).toMatchObject({ title: CHINESE_TITLE, thumbnail_url: `${server.url}/zh/og/${ids.chinese}.png` });
  });

  it('both previews are 1200 x 630 PNGs drawn for this study (Chromium decodes them)', async () => {
    const page = await browser.newPage();
    const images: Uint8Array[] = [];
    for (const path of [`/og/${ids.chinese}.png`, `/zh/og/${ids.chinese}.png`]) {
      const res = await page.goto(`${server.url}${path}`);
      expect(res?.headers()['content-type'], path).toBe('image/png');
      images.push(new Uint8Array((await res?.body()) ?? []));
      const size = await page.evaluate(() => {
        const img = document.querySelector('img') as HTMLImageElement;
        return [img.naturalWidth, img.naturalHeight];
      });
      expect(size, path).toEqual([1200, 630]);
      await page.screenshot({ path: join(ARTIFACTS, path.includes('/zh/') ? 'preview-zh.png' : 'preview.png') });
    }
    // Two different drawings (English and Chinese words), each larger than a card without a chart.
    expect(Buffer.from(images[0]).equals(Buffer.from(images[1]))).toBe(false);
    const statusCard = new Uint8Array(await (await fetch(`${server.url}/og/${ids.failed}.png`)).arrayBuffer());
    for (const png of images) expect(png.length).toBeGreaterThan(statusCard.length);
    await page.close();
  });

  it('a finished report is cached: the second request is a hit with the same ETag, and If-None-Match gets 304', async () => {
    const path = `${server.url}/r/${ids.plain}/`;
    const first = await fetch(path);
    const second = await fetch(path);
    expect(second.headers.get('x-seedlab-cache')).toBe('hit');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.text()).toBe(await first.text());
    const revalidated = await fetch(path, { headers: { 'if-none-match': second.headers.get('etag') as string } });
    expect(revalidated.status).toBe(304);
    // The index and a study with a missing part are live: rendered on every request.
    for (const live of ['/', `/r/${ids.partial}/`]) {
      await fetch(`${server.url}${live}`);
      expect((await fetch(`${server.url}${live}`)).headers.get('x-seedlab-cache'), live).toBe('miss');
    }
  });

  it('a failed study’s link shows what failed; an unreadable one names the study; an unknown one is a 404', async () => {
    const failed = await openPage(`/r/${ids.failed}/`);
    expect(await failed.page.locator('#study-status').getAttribute('data-state')).toBe('failed');
    expect(await failed.page.locator('#study-status table tbody').textContent()).toContain('the wasm backend did not start');
    expect(await failed.page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    const zh = await openPage(`/zh/r/${ids.failed}/`);
    expect(await zh.page.locator('#study-status').textContent()).toContain('这项研究失败了');
    const unreadable = await openPage(`/r/${ids.unreadable}/`, 500);
    expect(await unreadable.page.locator('#study-status').textContent()).toContain(
      `The stored data of study ${ids.unreadable} cannot be read`,
    );
    await openPage('/r/0000000000000000beef/', 404);
  });

  it('a partial study says which seeds are missing, and why, above its answer', async () => {
    const en = await openPage(`/r/${ids.partial}/`);
    expect(await en.page.locator('p.notice').textContent()).toBe(
      'Partial study: the runs of seeds 5 and 6 failed (out of memory). Every number below comes from the runs that finished; retrying the failed units completes it.',
    );
    const zh = await openPage(`/zh/r/${ids.partial}/`);
    expect(await zh.page.locator('p.notice').textContent()).toContain('种子 5 和 6 的运行失败了（out of memory）');
    expect(await (await openPage(`/r/${ids.plain}/`)).page.locator('p.notice').count()).toBe(0);
  });

  it('a stored title with control characters still renders its report and its preview', async () => {
    const { page, errors } = await openPage(`/r/${ids.storedControl}/`);
    expect(await page.locator('h1').textContent()).toContain('the rule');
    expect(errors).toEqual([]);
    const png = await fetch(`${server.url}/og/${ids.storedControl}.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    // The PNG signature: a rendered image, not the plain fallback's error path.
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(server.log()).not.toMatch(new RegExp(`preview of study ${ids.storedControl}`));
  });

  it('the index and a report open with no console errors, with every section', async () => {
    const index = await openPage('/');
    // Every settled study, newest first (an unreadable document is listed from its listing entry).
    const listed = await index.page.$$eval('ul.studies li a.title', (as) => as.map((a) => a.getAttribute('href')?.split('/')[2]));
    expect(new Set(listed)).toEqual(new Set(Object.values(ids)));
    expect(await index.page.textContent('ul.studies')).toContain('Site test: moons, 6 seeds');
    expect(index.errors).toEqual([]);
    const { page, errors } = await openPage(`/r/${ids.plain}/`);
    // Every kind's report has the same skeleton, in this order (site/src/components/ReportSkeleton.astro);
    // a kind whose runs a reader can re-train (seed-variance, compare) adds the check after the key chart.
    const order = await page.$$eval('main > section', (els) => els.map((e) => e.id));
    expect(order).toEqual(['question', 'verdict', 'key-chart', 'verify', 'method', 'details', 'reproduce', 'share']);
    for (const part of ['histogram', 'curves', 'best-worst', 'seeds', 'environment'])
      expect(await page.locator(`section#details #${part}`).count(), part).toBe(1);
    expect(await page.locator('section#verdict').textContent()).toMatch(/Yes ✓/);
    expect(await page.locator('table.seed-table tbody tr').count()).toBe(6);
    expect(await page.locator('section#method li').count()).toBe(10);
    // The spec lists its seeds on one line; identifiers are marked not to be translated.
    expect(await page.locator('section#reproduce details pre').textContent()).toContain('"seeds": [1, 2, 3, 4, 5, 6]');
    expect(await page.locator('#environment + .table-scroll td[translate="no"]').count()).toBe(5);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
  });

  it('the charts are static SVG with one mark per seed, titles and alt text', async () => {
    const { page } = await openPage(`/r/${ids.plain}/`);
    expect(await page.locator('#chart-seeds .chart-wide svg circle').count()).toBe(6);
    // Curves: one thin line per seed, plus the median line.
    const lineGroups = page.locator('#chart-test-accuracy .chart-wide svg g[stroke-linejoin="round"]');
    expect(await lineGroups.nth(0).locator('path').count()).toBe(6);
    expect(await lineGroups.nth(1).locator('path').count()).toBe(1);
    for (const id of ['chart-seeds', 'chart-histogram', 'chart-test-accuracy', 'chart-train-loss']) {
      expect((await page.locator(`#${id} .chart-wide svg`).getAttribute('aria-label'))?.length, id).toBeGreaterThan(10);
      expect((await page.locator(`#${id} figcaption`).textContent())?.length, id).toBeGreaterThan(5);
    }
  });

  it('works without JavaScript, and in dark mode', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${ids.plain}/`);
    expect(await page.locator('#chart-seeds .chart-wide svg circle').count()).toBe(6);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(13, 17, 23)');
    await page.screenshot({ path: join(ARTIFACTS, 'report-dark.png') });
    await context.close();
  });

  it('the Chinese pages show Chinese text and link back to English', async () => {
    const { page, errors } = await openPage(`/zh/r/${ids.plain}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    // The heading's own words (its permalink "#" follows them).
    expect(await page.locator('section#verdict h2').evaluate((h) => h.firstChild?.textContent?.trim())).toBe('回答');
    expect(await page.locator('section#question').textContent()).toMatch(/随机种子/);
    expect(await page.locator('a.lang-switch').getAttribute('href')).toBe(`/r/${ids.plain}/`);
    expect(errors).toEqual([]);
    const index = await openPage('/zh/');
    expect(await index.page.textContent('h2')).toBe('研究');
    await page.screenshot({ path: join(ARTIFACTS, 'report-zh.png') });
  });

  it('shows a hostile title as text: nothing injected, nothing executed', async () => {
    const { page, errors } = await openPage(`/r/${ids.hostile}/`);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE);
    expect(await page.title()).toBe(`${HOSTILE_TITLE} · Seedlab`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    const index = await openPage('/');
    expect(await index.page.locator('ul.studies').textContent()).toContain(HOSTILE_TITLE);
    expect(await index.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('reports send a Content-Security-Policy; embed cards can be framed anywhere', async () => {
    const report = await fetch(`${server.url}/r/${ids.plain}/`);
    expect(report.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(report.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    const embed = await fetch(`${server.url}/embed/${ids.plain}/`);
    expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
    expect(embed.headers.get('x-frame-options')).toBeNull();
  });

  it('the embed card renders inside an iframe on another site, and fits its frame', { timeout: 60_000 }, async () => {
    const { page: report } = await openPage(`/r/${ids.plain}/`);
    const embedCode = (await report.locator('button[data-copy^="<iframe"]').getAttribute('data-copy'))!;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${embedHostUrl}/?embed=${encodeURIComponent(embedCode)}`);
    const frame = page.frameLocator('iframe');
    // The frame loads from another origin: on a loaded machine that takes seconds, not the poll's default one.
    await expect.poll(() => frame.locator('.card .title').textContent(), { timeout: 30_000 }).toBe('Site test: moons, 6 seeds');
    expect(await frame.locator('#chart-main svg circle').count()).toBe(6);
    const [frameHeight, contentHeight] = await page.evaluate(() => {
      const f = document.querySelector('iframe')!;
      return [f.clientHeight, f.contentDocument ? -1 : -1];
    });
    const inner = await frame.locator('html').evaluate((el) => el.scrollHeight);
    expect(contentHeight).toBe(-1); // cross-origin: the host page cannot read it, as on a real blog
    expect(inner).toBeLessThanOrEqual(frameHeight); // no scrollbar
    expect(inner).toBeGreaterThan(frameHeight - 100); // and no large empty band under the card
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'embed.png') });
  });

  it('the oEmbed endpoint is discoverable and returns valid JSON', async () => {
    const { page } = await openPage(`/r/${ids.plain}/`);
    const href = (await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href'))!;
    const res = await fetch(href);
    expect(res.status).toBe(200);
    const o = (await res.json()) as Record<string, unknown>;
    expect(o).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Seedlab', title: 'Site test: moons, 6 seeds' });
    expect(o.html).toMatch(new RegExp(`^<iframe src="${server.url}/embed/${ids.plain}/"`));
    expect(Number.isInteger(o.width) && Number.isInteger(o.height)).toBe(true);
    expect((await fetch(`${server.url}/oembed?url=${encodeURIComponent('https://elsewhere.example/r/x/')}`)).status).toBe(404);
  });

  it('Open Graph and Twitter tags point at an existing PNG', async () => {
    const { page } = await openPage(`/r/${ids.plain}/`);
    const og = (await page.locator('meta[property="og:image"]').getAttribute('content'))!;
    expect(await page.locator('meta[name="twitter:image"]').getAttribute('content')).toBe(og);
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
    const res = await fetch(og);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Array.from(bytes.slice(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(new DataView(bytes.buffer).getUint32(16)).toBe(1200); // IHDR width
  });

  it('the badge is a static SVG with the headline numbers', async () => {
    const res = await fetch(`${server.url}/badge/${ids.plain}.svg`);
    expect(res.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(await res.text()).toMatch(/seed variance.*\d+\.\d%, std \d+\.\d\d points/s);
    // The Chinese report shows a Chinese badge, and its Markdown names it.
    expect(await (await fetch(`${server.url}/zh/badge/${ids.plain}.svg`)).text()).toMatch(/种子方差.*\d+\.\d%，标准差 \d+\.\d\d 个百分点/s);
    const { page } = await openPage(`/zh/r/${ids.plain}/`);
    expect(await page.locator('#share img').getAttribute('src')).toBe(`/zh/badge/${ids.plain}.svg`);
  });

  it('the copy buttons put the right text on the clipboard', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${ids.plain}/`);
    // The link near the top, then the share section's link, embed code and badge.
    const buttons = page.locator('button[data-copy]');
    expect(await buttons.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const expected = await buttons.nth(i).getAttribute('data-copy');
      await buttons.nth(i).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    }
    expect(await buttons.nth(0).getAttribute('data-copy')).toBe(`${server.url}/r/${ids.plain}/`);
    expect(await buttons.nth(1).getAttribute('data-copy')).toBe(`${server.url}/r/${ids.plain}/`);
    expect(await buttons.nth(3).getAttribute('data-copy')).toMatch(/^\[!\[seed variance \| .*\]\(.*\/badge\/.*\.svg\)\]\(.*\/r\/.*\/\)$/);
    await context.close();
  });

  it('reports of other kinds render in both languages, with their verdict and main chart', async () => {
    for (const [id, text, zhText, check] of [
      [ids.audit, 'Same seed again', '同一种子再运行', []],
      [ids.compare, 'P(A beats B on a fresh seed)', 'A 在新种子上胜出的概率', ['verify']],
    ] as const) {
      const en = await openPage(`/r/${id}/`);
      expect(await en.page.locator('section#verdict .qa').count()).toBeGreaterThan(0);
      const order = await en.page.$$eval('main > section', (els) => els.map((e) => e.id));
      expect(order).toEqual(['question', 'verdict', 'key-chart', ...check, 'method', 'details', 'reproduce', 'share']);
      expect(await en.page.locator('#chart-main .chart-wide svg').count()).toBe(1);
      expect(await en.page.textContent('main')).toContain(text);
      expect(en.errors).toEqual([]);
      const zh = await openPage(`/zh/r/${id}/`);
      expect(await zh.page.textContent('main')).toContain(zhText);
      expect(await zh.page.locator('section#verdict h2').evaluate((h) => h.firstChild?.textContent?.trim())).toBe('回答');
      expect(zh.errors).toEqual([]);
      const embed = await openPage(`/embed/${id}/`);
      expect(await embed.page.locator('#chart-main svg').count()).toBe(1);
    }
    // One mark per seed in the comparison: 4 seeds x 2 arms.
    const { page } = await openPage(`/r/${ids.compare}/`);
    expect(await page.locator('#chart-main .chart-wide svg circle').count()).toBe(8);
  });

  it('the guide page walks through the four questions, in both languages', async () => {
    for (const [path, heading] of [
      ['/guide/', 'Four classic questions about training'],
      ['/zh/guide/', '关于训练的四个经典问题'],
    ]) {
      const { page, errors } = await openPage(path);
      expect(await page.locator('h1').textContent()).toBe(heading);
      expect(await page.locator('section.question').count()).toBe(4);
      // These presets have not run in this test's KV: the guide says so instead of linking nowhere.
      expect(await page.locator('section.question p.muted').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    }
  });

  it('the kind filter works without JavaScript: a link to a page of that kind', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'A/B comparison' }).click();
    // The new page, loaded (a click only waits for the navigation to start).
    await page.waitForURL(/\/kinds\/compare\/$/, { waitUntil: 'load' });
    expect(await page.$$eval('ul.studies li a.title', (as) => as.map((a) => a.textContent))).toEqual(['Site test: compare']);
    await context.close();
  });

  it('npm run export writes the pages any static host serves, from the same Worker', async () => {
    await studies.dispose();
    await server.stop();
    const out = join(work, 'export');
    const run = spawnSync(
      process.execPath,
      ['scripts/run-ts.mjs', 'cli/exportSite.ts', out, '--state', persistTo, '--site-url', 'https://seedlab.example'],
      { encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' } },
    );
    expect(run.status, run.stderr).toBe(0);
    const id = ids.chinese;
    for (const file of ['index.html', 'zh/index.html', 'kinds/compare/index.html', 'guide/index.html', '404.html', 'copy.js']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    for (const file of [
      `r/${id}/index.html`,
      `zh/r/${id}/index.html`,
      `embed/${id}/index.html`,
      `zh/embed/${id}/index.html`,
      `og/${id}.png`,
      `zh/og/${id}.png`,
      `badge/${id}.svg`,
      `zh/badge/${id}.svg`,
      'glossary/index.html',
      // The document the report's JSON link and its in-browser check read, and every run beside it.
      `api/studies/${id}`,
      `api/studies/${id}.runs.csv`,
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    // Every script a report loads is in the export (the verify panel's, and copy.js).
    const scripts = [...readFileSync(join(out, `r/${id}/index.html`), 'utf8').matchAll(/<script[^>]*\ssrc="\/([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const script of scripts) expect(existsSync(join(out, script)), script).toBe(true);
    // Absolute links name the public site, not the local Worker that rendered them, nor the build's
    // address in a prerendered page: in every file written (the document's links too).
    const report = readFileSync(join(out, `r/${id}/index.html`), 'utf8');
    expect(report).toContain(`<meta property="og:image" content="https://seedlab.example/og/${id}.png">`);
    // The form needs the API: a static report's "Run this again with changes" goes to its recipe.
    expect(report).not.toContain('/new/?from=');
    expect(report).toContain('href="#reproduce"');
    expect(JSON.parse(readFileSync(join(out, `api/studies/${id}`), 'utf8')).links).toEqual({
      self: `https://seedlab.example/api/studies/${id}`,
      report: `https://seedlab.example/r/${id}/`,
      embed: `https://seedlab.example/embed/${id}/`,
    });
    const written = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter(
      (f) => /\.(html|svg)$|^api\//.test(f) && statSync(join(out, f)).isFile(),
    );
    expect(written.length).toBeGreaterThan(20);
    const local = written.filter((f) => /127\.0\.0\.1|localhost/.test(readFileSync(join(out, f), 'utf8')));
    expect(local).toEqual([]);
  }, 120_000);
});
