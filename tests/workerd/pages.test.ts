import { describe, expect, it } from 'vitest';
import { FINAL_CACHE_CONTROL } from '../../functions/site/pageCache.ts';
import { listingFacts } from '../../functions/studies/listing.ts';
import { createStudy, putListing, putUnitFailure, readRecord } from '../../functions/studies/store.ts';
import { newStudyRecord } from '../../functions/studies/studyState.ts';
import { findPreset, parseStudySpec, planStudy, studyId } from '../../src/index.ts';
import { call, env, storeWithLostMessages, waitForStudy } from './helpers.ts';

// The pages as the built Worker renders them from KV (`npm run build`'s entry: Astro behind the
// page cache), with the real KV, Queue and edge cache of workerd.
const page = (path: string, headers: Record<string, string> = {}) => call(path, { token: null, headers });

const setup = {
  dataset: { name: 'wine' },
  split: { kind: 'stratified' },
  scaling: { kind: 'standardize' },
  model: { hidden: [4] },
  training: { optimizer: { kind: 'adam', lr: 0.05 }, epochs: 2 },
  backend: 'cpu',
};
const spec = (title: string, seeds = 3) => parseStudySpec({ ...setup, title, seeds });

async function postAndWait(title: string): Promise<string> {
  const res = await call('/api/studies', { method: 'POST', json: spec(title) });
  const { id } = (await res.json()) as { id: string };
  expect((await waitForStudy(id)).status).toBe('done');
  return id;
}

describe('a finished study’s pages are cached after their first render', () => {
  it('miss, then hit with the same ETag and body; a matching If-None-Match gets a 304', async () => {
    const id = await postAndWait('pages: cached report');
    const first = await page(`/r/${id}/`);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-seedlab-cache')).toBe('miss');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get('cache-control')).toBe(FINAL_CACHE_CONTROL);
    const body = await first.text();
    expect(body).toContain('pages: cached report');

    const second = await page(`/r/${id}/`);
    expect(second.headers.get('x-seedlab-cache')).toBe('hit');
    expect(second.headers.get('etag')).toBe(etag);
    expect(await second.text()).toBe(body);

    for (const tag of [etag as string, `W/${etag}`, `"other", ${etag}`]) {
      const revalidated = await page(`/r/${id}/`, { 'if-none-match': tag });
      expect(revalidated.status, tag).toBe(304);
      expect(await revalidated.text()).toBe('');
    }
    expect((await page(`/r/${id}/`, { 'if-none-match': '"other"' })).status).toBe(200);
    // The images and the other pages of the study are kept the same way.
    for (const path of [`/zh/r/${id}/`, `/embed/${id}/`, `/og/${id}.png`, `/zh/og/${id}.png`, `/badge/${id}.svg`]) {
      expect((await page(path)).headers.get('x-seedlab-cache'), path).toBe('miss');
      expect((await page(path)).headers.get('x-seedlab-cache'), path).toBe('hit');
    }
  });
});

describe('every state of a study has a page, and only a complete study’s is cached', () => {
  it('queued: its progress, a page that refreshes itself without JavaScript, never cached', async () => {
    const id = await storeWithLostMessages(spec('pages: queued'));
    for (const status of ['miss', 'miss']) {
      const res = await page(`/r/${id}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-seedlab-cache')).toBe(status);
      expect(res.headers.get('etag')).toBeNull();
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('<meta http-equiv="refresh" content="3">');
      expect(html).toContain('data-state="queued"');
      // Nothing sent yet. 6 runs: seed variance trains each of the 3 seeds twice (the second run checks its fingerprint).
      expect(html).toContain('0 of 6 runs done');
    }
    expect(await (await page(`/zh/r/${id}/`)).text()).toContain('已完成 0 / 6 次运行');
    expect(await (await page(`/badge/${id}.svg`)).text()).toContain('queued 0/6');
    // A status read re-sends the lost units: the same link then shows the report, and stops refreshing.
    expect((await waitForStudy(id)).status).toBe('done');
    const done = await (await page(`/r/${id}/`)).text();
    expect(done).not.toContain('http-equiv="refresh"');
    expect(done).toContain('id="verdict"');
  });

  it('failed: what failed (seeds, error, attempts), no refresh, never cached', async () => {
    const failing = spec('pages: failed', 2);
    const id = await studyId(failing);
    const record = newStudyRecord(id, failing, planStudy(failing, 1), new Date());
    await createStudy(env.STUDIES, record, listingFacts(record, 'queued'));
    for (const [u] of record.units.entries()) await putUnitFailure(env.STUDIES, id, u, { error: 'out of memory', attempts: 3 });
    await putListing(env.STUDIES, record, listingFacts(record, 'failed'));
    const res = await page(`/r/${id}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = (await res.text()).replace(/ data-astro-cid-\w+/g, '');
    expect(html).toContain('data-state="failed"');
    // One row per unit: seeds 1 and 2, each trained and re-trained (planStudy with one seed a unit).
    expect(html.match(/<tr><td>\d<\/td><td>out of memory<\/td><td>3<\/td><\/tr>/g)).toHaveLength(4);
    expect(html).not.toContain('http-equiv="refresh"');
    expect((await page(`/r/${id}/`)).headers.get('x-seedlab-cache')).toBe('miss');
    expect(await (await page(`/badge/${id}.svg`)).text()).toContain('failed');
  });

  it('partial: the report from the runs that finished, with what failed, never cached', async () => {
    const id = await storeWithLostMessages(spec('pages: partial'));
    // Units are seeds [1, 2] and [3]: the second fails for good; a status read sends the first.
    await putUnitFailure(env.STUDIES, id, 1, { error: 'killed', attempts: 3 });
    expect((await waitForStudy(id)).status).toBe('partial');
    const res = await page(`/r/${id}/`);
    expect(res.headers.get('etag')).toBeNull();
    expect(await res.text()).toContain('Partial study: the runs of seeds 3 failed (killed).');
    expect((await page(`/r/${id}/`)).headers.get('x-seedlab-cache')).toBe('miss');
  });

  it('an unknown id is a 404 page; an unreadable document is an error page that names the study', async () => {
    const unknown = await page('/r/0123456789abcdef0123/');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('There is no page at this address.');
    expect((await page('/zh/embed/not-an-id/')).status).toBe(404);
    // An unknown study has no preview: a line of text, nothing rasterised.
    const png = await page('/og/0123456789abcdef0123.png');
    expect([png.status, png.headers.get('content-type'), await png.text()]).toEqual([404, 'text/plain; charset=utf-8', 'no such study\n']);

    const id = await postAndWait('pages: unreadable');
    await env.STUDIES.put(`doc:${id}`, '{"truncated');
    const res = await page(`/r/${id}/`);
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain(`The stored data of study ${id} cannot be read: its stored document cannot be read (not JSON`);
    expect(html).not.toContain('http-equiv="refresh"');
  });
});

describe('the index is live', () => {
  it('lists settled studies newest first, 20 a page, with a next link; the kind filter is a link', async () => {
    // 25 finished determinism audits, listed one millisecond apart (only their listing and record matter here).
    const base = Date.parse('2026-01-01T00:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const s = parseStudySpec({ ...setup, title: `index ${i}`, kind: 'determinism-audit', forestTrees: 5 });
      const id = (await studyId(s)).slice(0, 16) + String(i).padStart(4, '0');
      const record = newStudyRecord(id, s, planStudy(s, 10), new Date(base + i));
      await createStudy(env.STUDIES, record, listingFacts(record, 'done'));
      ids.push(id);
    }
    expect(await readRecord(env.STUDIES, ids[0])).not.toBeNull();
    const first = await (await page('/kinds/determinism-audit/')).text();
    const listed = (html: string) => [...html.matchAll(/href="(?:\/zh)?\/r\/([0-9a-f]{20})\/"/g)].map((m) => m[1]);
    // Newest first: the last stored is listed first.
    expect(listed(first)).toEqual(ids.slice(5).reverse());
    const next = /href="(\/kinds\/determinism-audit\/[^"]+\/)" rel="next"/.exec(first)?.[1];
    expect(next).toBeDefined();
    const second = await (await page(next as string)).text();
    expect(listed(second)).toEqual(ids.slice(0, 5).reverse());
    expect(second).not.toContain('rel="next"');
    // The filter: every kind is a link; the other kinds' studies are not on this kind's pages.
    expect(first).toContain('href="/kinds/compare/"');
    expect(listed(await (await page('/kinds/compare/')).text())).toEqual([]);
    // The Chinese index pages the same way.
    expect(listed(await (await page('/zh/kinds/determinism-audit/')).text())).toEqual(ids.slice(5).reverse());
  });

  it('words each entry from its listing’s facts in the reader’s language, with no document to read; an entry from before facts still reads', async () => {
    const s = parseStudySpec({ ...setup, kind: 'determinism-audit', forestTrees: 5, title: 'facts only' });
    const id = `${(await studyId(s)).slice(0, 16)}fac7`;
    const record = newStudyRecord(id, s, planStudy(s, 10), new Date(Date.parse('2030-01-01T00:00:00Z')));
    await createStudy(env.STUDIES, record, listingFacts(record, 'queued'));
    // Only the listing holds the result: no document is stored, so nothing else could word it.
    const digest = { algorithms: 2, classes: [{ category: 'deterministic', models: ['knn', 'decision-tree'] }], deterministic: 2 };
    await putListing(env.STUDIES, record, { ...listingFacts(record, 'done'), digest });
    const entry = (html: string) => html.slice(html.indexOf(`/r/${id}/`), html.indexOf('</li>', html.indexOf(`/r/${id}/`)));
    expect(entry(await (await page('/kinds/determinism-audit/')).text())).toContain('deterministic 2/2: kNN and decision tree');
    expect(entry(await (await page('/zh/kinds/determinism-audit/')).text())).toContain('确定性 2/2：kNN 和决策树');

    // An entry written before listings held facts: frozen English words, which the index no longer shows.
    const old = parseStudySpec({ ...setup, kind: 'determinism-audit', forestTrees: 5, title: 'written before facts' });
    const oldId = `${(await studyId(old)).slice(0, 16)}01d0`;
    const oldRecord = newStudyRecord(oldId, old, planStudy(old, 10), new Date(Date.parse('2030-01-01T00:00:01Z')));
    await createStudy(env.STUDIES, oldRecord, listingFacts(oldRecord, 'queued'));
    const before = listingFacts(oldRecord, 'failed');
    await putListing(env.STUDIES, oldRecord, {
      id: before.id,
      kind: before.kind,
      dataset: 'wine',
      createdAt: before.createdAt,
      status: 'failed',
      title: 'Determinism audit: wine (frozen English)',
    });
    const zh = await (await page('/zh/kinds/determinism-audit/')).text();
    expect(zh.slice(zh.indexOf(`/r/${oldId}/`), zh.indexOf('</li>', zh.indexOf(`/r/${oldId}/`)))).toContain('written before facts');
    expect(zh).not.toContain('frozen English');
  });

  it('a kind or a cursor the site never gave is a 404', async () => {
    expect((await page('/kinds/not-a-kind/')).status).toBe(404);
    expect((await page('/kinds/all/bm90LWEtY3Vyc29y.0123456789ab/')).status).toBe(404);
    // KV's real cursor into the listing, sealed the way cursors were before (a sha256 checksum that
    // needs no secret: the first 12 hex digits of sha256("seedlab-cursor:" + it)): a forgery now.
    const listing = await env.STUDIES.list({ prefix: 'list:', limit: 1 });
    expect(listing.list_complete).toBe(false);
    const kvCursor = (listing as { cursor: string }).cursor;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`seedlab-cursor:${kvCursor}`)));
    const checksum = [...digest]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
      .slice(0, 12);
    const payload = btoa(kvCursor).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect((await page(`/kinds/all/${payload}.${checksum}/`)).status).toBe(404);
  });
});

describe('the guide renders live from KV', () => {
  it('names the presets that have not run yet', async () => {
    const res = await page('/guide/');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('npm start');
  });

  it('links its first question to a report’s “Training, step by step” once the moons preset has run, in both languages', async () => {
    const preset = findPreset('moons-dropout');
    if (!preset) throw new Error('no moons-dropout preset');
    const res = await call('/api/studies', { method: 'POST', json: preset.spec });
    const { id } = (await res.json()) as { id: string };
    expect((await waitForStudy(id, 120_000)).status).toBe('done');
    for (const locale of ['', '/zh']) {
      const guide = await (await page(`${locale}/guide/`)).text();
      const link = `href="${locale}/r/${id}/#step-by-step"`;
      expect(guide, locale).toContain(link);
      // The link lands on the section: the report has it.
      expect(await (await page(`${locale}/r/${id}/`)).text()).toContain('id="step-by-step"');
    }
  }, 150_000);
});

describe('oEmbed respects the consumer’s limits', () => {
  it('offers the card at the width allowed, never wider or taller, or answers 404 when none fits', async () => {
    const id = await postAndWait('pages: oembed');
    const url = encodeURIComponent(`http://seedlab.test/r/${id}/`);
    const ask = async (query: string) => {
      const res = await page(`/oembed?url=${url}${query}`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const plain = await ask('');
    expect(plain.body).toMatchObject({ width: 560, height: 330, thumbnail_width: 1200, thumbnail_height: 630 });
    const narrow = await ask('&maxwidth=400&maxheight=600');
    expect(narrow.status).toBe(200);
    expect(narrow.body).toMatchObject({ width: 400, height: 330 });
    expect(narrow.body.html).toContain('width="400" height="330"');
    // The 1200 x 630 preview does not fit 400 x 600: no thumbnail, rather than one too large.
    expect(narrow.body.thumbnail_url).toBeUndefined();
    // The narrowest card is 300 x 330 (issue 25: every card's words fit it whole, tests/site/readers.test.ts).
    expect((await ask('&maxwidth=299')).status).toBe(404);
    expect((await ask('&maxheight=329')).status).toBe(404);
    expect((await ask('&maxwidth=300&maxheight=330')).body).toMatchObject({ width: 300, height: 330 });
    // An embed URL of one chart is offered as that chart's card.
    const chart = await page(`/oembed?url=${encodeURIComponent(`http://seedlab.test/zh/embed/${id}/histogram/`)}`);
    expect(((await chart.json()) as { html: string }).html).toContain(`src="http://seedlab.test/zh/embed/${id}/histogram/"`);
    // Where scripts run, the embed code fits the frame to the card (the site's embed.js).
    expect(plain.body.html).toMatch(/<\/iframe><script async src="[^"]+\/embed\.js"><\/script>$/);
    const bad = await ask('&maxwidth=wide');
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: 'maxwidth', message: 'not a positive integer' }]);
  });
});

describe('?format= on a JSON endpoint', () => {
  it('is json or a 400 naming format that points at runs.csv, never JSON silently for a CSV asked for', async () => {
    const id = await postAndWait('pages: format');
    for (const path of [`/api/studies/${id}?format=csv`, `/api/studies/${id}/runs?format=csv`]) {
      const res = await page(path);
      const body = (await res.json()) as { issues: { path: string; message: string }[] };
      expect(res.status, path).toBe(400);
      expect(body.issues[0].path).toBe('format');
      expect(body.issues[0].message).toContain('runs.csv');
    }
    expect((await page(`/api/studies/${id}?format=json`)).status).toBe(200);
  });
});

describe('embed cards take a theme', () => {
  it('are light by default; ?theme=dark and ?theme=auto are their own cached pages', async () => {
    const id = await postAndWait('pages: themes');
    const htmlTag = async (path: string) => /<html[^>]*>/.exec(await (await page(path)).text())?.[0];
    expect(await htmlTag(`/embed/${id}/`)).toContain('data-theme="light"');
    const dark = await page(`/embed/${id}/?theme=dark`);
    expect(dark.headers.get('x-seedlab-cache')).toBe('miss');
    expect(/<html[^>]*>/.exec(await dark.text())?.[0]).toContain('data-theme="dark"');
    expect((await page(`/embed/${id}/?theme=dark`)).headers.get('x-seedlab-cache')).toBe('hit');
    // auto follows the reader's system setting: no fixed theme on the page.
    expect(await htmlTag(`/embed/${id}/?theme=auto`)).not.toContain('data-theme');
    // An unknown theme is the default card, from the default's cache entry.
    expect((await page(`/embed/${id}/?theme=plaid`)).headers.get('x-seedlab-cache')).toBe('hit');
  });

  it('draw on the host page’s colour with ?bg=transparent (declaring no colour scheme, which would give the frame a backdrop), a page of its own whatever the query’s order', async () => {
    const id = await postAndWait('pages: transparent');
    const first = await page(`/embed/${id}/?bg=transparent&theme=dark`);
    expect(first.headers.get('x-seedlab-cache')).toBe('miss');
    const html = await first.text();
    expect(/<html[^>]*>/.exec(html)?.[0]).toMatch(/data-theme="dark".*data-bg="transparent"/);
    expect(html).not.toContain('name="color-scheme"');
    expect((await page(`/embed/${id}/?theme=dark&utm=x&bg=transparent`)).headers.get('x-seedlab-cache')).toBe('hit');
    // The default card still declares its scheme and has its own entry; another bg is the default's.
    const plain = await (await page(`/embed/${id}/`)).text();
    expect(plain).toContain('<meta name="color-scheme" content="light">');
    expect((await page(`/embed/${id}/?bg=purple`)).headers.get('x-seedlab-cache')).toBe('hit');
  });
});
