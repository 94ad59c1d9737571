import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, freePort, startWranglerDev } from '../../cli/wranglerDev.ts';
import type { KindCharts } from '../../site/src/kinds/views.ts';
import { reportPreviewSvg } from '../../site/src/share/previewSvg.ts';
import { parseStudySpec, type StudyDocument } from '../../src/index.ts';
import { KIND_FIXTURES, readKindFixture } from '../kindFixtures.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { localStudies } from './localStudies.ts';
import {
  axeViolations,
  chartTextCollisions,
  cutCardText,
  englishProse,
  horizontalOverflow,
  htmlErrors,
  matchesIn,
  pageTexts,
  unexplainedTerms,
} from './readerChecks.ts';

// Every page type as readers' tools see it: the built Worker under plain wrangler dev, one study of
// every kind (each kind's fast fixture spec, trained by the real consumer), real Chromium.
const TOKEN = 'readers-token';
/**
 * A report on generated data as well, whose method counts data points (not percentage points) and
 * whose verdicts name no difference in points before it: the determinism audit on moons.
 */
const SYNTHETIC = 'determinism-audit on synthetic data';
const syntheticSpec = () => ({
  ...readKindFixture('determinism-audit/fixtures/determinism-audit'),
  dataset: { name: 'moons', samples: 160, noise: 0.2 },
});
/** A seed-variance report on a two-feature table: its decision-regions chart. */
const REGIONS = 'seed-variance on a two-feature table';
/** The studies beside one per kind, by name. */
const EXTRA_STUDIES: Record<string, () => object> = {
  [SYNTHETIC]: syntheticSpec,
  [REGIONS]: () => readKindFixture('seed-variance/fixtures/seed-variance-moons'),
};
let server: DevServer;
let persistTo: string;
let browser: Browser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  persistTo = join(mkdtempSync(join(tmpdir(), 'seedlab-readers-')), 'state');
  server = await startWranglerDev({ port: await freePort(), persistTo, vars: { SEEDLAB_TOKEN: TOKEN } });
  for (const fixture of [...KIND_FIXTURES, ...Object.keys(EXTRA_STUDIES)]) {
    const spec = fixture in EXTRA_STUDIES ? EXTRA_STUDIES[fixture]() : readKindFixture(fixture);
    const res = await fetch(`${server.url}/api/studies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    ids[fixture in EXTRA_STUDIES ? fixture : ((spec as { kind?: string }).kind ?? 'seed-variance')] = (
      (await res.json()) as { id: string }
    ).id;
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
  blog = await blogServer();
}, 300_000);

/**
 * A blog at another origin than the site's (another port), on this machine: the browser lets a page
 * frame a local address only from a local page (Private Network Access). `show` sets its one page.
 */
async function blogServer() {
  let body = '';
  const http = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body));
  const port = await freePort();
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return {
    show: async (html: string) => {
      body = `<!doctype html><html lang="en"><head><title>A blog</title></head><body style="margin:0">${html}</body></html>`;
      return `http://127.0.0.1:${port}/`;
    },
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
let blog: Awaited<ReturnType<typeof blogServer>>;

afterAll(async () => {
  await blog?.close();
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
  ...[SYNTHETIC, REGIONS].flatMap((study) => LOCALES.map((l) => ({ name: `${l}/r/ (${study})`, path: () => `${l}/r/${ids[study]}/` }))),
];
const pages = () => PAGES.map((p) => p.path());
const PAGE_TIMEOUT = 90_000;

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

const every = () => true;
const chinese = (name: string) => name.startsWith('/zh/');
const reports = (name: string) => name.includes('/r/');

/** A check a page must pass, on the pages `on` keeps: what it finds must be nothing. */
interface PageCheck {
  name: string;
  on: (name: string) => boolean;
  run: (page: Page) => Promise<string[]>;
}

// Every check runs on one open page per page type: first as a desktop reader sees it (1280 px,
// light), then in dark mode, then on a 360 px phone (the same page, its media and viewport changed).
const DESKTOP: PageCheck[] = [
  { name: 'axe-core (light)', on: every, run: axeViolations },
  { name: 'English prose on a Chinese page (outside code and text a user wrote)', on: chinese, run: englishProse },
  {
    name: 'glossary links',
    on: reports,
    run: async (page) => {
      // Each report links a term's first use only, and every link lands on the entry of the term it names.
      const links = await page.$$eval('a.term', (as) =>
        as.map((a) => {
          // The words before the link in its paragraph: "3000 points" (data) is not "0.62 points".
          const block = a.closest('p, li, td, dd, figcaption, h1, h2, h3, div') ?? a.parentElement;
          const range = document.createRange();
          range.selectNodeContents(block ?? a);
          range.setEndBefore(a);
          return { href: a.getAttribute('href') ?? '', text: a.textContent ?? '', before: range.toString().slice(-16) };
        }),
      );
      if (!links.length) return ['no term linked'];
      const out = new Set(links.map((l) => l.href)).size === links.length ? [] : ['a term linked twice'];
      const glossary = await (await fetch(`${server.url}${links[0].href.split('#')[0]}`)).text();
      for (const link of links) {
        const entry = glossaryEntry(glossary, link.href.split('#')[1]);
        if (!entry) out.push(`${link.href} explains nothing`);
        else if (!namesTerm(entry, link)) out.push(`“${link.before}${link.text}” links to “${entry}”`);
      }
      return out;
    },
  },
  {
    name: 'one minus sign (−) and one unit word for percentage points',
    on: every,
    run: async (page) =>
      (await pageTexts(page, 'code, pre, script, style')).flatMap((text) => [
        // A hyphen before a digit, where a number starts (not inside a word like "k-NN" or a date).
        ...(/(^|[\s([:：，,])-\d/.test(text) ? [`hyphen as minus in “${text.trim().slice(0, 60)}”`] : []),
        ...(/\b(?:pp|pts?)\b/.test(text) ? [`“pp”/“pts” in “${text.trim().slice(0, 60)}”`] : []),
      ]),
  },
  {
    // Dates are written as Intl writes them (2026年11月26日).
    name: 'full-width punctuation beside Chinese text (“，” not “,”, and no space after it), and a space between Chinese and Latin (“与 MLP”)',
    on: chinese,
    run: async (page) =>
      matchesIn(
        await pageTexts(page, 'code, pre, script, style, time, [translate="no"]', true),
        /\p{Script=Han}\s*[,.:;?!()]|[,:;?!(]\s*\p{Script=Han}|\p{Script=Han}[A-Za-z0-9]|[A-Za-z0-9]\p{Script=Han}|[，。：；、！？] +\S/u,
      ),
  },
  {
    // Words like "steepest", "adam" or "exponential" are names, kept as written; anything else a
    // Chinese page shows, in its charts, sentences, headlines and index lines, is Chinese, a number,
    // or an acronym (MLP, kNN).
    name: 'lower-case Latin names on a Chinese page marked translate="no"',
    on: chinese,
    run: async (page) =>
      matchesIn(await pageTexts(page, '[translate="no"], code, pre, script, style, title', true), /(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])/),
  },
  {
    name: 'terms kept in English explained at their first use on a Chinese report',
    on: (name) => chinese(name) && reports(name),
    // People and venues cited, the product, and the symbols of the formulas quoted.
    run: (page) =>
      unexplainedTerms(page, [
        'Smith',
        'Guenther',
        'Bouthillier',
        'Agarwal',
        'Welch',
        'Student',
        'Mann-Whitney',
        'NeurIPS',
        'MLSys',
        'Seedlab',
        'sd',
        'ln',
        'z.975',
        'z.8',
      ]),
  },
];
const DARK: PageCheck[] = [{ name: 'axe-core (dark)', on: every, run: axeViolations }];
const PHONE: PageCheck[] = [
  {
    name: 'sideways scrolling',
    on: every,
    run: async (page) => {
      const overflow = await horizontalOverflow(page);
      return overflow > 0 ? [`${overflow} px`] : [];
    },
  },
  {
    name: 'chart text under 11 CSS px',
    on: reports,
    run: async (page) => {
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
    },
  },
  { name: 'chart text overlapping or outside its chart', on: reports, run: chartTextCollisions },
];

/** The text of the glossary entry (its <dt>) with this id, or null. */
function glossaryEntry(html: string, id: string): string | null {
  const m = new RegExp(`<dt id="${id}"[^>]*>([\\s\\S]*?)</dt>`).exec(html);
  return m ? m[1].replace(/<[^>]+>/g, '').trim() : null;
}

/**
 * Whether a link names the term of the entry it lands on: every word of the link (a plural, and a
 * "95%" before a confidence interval, aside) is in the entry's name, and a count before "points"
 * makes them data points, not percentage points (a difference in points is written with its
 * decimals: "0.62 points").
 */
function namesTerm(entry: string, link: { text: string; before: string }): boolean {
  const name = entry.toLowerCase();
  const words = link.text
    .toLowerCase()
    .replace(/^95%\s*/, '')
    .split(/[\s-]+/)
    .filter(Boolean);
  if (!words.every((w) => name.includes(w) || name.includes(w.replace(/s$/, '')))) return false;
  if (/percentage points|百分点/.test(name) && /(^|[^\d.,])\d[\d,]*\s*$/.test(link.before)) return false;
  return true;
}

describe('every page, as readers’ tools see it: on a desktop (light and dark) and on a 360 px phone', () => {
  for (const { name, path } of PAGES)
    it(name, { timeout: PAGE_TIMEOUT }, async () => {
      const found = (await htmlErrors(await (await fetch(`${server.url}${path()}`)).text())).map((e) => `html-validate: ${e}`);
      const { page, close } = await open(path(), { width: 1280, colorScheme: 'light' });
      const runAll = async (checks: PageCheck[]) => {
        for (const check of checks.filter((c) => c.on(name))) for (const f of await check.run(page)) found.push(`${check.name}: ${f}`);
      };
      try {
        await runAll(DESKTOP);
        await page.emulateMedia({ colorScheme: 'dark' });
        await runAll(DARK);
        await page.emulateMedia({ colorScheme: 'light' });
        await page.setViewportSize({ width: 360, height: 800 });
        await runAll(PHONE);
      } finally {
        await close();
      }
      expect(found).toEqual([]);
    });
});

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

/** Frame widths a blog gives a card: the narrowest it fits, a phone's column, and as handed out. */
const EMBED_WIDTHS = [300, 360, 560];

describe('embed cards, with the documented embed code in a blog page at 300, 360 and 560 px: whole title, verdict and headline, chart text apart and at 11 CSS px or more', () => {
  for (const kind of KINDS)
    it(kind, { timeout: PAGE_TIMEOUT }, async () => {
      const found: string[] = [];
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      const page = await context.newPage();
      for (const l of LOCALES) {
        // The code oEmbed hands out for the report (the report's copy box shows the same), each in a
        // blog column of one width.
        const report = `${server.url}${l}/r/${ids[kind]}/`;
        const oembed = await fetch(`${server.url}/oembed?url=${encodeURIComponent(report)}`);
        const { html } = (await oembed.json()) as { html: string };
        expect(oembed.status, report).toBe(200);
        // A blog at another origin: an embed card may be framed anywhere. Its engine strips scripts,
        // as many do: the plain iframe must show the card whole on its own.
        const iframe = html.replace('loading="lazy"', '').replace(/<script[^>]*><\/script>/, '');
        await page.goto(await blog.show(EMBED_WIDTHS.map((w) => `<div style="width:${w}px;margin-bottom:8px">${iframe}</div>`).join('')));
        await page.waitForFunction((n) => window.frames.length === n, EMBED_WIDTHS.length);
        const frames = page.frames().filter((f) => f !== page.mainFrame());
        for (const [i, frame] of frames.entries()) {
          await frame.waitForSelector('.card', { timeout: 20_000 });
          const at = `${l}/embed/ at ${EMBED_WIDTHS[i]} px`;
          const [w, h, width, height] = await frame.evaluate(() => [
            document.documentElement.scrollWidth,
            document.documentElement.scrollHeight,
            window.innerWidth,
            window.innerHeight,
          ]);
          if (width !== EMBED_WIDTHS[i]) found.push(`${at}: the frame is ${width} px wide`);
          if (w > width || h > height) found.push(`${at}: ${w} x ${h} in a ${width} x ${height} frame`);
          for (const f of await cutCardText(frame)) found.push(`${at}: ${f}`);
          for (const f of await chartTextCollisions(frame)) found.push(`${at}: ${f}`);
          // The card's drawing scales to the room it has (keeping its aspect): the size a reader sees.
          const smallest = await frame.evaluate(() => {
            const svg = document.querySelector<SVGSVGElement>('#chart-main svg[role="img"]');
            if (!svg?.getClientRects().length) return null;
            const box = svg.getBoundingClientRect();
            const scale = Math.min(box.width / svg.viewBox.baseVal.width, box.height / svg.viewBox.baseVal.height);
            return Math.min(...[...svg.querySelectorAll('text')].map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale));
          });
          if (smallest !== null && !(smallest >= 11)) found.push(`${at}: chart text at ${smallest.toFixed(1)} px`);
        }
      }
      await context.close();
      expect(found).toEqual([]);
    });
});

describe('the embed code’s script, where a blog allows scripts', () => {
  it('fits each card’s frame to the card’s height at its width, and ignores messages from anyone but the card', {
    timeout: PAGE_TIMEOUT,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const cards = ['seed-variance', 'compare'];
    const codes = await Promise.all(
      cards.map(async (kind) => {
        const report = `${server.url}/r/${ids[kind]}/`;
        const { html } = (await (await fetch(`${server.url}/oembed?url=${encodeURIComponent(report)}`)).json()) as { html: string };
        return html.replace('loading="lazy"', '');
      }),
    );
    // Two cards (each with its copy of the script) at 300 px, one at 560: a page of several cards.
    await page.goto(
      await blog.show(
        `<div style="width:300px">${codes[0]}</div><div style="width:300px">${codes[1]}</div><div style="width:560px">${codes[0]}</div>`,
      ),
    );
    const heights = () => page.$$eval('iframe', (frames) => frames.map((f) => f.getBoundingClientRect().height));
    // The script sets a frame's height when its card asks (and only then).
    await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.style.height !== ''));
    // A card tells again as it lays out (its chart, its fonts): the heights it settles on, unchanged for half a second.
    let fitted = await heights();
    for (const end = Date.now() + 10_000; Date.now() < end; ) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await heights();
      if (now.every((h, i) => h === fitted[i])) break;
      fitted = now;
    }
    // At 300 px a card whose chart keeps its own shape is taller than the plain 330 px frame; each
    // frame got its own card's height, whole: nothing cut, nothing scrolls.
    expect(fitted[0]).toBeGreaterThan(330);
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    for (const [i, frame] of frames.entries()) {
      expect(await cutCardText(frame), `card ${i}`).toEqual([]);
      const [h, inner] = await frame.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
      expect(h, `card ${i}`).toBeLessThanOrEqual(inner);
    }
    // A message that claims to be a card's, sent by the blog page itself (not the card's origin): ignored.
    await page.evaluate(() => window.postMessage({ seedlab: 'card-height', height: 900 }, '*'));
    await new Promise((r) => setTimeout(r, 300));
    expect(await heights()).toEqual(fitted);
    await context.close();
  });
});

describe('preview images', () => {
  /**
   * What a PNG's chart inks: the share of pixels in the lower half (where the chart goes) that are not
   * the white background, and the share of the image's width the ink spans in its bottom third, under
   * any text (title and headline end above it).
   */
  async function chartInk(path: string, status = 200): Promise<{ share: number; span: number }> {
    const { page, close } = await open(path, { width: 1300, height: 700, status });
    const ink = await page.evaluate(() => {
      const img = document.querySelector('img') as HTMLImageElement;
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const top = 315;
      const { data } = ctx.getImageData(0, top, canvas.width, canvas.height - top);
      let inked = 0;
      let [left, right] = [canvas.width, -1];
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] >= 235 && data[i + 1] >= 235 && data[i + 2] >= 235) continue;
        inked++;
        const [x, y] = [(i / 4) % canvas.width, Math.floor(i / 4 / canvas.width) + top];
        if (y >= (2 * canvas.height) / 3) [left, right] = [Math.min(left, x), Math.max(right, x)];
      }
      return { share: inked / (data.length / 4), span: right < left ? 0 : (right - left + 1) / canvas.width };
    });
    await close();
    return ink;
  }

  it('a card without a chart (a queued study’s) has no ink there: the measure tells them apart', { timeout: PAGE_TIMEOUT }, async () => {
    // Stored as POST stores it, its units never sent: it stays queued, and its card shows its progress.
    const studies = await localStudies(server, persistTo, TOKEN);
    try {
      const record = await studies.storeUnsent(parseStudySpec({ ...readKindFixture(KIND_FIXTURES[0]), title: 'readers: queued' }));
      expect((await chartInk(`/og/${record.id}.png`)).share).toBe(0);
    } finally {
      await studies.dispose();
    }
  });

  for (const kind of KINDS)
    it(`${kind}: the preview, in both languages, draws its chart in the lower half, across at least 70% of its width`, {
      timeout: PAGE_TIMEOUT,
    }, async () => {
      const found: string[] = [];
      for (const l of LOCALES) {
        const { share, span } = await chartInk(`${l}/og/${ids[kind]}.png`);
        if (span < 0.7) found.push(`${l}/og/: the chart spans ${(100 * span).toFixed(0)}% of the width`);
        // The sparsest chart (a compare strip of 4 dots a side, its axis and labels) inks 0.9% of the
        // lower half; text alone never reaches it. 0.3% leaves room below that and stays far above 0.
        if (share < 0.003) found.push(`${l}/og/: ${(100 * share).toFixed(2)}% ink`);
      }
      expect(found).toEqual([]);
    });

  it('every preview, in both languages, draws no chart text over other text or outside the image', { timeout: PAGE_TIMEOUT }, async () => {
    // The preview as the Worker draws it (studyImages.ts: reportPreviewSvg over the kind's main
    // chart), laid out by Chromium at its own size: the PNG is this SVG drawn by resvg.
    const { page, close } = await open('/', { width: 1200, height: 630 });
    const found: string[] = [];
    for (const kind of KINDS) {
      const { document } = (await (await fetch(`${server.url}/api/studies/${ids[kind]}`)).json()) as { document: StudyDocument };
      const { view } = (await import(`../../site/src/kinds/${kind}/charts.ts`)) as { view: KindCharts<StudyDocument> };
      for (const locale of ['en', 'zh'] as const) {
        const svg = reportPreviewSvg(document, locale, (width, height) => view.mainChart(document, locale, width, height));
        await page.setContent(`<!doctype html><html lang="${locale}"><body style="margin:0">${svg}</body></html>`);
        // The whole image as one drawing too: its title, headline and legend against the chart.
        await page.$eval('body > svg', (image) => image.setAttribute('role', 'img'));
        found.push(...(await chartTextCollisions(page)).map((f) => `${kind} (${locale}): ${f}`));
      }
    }
    await close();
    expect([...new Set(found)]).toEqual([]);
  });
});
