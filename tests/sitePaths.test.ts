import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_NAMES } from '../site/src/presentation/chartNames.ts';
import { sitePath, siteRouteOf } from '../site/src/presentation/sitePaths.ts';

const ID = '0123456789abcdef0123';

describe('siteRouteOf: every spelling of a page names one route', () => {
  // Each row: a path as a browser, a person or a probe may send it, and the route it names (by hand).
  const cases: [string, ReturnType<typeof siteRouteOf>][] = [
    ['/', { page: 'index', locale: 'en', kind: 'all' }],
    ['//', { page: 'index', locale: 'en', kind: 'all' }],
    ['/zh', { page: 'index', locale: 'zh', kind: 'all' }],
    ['/kinds/compare', { page: 'index', locale: 'en', kind: 'compare' }],
    ['/zh/kinds/all/abc.12/', { page: 'index', locale: 'zh', kind: 'all', cursor: 'abc.12' }],
    ['/guide', { page: 'guide', locale: 'en' }],
    ['/zh//glossary//', { page: 'glossary', locale: 'zh' }],
    [`/r/${ID}`, { page: 'report', locale: 'en', id: ID }],
    [`//r/${ID}/`, { page: 'report', locale: 'en', id: ID }],
    [`/zh//r/${ID}/`, { page: 'report', locale: 'zh', id: ID }],
    // %30 is "0": a percent-encoded hex digit names the same study.
    [`/r/%30${ID.slice(1)}/`, { page: 'report', locale: 'en', id: ID }],
    [`/embed/${ID}`, { page: 'embed', locale: 'en', id: ID }],
    [`/zh/og/${ID}.png/`, { page: 'preview', locale: 'zh', id: ID }],
    [`/badge/${ID}.svg`, { page: 'badge', locale: 'en', id: ID }],
    // Ids that cannot be a study's are still the page's route: the Worker answers them without a read.
    ['/r/xyz/', { page: 'report', locale: 'en', id: 'xyz' }],
    ['/r/%2F%2Fevil.example/', { page: 'report', locale: 'en', id: '//evil.example' }],
    // No page: static files, unknown folders, extra segments, a bad percent-encoding, a missing id.
    ['/copy.js', null],
    ['/fonts/OFL.txt', null],
    ['//evil.example/', null],
    [`//evil.example/r/${ID}/`, null],
    [`/r/${ID}/index.html`, null],
    [`/R/${ID}/`, null],
    [`/en/r/${ID}/`, null],
    ['/r/%E0%A4%A/', null],
    ['/og/.png', null],
    [`/og/${ID}.svg`, null],
    ['/kinds/all/a/b/', null],
    ['/guide/x/', null],
    // One chart of a report: its embed card and its images, at a name some kind's chart has.
    [`/embed/${ID}/histogram`, { page: 'embed', locale: 'en', id: ID, chart: 'histogram' }],
    [`/zh/charts/${ID}/learning-rate.png`, { page: 'chart', locale: 'zh', id: ID, chart: 'learning-rate', format: 'png' }],
    [`/charts/${ID}/seeds.svg/`, { page: 'chart', locale: 'en', id: ID, chart: 'seeds', format: 'svg' }],
    [`/embed/${ID}/nonsense/`, null],
    [`/charts/${ID}/seeds.gif`, null],
    [`/charts/${ID}/seeds`, null],
    [`/charts/${ID}/`, null],
    [`/embed/${ID}/seeds/x/`, null],
  ];
  for (const [path, route] of cases) it(path, () => expect(siteRouteOf(path)).toEqual(route));
});

describe('sitePath: the one spelling of a route', () => {
  it('writes each page’s canonical path', () => {
    expect(sitePath({ page: 'index', locale: 'en', kind: 'all' })).toBe('/');
    expect(sitePath({ page: 'index', locale: 'zh', kind: 'all' })).toBe('/zh/');
    expect(sitePath({ page: 'index', locale: 'en', kind: 'compare' })).toBe('/kinds/compare/');
    expect(sitePath({ page: 'index', locale: 'en', kind: 'all', cursor: 'abc.12' })).toBe('/kinds/all/abc.12/');
    expect(sitePath({ page: 'glossary', locale: 'zh' })).toBe('/zh/glossary/');
    expect(sitePath({ page: 'report', locale: 'en', id: ID })).toBe(`/r/${ID}/`);
    expect(sitePath({ page: 'embed', locale: 'zh', id: ID })).toBe(`/zh/embed/${ID}/`);
    expect(sitePath({ page: 'preview', locale: 'en', id: ID })).toBe(`/og/${ID}.png`);
    expect(sitePath({ page: 'badge', locale: 'zh', id: ID })).toBe(`/zh/badge/${ID}.svg`);
    // User-controlled parts are encoded: a path never starts with two slashes (no open redirect).
    expect(sitePath({ page: 'report', locale: 'en', id: '//evil.example' })).toBe('/r/%2F%2Fevil.example/');
  });

  it('is a fixed point: the canonical path of any path parses back to the same route and spelling (fast-check, fixed seed)', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '',
        'zh',
        'r',
        'embed',
        'og',
        'badge',
        'kinds',
        'guide',
        'glossary',
        'all',
        ID,
        `${ID}.png`,
        `${ID}.svg`,
        '%2F',
        '%30',
        '..',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), (parts) => {
        const pathname = new URL(`http://x/${parts.map((p) => p.replaceAll('?', '%3F').replaceAll('#', '%23')).join('/')}`).pathname;
        const route = siteRouteOf(pathname);
        if (!route) return;
        const canonical = sitePath(route);
        expect(canonical.startsWith('//')).toBe(false);
        expect(siteRouteOf(canonical)).toEqual(route);
        expect(new URL(`http://x${canonical}`).pathname).toBe(canonical);
      }),
      { seed: 20261202, numRuns: 2000 },
    );
  });
});

describe('chart names', () => {
  it('the README lists every kind’s chart names, in order, as chartNames.ts holds them', () => {
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    for (const [kind, names] of Object.entries(CHART_NAMES))
      expect(readme, kind).toContain(`${kind} ${names.map((n) => `\`${n}\``).join(', ')}`);
  });
});
