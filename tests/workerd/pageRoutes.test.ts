import { exports } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseStudySpec } from '../../src/index.ts';
import { TINY_SPEC } from '../crossRuntimeSpec.ts';
import { call, waitForStudy } from './helpers.ts';

// What an anonymous request can make the Worker do on the site's pages: every spelling of a page
// is answered from the canonical page's one cache entry or redirected there, only GET and HEAD
// render, and an id that is no study costs no rendering.
const page = (path: string, init: RequestInit = {}) => call(path, { token: null, ...init });

async function finishedStudy(title: string): Promise<string> {
  const spec = parseStudySpec({ ...TINY_SPEC, seeds: 2, title });
  const { id } = (await (await call('/api/studies', { method: 'POST', json: spec })).json()) as { id: string };
  expect((await waitForStudy(id)).status).toBe('done');
  return id;
}

/** The keys the Worker puts into its edge cache while `run` runs. */
async function cachePutsDuring(run: () => Promise<void>): Promise<string[]> {
  const puts: string[] = [];
  const open = caches.open.bind(caches);
  const spy = vi.spyOn(caches, 'open').mockImplementation(async (name: string) => {
    const cache = await open(name);
    return {
      match: (key: RequestInfo | URL) => cache.match(key),
      put: (key: RequestInfo | URL, response: Response) => {
        puts.push(String(key));
        return cache.put(key, response);
      },
    } as unknown as Cache;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return puts;
}

afterEach(() => vi.restoreAllMocks());

describe('every spelling of a page shares its canonical page’s one cache entry', () => {
  it('variants answer 301 to the canonical path, or hit; one cache put per canonical page', async () => {
    const id = await finishedStudy('routes: spellings');
    // Percent-encoded first hex digit of the id (%XX of its character code).
    const encodedFirst = `%${id.charCodeAt(0).toString(16)}${id.slice(1)}`;
    const redirects: [string, string][] = [
      [`/r/${id}`, `/r/${id}/`],
      [`//r/${id}/`, `/r/${id}/`],
      [`/r//${id}//`, `/r/${id}/`],
      [`/zh//r/${id}/`, `/zh/r/${id}/`],
      [`/r/${encodedFirst}/`, `/r/${id}/`],
      [`/zh/embed/${id}`, `/zh/embed/${id}/`],
      [`/embed/${id}?theme=dark`, `/embed/${id}/?theme=dark`],
      [`/embed/${id}?bg=transparent&theme=auto`, `/embed/${id}/?theme=auto&bg=transparent`],
      [`/og/${id}.png/`, `/og/${id}.png`],
      [`/zh//badge/${id}.svg`, `/zh/badge/${id}.svg`],
      ['/kinds/all/', '/'],
      ['/zh', '/zh/'],
      ['/guide', '/guide/'],
    ];
    const canonical = [`/r/${id}/`, `/zh/r/${id}/`, `/embed/${id}/`, `/embed/${id}/?theme=dark`, `/og/${id}.png`, `/badge/${id}.svg`];
    const puts = await cachePutsDuring(async () => {
      for (const path of canonical) {
        const first = await page(path);
        expect([first.status, first.headers.get('x-seedlab-cache')], path).toEqual([200, 'miss']);
        await first.body?.cancel();
      }
      for (const [path, location] of redirects) {
        const res = await page(path, { redirect: 'manual' });
        expect([res.status, res.headers.get('location'), res.headers.get('x-seedlab-cache')], path).toEqual([301, location, 'miss']);
        expect(res.headers.get('x-seedlab-build'), path).toMatch(/^[0-9a-f]{16}$/);
      }
      // Query strings, HEAD, and themes the card does not have: the canonical entry, no render.
      for (const path of [`/r/${id}/?utm_source=x`, `/r/${id}/?theme=dark`, `/embed/${id}/?theme=DARK&x=1`, `/og/${id}.png?v=2`]) {
        const res = await page(path);
        expect([res.status, res.headers.get('x-seedlab-cache')], path).toEqual([200, 'hit']);
        await res.body?.cancel();
      }
      const head = await page(`/zh/r/${id}/`, { method: 'HEAD' });
      expect([head.status, head.headers.get('x-seedlab-cache')]).toEqual([200, 'hit']);
    });
    // One per canonical page (the light embed card is one, ?theme=DARK is the default theme's).
    expect(puts.map((key) => new URL(key).pathname + new URL(key).searchParams.get('theme'))).toEqual([
      `/r/${id}/null`,
      `/zh/r/${id}/null`,
      `/embed/${id}/null`,
      `/embed/${id}/dark`,
      `/og/${id}.pngnull`,
      `/badge/${id}.svgnull`,
    ]);
  });

  it('a run of HEADs renders once and keeps the page, like a run of GETs', async () => {
    const id = await finishedStudy('routes: heads');
    const puts = await cachePutsDuring(async () => {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const head = await page(`/embed/${id}/`, { method: 'HEAD' });
        statuses.push([head.status, head.headers.get('x-seedlab-cache'), await head.text()]);
      }
      expect(statuses).toEqual([
        [200, 'miss', ''],
        [200, 'hit', ''],
        [200, 'hit', ''],
      ]);
    });
    expect(puts).toHaveLength(1);
  });

  it('no redirect leaves the site: a Location is built from the route, never from the raw path', async () => {
    for (const path of [
      '//evil.example/',
      '//evil.example//',
      '///evil.example/',
      '/%2F%2Fevil.example//',
      '/\\evil.example//',
      '/r/%2F%2Fevil.example',
      '/r//%2F%2Fevil.example/',
      '//evil.example/r/0123456789abcdef0123',
    ]) {
      const res = await page(path, { redirect: 'manual' });
      const location = res.headers.get('location');
      await res.body?.cancel();
      if (location === null) {
        expect(res.status, path).toBe(404);
        continue;
      }
      expect(res.status, path).toBe(301);
      // Relative to this site: one slash, then a path (never "//host" or "/\host").
      expect(location, path).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, 'http://seedlab.test').origin, path).toBe('http://seedlab.test');
    }
  });
});

describe('one chart of a report, on its own', () => {
  it('is an embed card, an SVG and a PNG at stable names, each cached by its route; a chart this study lacks is a 404 never cached', async () => {
    const id = await finishedStudy('routes: charts');
    const puts = await cachePutsDuring(async () => {
      const card = await page(`/embed/${id}/histogram/`);
      expect(card.status).toBe(200);
      // The card of that chart: its drawing is the histogram's (its alt text), not the main strip's.
      expect(await card.text()).toMatch(/<figure class="chart" id="chart-main"[^>]*>[\s\S]*aria-label="Histogram/);
      const svg = await page(`/charts/${id}/seeds.svg`);
      expect([svg.status, svg.headers.get('content-type')]).toEqual([200, 'image/svg+xml; charset=utf-8']);
      expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>$/);
      const png = await page(`/zh/charts/${id}/test-accuracy.png`);
      expect([png.status, png.headers.get('content-type')]).toEqual([200, 'image/png']);
      // PNG signature (RFC 2083): 137 80 78 71 13 10 26 10.
      expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      expect((await page(`/charts/${id}/seeds.svg?x=1`)).headers.get('x-seedlab-cache')).toBe('hit');
      // A seed-variance study has no drift chart (a determinism audit's): a 404, not the main chart.
      for (const path of [`/embed/${id}/drift/`, `/charts/${id}/drift.png`]) {
        const res = await page(path);
        expect([res.status, res.headers.get('cache-control')], path).toEqual([404, 'no-store']);
        await res.body?.cancel();
      }
    });
    expect(puts.map((key) => new URL(key).pathname)).toEqual([
      `/embed/${id}/histogram/`,
      `/charts/${id}/seeds.svg`,
      `/zh/charts/${id}/test-accuracy.png`,
    ]);
  });
});

describe('misses are cheap', () => {
  it('an id that is no study gets a small fixed answer on every image route, whatever its length', async () => {
    const ids = ['xyz', 'z'.repeat(10_000), '0123456789ABCDEF0123', '0123456789abcdef0123'];
    for (const id of ids) {
      for (const path of [`/og/${id}.png`, `/zh/og/${id}.png`, `/badge/${id}.svg`, `/zh/badge/${id}.svg`]) {
        const res = await page(path);
        const body = await res.text();
        expect(res.status, path.slice(0, 40)).toBe(404);
        // A line of text, or the badge's small "not found" SVG for a well-formed unknown id.
        expect(res.headers.get('content-type'), path.slice(0, 40)).toMatch(/^(text\/plain|image\/svg\+xml)/);
        expect(body.length, path.slice(0, 40)).toBeLessThan(1000);
        expect(body, path.slice(0, 40)).not.toContain('z'.repeat(100));
      }
    }
  });

  it('a chart name no kind has is the site’s 404 page, answered before any study is read or rendered', async () => {
    const id = await finishedStudy('routes: unknown charts');
    const puts = await cachePutsDuring(async () => {
      for (const path of [
        `/embed/${id}/nonsense/`,
        `/charts/${id}/nonsense.svg`,
        `/zh/charts/${id}/seeds.gif`,
        `/charts/${id}/${'x'.repeat(5000)}.png`,
      ]) {
        const res = await page(path);
        expect(res.status, path.slice(0, 60)).toBe(404);
        expect(await res.text()).toContain('There is no page at this address.');
      }
    });
    expect(puts).toEqual([]);
  });

  it('a page for an id that is no study is the site’s 404 page', async () => {
    for (const path of ['/r/xyz/', `/zh/embed/${'z'.repeat(10_000)}/`]) {
      const res = await page(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('There is no page at this address.');
    }
  });
});

describe('only GET and HEAD render', () => {
  it('OPTIONS is a 204 and every other method a 405, each with Allow and the page headers, no render', async () => {
    const id = await finishedStudy('routes: methods');
    const routes = [
      '/',
      '/zh/',
      '/guide/',
      '/glossary/',
      '/kinds/compare/',
      `/r/${id}/`,
      `/zh/embed/${id}/`,
      `/og/${id}.png`,
      `/badge/${id}.svg`,
      '/copy.js',
    ];
    for (const path of routes) {
      for (const method of ['OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        const res = await page(path, { method });
        const where = `${method} ${path}`;
        expect(res.status, where).toBe(method === 'OPTIONS' ? 204 : 405);
        expect(res.headers.get('allow'), where).toBe('GET, HEAD, OPTIONS');
        expect(res.headers.get('x-seedlab-cache'), where).toBe('miss');
        expect(res.headers.get('x-seedlab-build'), where).toMatch(/^[0-9a-f]{16}$/);
        // Nothing of a rendered page: no internal header, no ETag, no HTML.
        expect(res.headers.get('x-seedlab-final'), where).toBeNull();
        expect(res.headers.get('etag'), where).toBeNull();
        expect(await res.text(), where).not.toContain('<html');
      }
    }
  });
});

describe('without SITE_URL, the origin is the request’s (as on workers.dev)', () => {
  it('each origin names itself and has its own cache entry, so no origin is shown another’s links', async () => {
    const id = await finishedStudy('routes: request origin');
    const at = async (origin: string) => {
      const res = await exports.default.fetch(new Request(`${origin}/r/${id}/`));
      return { cache: res.headers.get('x-seedlab-cache'), html: await res.text() };
    };
    const a = await at('http://a.example');
    const b = await at('http://b.example');
    expect([a.cache, b.cache, (await at('http://a.example')).cache]).toEqual(['miss', 'miss', 'hit']);
    expect(a.html).toContain(`<meta property="og:url" content="http://a.example/r/${id}/">`);
    expect(b.html).toContain(`<meta property="og:url" content="http://b.example/r/${id}/">`);
  });
});
