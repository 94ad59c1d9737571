import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TINY_SPEC } from '../crossRuntimeSpec.ts';
import { waitForStudy } from './helpers.ts';

// With SITE_URL set (vitest.config.ts: https://seedlab.example), every absolute link names it,
// whatever Host a request arrives with: a forged one names nothing, and shares the one cache entry.
const SITE = 'https://seedlab.example';
const at = (origin: string, path: string, init: RequestInit = {}) => exports.default.fetch(new Request(`${origin}${path}`, init));
const absoluteLinks = (html: string) => [...html.matchAll(/(?:href|src|content)="(https?:\/\/[^"/]+)/g)].map((m) => m[1]);

describe('one public origin: SITE_URL', () => {
  it('names every absolute link of the API, the pages, the embed code and oEmbed, whatever the Host', async () => {
    const posted = await at('http://evil.example', '/api/studies', {
      method: 'POST',
      headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
      body: JSON.stringify({ ...TINY_SPEC, title: 'origin: site url' }),
    });
    const { id, links } = (await posted.json()) as { id: string; links: Record<string, string> };
    expect(links).toEqual({ self: `${SITE}/api/studies/${id}`, report: `${SITE}/r/${id}/`, embed: `${SITE}/embed/${id}/` });
    // waitForStudy reads through http://seedlab.test: yet another Host.
    expect((await waitForStudy(id)).links.report).toBe(`${SITE}/r/${id}/`);
    const listed = (await (await at('http://evil.example', '/api/studies')).json()) as { studies: { links: { self: string } }[] };
    expect(listed.studies.map((s) => s.links.self)).toEqual([`${SITE}/api/studies/${id}`]);

    const first = await at('http://evil.example', `/r/${id}/`);
    const html = await first.text();
    expect(first.headers.get('x-seedlab-cache')).toBe('miss');
    expect(html).toContain(`<link rel="canonical" href="${SITE}/r/${id}/">`);
    expect(html).toContain(`<meta property="og:url" content="${SITE}/r/${id}/">`);
    expect(html).toContain(`<meta property="og:image" content="${SITE}/og/${id}.png">`);
    expect(html).toContain(`&lt;iframe src=&quot;${SITE}/embed/${id}/&quot;`);
    expect(new Set(absoluteLinks(html))).toEqual(new Set([SITE]));
    // Another Host gets the same page from the same entry: a forged Host buys no render.
    const other = await at('http://another.example', `/r/${id}/`);
    expect(other.headers.get('x-seedlab-cache')).toBe('hit');
    expect(await other.text()).toBe(html);

    const oembed = await at('http://evil.example', `/oembed?url=${encodeURIComponent(`${SITE}/r/${id}/`)}`);
    const card = (await oembed.json()) as { provider_url: string; html: string; thumbnail_url: string };
    expect([card.provider_url, card.thumbnail_url]).toEqual([`${SITE}/`, `${SITE}/og/${id}.png`]);
    expect(card.html).toContain(`src="${SITE}/embed/${id}/"`);
    // A report URL at the forged Host is not this site's.
    expect((await at('http://evil.example', `/oembed?url=${encodeURIComponent(`http://evil.example/r/${id}/`)}`)).status).toBe(404);
  });
});
