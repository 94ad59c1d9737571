import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, freePort, startWranglerDev } from '../../cli/wranglerDev.ts';
import { parseStudySpec } from '../../src/index.ts';
import { KIND_FIXTURES, readKindFixture } from '../kindFixtures.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { localStudies } from './localStudies.ts';
import { axeViolations, englishProse, horizontalOverflow, htmlErrors, matchesIn, pageTexts } from './readerChecks.ts';

// Every page type as readers' tools see it: the built Worker under plain wrangler dev, one study of
// every kind (each kind's fast fixture spec, trained by the real consumer), real Chromium.
const TOKEN = 'readers-token';
let server: DevServer;
let persistTo: string;
let browser: Browser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  persistTo = join(mkdtempSync(join(tmpdir(), 'seedlab-readers-')), 'state');
  server = await startWranglerDev({ port: await freePort(), persistTo, vars: { SEEDLAB_TOKEN: TOKEN } });
  for (const fixture of KIND_FIXTURES) {
    const spec = readKindFixture(fixture);
    const res = await fetch(`${server.url}/api/studies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    ids[spec.kind ?? 'seed-variance'] = ((await res.json()) as { id: string }).id;
  }
  for (const id of Object.values(ids)) {
    for (const end = Date.now() + 120_000; ; ) {
      const s = (await (await fetch(`${server.url}/api/studies/${id}`)).json()) as { status: string };
      if (s.status === 'done') break;
      if (Date.now() > end) throw new Error(`study ${id} is ${s.status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  // An uploaded table, for its page (/d/<id>/). Named in one word: a name its owner writes in
  // English is shown as written in the Chinese page's <title>, which cannot mark its language.
  const upload = await fetch(`${server.url}/api/datasets?label=target&name=iris-copy`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
    body: readFileSync('data/iris.csv', 'utf8'),
  });
  ids.dataset = ((await upload.json()) as { id: string }).id;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const LOCALES = ['', '/zh'];
const KINDS = KIND_FIXTURES.map((fixture) => readKindFixture(fixture).kind ?? 'seed-variance');
/**
 * Every page type in both languages, each checked in a test of its own (with its own time), so one
 * slow render fails one check and names its page. A study's id is known once beforeAll trained it.
 */
const PAGES: { name: string; path: () => string }[] = [
  ...LOCALES.flatMap((l) => ['/', '/guide/', '/glossary/', '/new/'].map((p) => ({ name: `${l}${p}`, path: () => `${l}${p}` }))),
  ...LOCALES.map((l) => ({ name: `${l}/d/ (an uploaded table)`, path: () => `${l}/d/${ids.dataset}/` })),
  ...KINDS.flatMap((kind) =>
    LOCALES.flatMap((l) => ['r', 'embed'].map((page) => ({ name: `${l}/${page}/ (${kind})`, path: () => `${l}/${page}/${ids[kind]}/` }))),
  ),
];
const pages = () => PAGES.map((p) => p.path());
const PAGE_TIMEOUT = 60_000;

async function open(path: string, options: { width: number; height?: number; colorScheme?: 'light' | 'dark'; status?: number }) {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height ?? 800 },
    colorScheme: options.colorScheme,
  });
  const page = await context.newPage();
  const res = await page.goto(`${server.url}${path}`);
  expect(res?.status(), path).toBe(options.status ?? 200);
  return { page, html: (await res?.text()) ?? '', close: () => context.close() };
}

/**
 * A check run on every page `pick` keeps, each page in a test of its own (so one slow or failing
 * page fails one test, named after it), opened at `width` px wide: what it finds must be nothing.
 */
function eachPage(title: string, pick: (name: string) => boolean, width: number, check: (page: Page) => Promise<string[]>) {
  describe(title, () => {
    for (const { name, path } of PAGES.filter((p) => pick(p.name)))
      it(name, { timeout: PAGE_TIMEOUT }, async () => {
        const { page, close } = await open(path(), { width });
        const found = await check(page);
        await close();
        expect(found).toEqual([]);
      });
  });
}
const every = () => true;
const chinese = (name: string) => name.startsWith('/zh/');
const reports = (name: string) => name.includes('/r/');

describe('axe-core finds no violation, in light and dark mode', () => {
  for (const { name, path } of PAGES)
    it(name, { timeout: PAGE_TIMEOUT }, async () => {
      const found: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, close } = await open(path(), { width: 1280, colorScheme });
        for (const v of await axeViolations(page)) found.push(`${colorScheme}: ${v}`);
        await close();
      }
      expect(found).toEqual([]);
    });
});

describe('html-validate finds no error', () => {
  for (const { name, path } of PAGES)
    it(name, { timeout: PAGE_TIMEOUT }, async () => {
      expect(await htmlErrors(await (await fetch(`${server.url}${path()}`)).text())).toEqual([]);
    });
});

eachPage('no page scrolls sideways on a 360 px phone', every, 360, async (page) => {
  const overflow = await horizontalOverflow(page);
  return overflow > 0 ? [`${overflow} px`] : [];
});

eachPage('Chinese pages hold no English prose outside code and text a user wrote', chinese, 1280, englishProse);

eachPage('charts on a phone draw their text at 11 CSS px or more on a 360 px screen', reports, 360, async (page) => {
  // The size a reader sees: the text's font size times the scale its drawing is shown at.
  const smallest = await page.evaluate(() => {
    const sizes: number[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg[role="img"]')) {
      if (!svg.getClientRects().length) continue; // the drawing for the other screen size
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const text of svg.querySelectorAll('text')) sizes.push(Number.parseFloat(getComputedStyle(text).fontSize) * scale);
    }
    return sizes.length ? Math.min(...sizes) : null;
  });
  return smallest === null || smallest < 11 ? [`${smallest?.toFixed(1)} px`] : [];
});

eachPage('the glossary explains every term a report links, and each report links a term’s first use only', reports, 1280, async (page) => {
  const links = await page.$$eval('a.term', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  if (!links.length) return ['no term linked'];
  const out = new Set(links).size === links.length ? [] : ['a term linked twice'];
  const html = await (await fetch(`${server.url}${links[0].split('#')[0]}`)).text();
  for (const link of links) if (!html.includes(`id="${link.split('#')[1]}"`)) out.push(`${link} explains nothing`);
  return out;
});

eachPage('numbers use one minus sign (−) and one unit word for percentage points', every, 1280, async (page) => {
  const texts = await pageTexts(page, 'code, pre, script, style');
  return texts.flatMap((text) => [
    // A hyphen before a digit, where a number starts (not inside a word like "k-NN" or a date).
    ...(/(^|[\s([:：，,])-\d/.test(text) ? [`hyphen as minus in “${text.trim().slice(0, 60)}”`] : []),
    ...(/\b(?:pp|pts?)\b/.test(text) ? [`“pp”/“pts” in “${text.trim().slice(0, 60)}”`] : []),
  ]);
});

// Dates are written as Intl writes them (2026年11月26日).
eachPage(
  'Chinese pages write full-width punctuation beside Chinese text (“，” not “,”), and a space between Chinese and Latin (“与 MLP”)',
  chinese,
  1280,
  async (page) =>
    matchesIn(
      await pageTexts(page, 'code, pre, script, style, time, [translate="no"]', true),
      /\p{Script=Han}\s*[,.:;?!()]|[,:;?!(]\s*\p{Script=Han}|\p{Script=Han}[A-Za-z0-9]|[A-Za-z0-9]\p{Script=Han}/u,
    ),
);

// Words like "steepest", "adam" or "exponential" are names, kept as written; anything else a
// Chinese page shows, in its charts, sentences, headlines and index lines, is Chinese, a number, or
// an acronym (MLP, kNN).
eachPage(
  'Chinese pages mark every lower-case Latin name they show (a label from the spec, a rule) translate="no"',
  chinese,
  1280,
  async (page) =>
    matchesIn(await pageTexts(page, '[translate="no"], code, pre, script, style, title', true), /(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])/),
);

describe('chart axes', () => {
  it('label ticks with plain numbers or powers of ten, never SI prefixes (“500m”)', async () => {
    const found: string[] = [];
    for (const path of pages()) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      for (const m of html.matchAll(/<text[^>]*>([^<]*)<\/text>/g))
        if (/^[−-]?\d+(?:\.\d+)?[yzafpnµmkMGTPEZY]$/.test(m[1])) found.push(`${path}: ${m[1]}`);
    }
    expect(found).toEqual([]);
  });
});

describe('embed cards fit the 560 x 330 frame they are handed out with, and a 360 x 330 one, their chart text at 11 CSS px or more', () => {
  for (const kind of KINDS)
    it(kind, { timeout: PAGE_TIMEOUT }, async () => {
      const found: string[] = [];
      for (const l of LOCALES) {
        for (const width of [560, 360]) {
          const { page, close } = await open(`${l}/embed/${ids[kind]}/`, { width, height: 330 });
          const [w, h] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
          if (w > width || h > 330) found.push(`${l}/embed/ at ${width} x 330: ${w} x ${h}`);
          // The card's drawing scales to the room it has (keeping its aspect): the size a reader sees.
          const smallest = await page.evaluate(() => {
            const svg = document.querySelector<SVGSVGElement>('#chart-main svg[role="img"]');
            if (!svg) return 0;
            const box = svg.getBoundingClientRect();
            const scale = Math.min(box.width / svg.viewBox.baseVal.width, box.height / svg.viewBox.baseVal.height);
            return Math.min(...[...svg.querySelectorAll('text')].map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale));
          });
          if (!(smallest >= 11)) found.push(`${l}/embed/ at ${width} x 330: chart text at ${smallest.toFixed(1)} px`);
          await close();
        }
      }
      expect(found).toEqual([]);
    });
});

describe('preview images', () => {
  /** The share of pixels in the lower half of a PNG (where the chart goes) that are not the white background. */
  async function chartInk(path: string, status = 200): Promise<number> {
    const { page, close } = await open(path, { width: 1300, height: 700, status });
    const share = await page.evaluate(() => {
      const img = document.querySelector('img') as HTMLImageElement;
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 315, canvas.width, canvas.height - 315);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
      return ink / (data.length / 4);
    });
    await close();
    return share;
  }

  it('a card without a chart (a queued study’s) has no ink there: the measure tells them apart', { timeout: PAGE_TIMEOUT }, async () => {
    // Stored as POST stores it, its units never sent: it stays queued, and its card shows its progress.
    const studies = await localStudies(server, persistTo, TOKEN);
    try {
      const record = await studies.storeUnsent(parseStudySpec({ ...readKindFixture(KIND_FIXTURES[0]), title: 'readers: queued' }));
      expect(await chartInk(`/og/${record.id}.png`)).toBe(0);
    } finally {
      await studies.dispose();
    }
  });

  for (const kind of KINDS)
    it(`${kind}: the preview, in both languages, draws its chart in the lower half`, { timeout: PAGE_TIMEOUT }, async () => {
      const found: string[] = [];
      for (const l of LOCALES) {
        const share = await chartInk(`${l}/og/${ids[kind]}.png`);
        // The sparsest chart (a compare strip of 4 dots a side, its axis and labels) inks 0.9% of the
        // lower half; text alone never reaches it. 0.3% leaves room below that and stays far above 0.
        if (share < 0.003) found.push(`${l}/og/: ${(100 * share).toFixed(2)}% ink`);
      }
      expect(found).toEqual([]);
    });
});
