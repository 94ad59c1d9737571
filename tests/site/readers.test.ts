import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, freePort, startWranglerDev } from '../../cli/wranglerDev.ts';
import { KIND_FIXTURES, readKindFixture } from '../kindFixtures.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { axeViolations, englishProse, horizontalOverflow, htmlErrors, matchesIn, pageTexts } from './readerChecks.ts';

// Every page type as readers' tools see it: the built Worker under plain wrangler dev, one study of
// every kind (each kind's fast fixture spec, trained by the real consumer), real Chromium.
const TOKEN = 'readers-token';
let server: DevServer;
let browser: Browser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startWranglerDev({
    port: await freePort(),
    persistTo: join(mkdtempSync(join(tmpdir(), 'seedlab-readers-')), 'state'),
    vars: { SEEDLAB_TOKEN: TOKEN },
  });
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
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const LOCALES = ['', '/zh'];
const pages = () => [
  ...LOCALES.flatMap((l) => [`${l}/`, `${l}/guide/`, `${l}/glossary/`]),
  ...Object.values(ids).flatMap((id) => LOCALES.flatMap((l) => [`${l}/r/${id}/`, `${l}/embed/${id}/`])),
];

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

/** What `check` finds on each page, opened at `width` px wide, each finding prefixed with its page. */
async function findings(paths: string[], width: number, check: (page: Page) => Promise<string[]>): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const { page, close } = await open(path, { width });
    for (const finding of await check(page)) found.push(`${path}: ${finding}`);
    await close();
  }
  return found;
}

describe('every page type, in both languages', () => {
  it('axe-core finds no violation, in light and dark mode', async () => {
    const found: string[] = [];
    for (const path of pages()) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, close } = await open(path, { width: 1280, colorScheme });
        for (const v of await axeViolations(page)) found.push(`${path} ${colorScheme}: ${v}`);
        await close();
      }
    }
    expect(found).toEqual([]);
  });

  it('html-validate finds no error', async () => {
    const found: string[] = [];
    for (const path of pages()) {
      const res = await fetch(`${server.url}${path}`);
      for (const e of await htmlErrors(await res.text())) found.push(`${path}: ${e}`);
    }
    expect(found).toEqual([]);
  });

  it('no page scrolls sideways on a 360 px phone', async () => {
    const found = await findings(pages(), 360, async (page) => {
      const overflow = await horizontalOverflow(page);
      return overflow > 0 ? [`${overflow} px`] : [];
    });
    expect(found).toEqual([]);
  });

  it('Chinese pages hold no English prose outside code and text a user wrote', async () => {
    expect(
      await findings(
        pages().filter((p) => p.startsWith('/zh/')),
        1280,
        englishProse,
      ),
    ).toEqual([]);
  });
});

describe('charts on a phone', () => {
  it('draw their text at 11 CSS px or more on a 360 px screen', async () => {
    const found = await findings(
      pages().filter((p) => p.includes('/r/')),
      360,
      async (page) => {
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
    );
    expect(found).toEqual([]);
  });
});

describe('the glossary', () => {
  it('explains every term a report links, and each report links a term’s first use only', async () => {
    const found = await findings(
      pages().filter((p) => p.includes('/r/')),
      1280,
      async (page) => {
        const links = await page.$$eval('a.term', (as) => as.map((a) => a.getAttribute('href') ?? ''));
        if (!links.length) return ['no term linked'];
        const out = new Set(links).size === links.length ? [] : ['a term linked twice'];
        const html = await (await fetch(`${server.url}${links[0].split('#')[0]}`)).text();
        for (const link of links) if (!html.includes(`id="${link.split('#')[1]}"`)) out.push(`${link} explains nothing`);
        return out;
      },
    );
    expect(found).toEqual([]);
  });
});

describe('numbers', () => {
  it('use one minus sign (−) and one unit word for percentage points, on every page', async () => {
    const found = await findings(pages(), 1280, async (page) => {
      const texts = await pageTexts(page, 'code, pre, script, style');
      return texts.flatMap((text) => [
        // A hyphen before a digit, where a number starts (not inside a word like "k-NN" or a date).
        ...(/(^|[\s([:：，,])-\d/.test(text) ? [`hyphen as minus in “${text.trim().slice(0, 60)}”`] : []),
        ...(/\b(?:pp|pts?)\b/.test(text) ? [`“pp”/“pts” in “${text.trim().slice(0, 60)}”`] : []),
      ]);
    });
    expect(found).toEqual([]);
  });
});

describe('Chinese pages', () => {
  it('write full-width punctuation beside Chinese text (“，” not “,”), and a space between Chinese and Latin (“与 MLP”)', async () => {
    // Dates are written as Intl writes them (2026年11月26日).
    const found = await findings(
      pages().filter((p) => p.startsWith('/zh/')),
      1280,
      async (page) =>
        matchesIn(
          await pageTexts(page, 'code, pre, script, style, time, [translate="no"]', true),
          /\p{Script=Han}\s*[,.:;?!()]|[,:;?!(]\s*\p{Script=Han}|\p{Script=Han}[A-Za-z0-9]|[A-Za-z0-9]\p{Script=Han}/u,
        ),
    );
    expect(found).toEqual([]);
  });

  it('mark every lower-case Latin name they show (a label from the spec, a rule) translate="no"', async () => {
    // Words like "steepest", "adam" or "exponential" are names, kept as written; anything else a
    // Chinese page shows, in its charts, sentences, headlines and index lines, is Chinese, a number,
    // or an acronym (MLP, kNN).
    const found = await findings(
      pages().filter((p) => p.startsWith('/zh/')),
      1280,
      async (page) =>
        matchesIn(await pageTexts(page, '[translate="no"], code, pre, script, style, title', true), /(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])/),
    );
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

describe('embed cards', () => {
  it('every kind fits the 560 x 330 frame it is handed out with, and a 360 x 330 one, its chart text at 11 CSS px or more', async () => {
    const found: string[] = [];
    for (const id of Object.values(ids)) {
      for (const l of LOCALES) {
        for (const width of [560, 360]) {
          const { page, close } = await open(`${l}/embed/${id}/`, { width, height: 330 });
          const [w, h] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
          if (w > width || h > 330) found.push(`${l}/embed/${id}/ at ${width} x 330: ${w} x ${h}`);
          // The card's drawing scales to the room it has (keeping its aspect): the size a reader sees.
          const smallest = await page.evaluate(() => {
            const svg = document.querySelector<SVGSVGElement>('#chart-main svg[role="img"]');
            if (!svg) return 0;
            const box = svg.getBoundingClientRect();
            const scale = Math.min(box.width / svg.viewBox.baseVal.width, box.height / svg.viewBox.baseVal.height);
            return Math.min(...[...svg.querySelectorAll('text')].map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale));
          });
          if (!(smallest >= 11)) found.push(`${l}/embed/${id}/ at ${width} x 330: chart text at ${smallest.toFixed(1)} px`);
          await close();
        }
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

  it('each kind’s preview, in both languages, draws its chart in the lower half', async () => {
    // A card without a chart (an unknown study's) has no ink there: the measure tells them apart.
    expect(await chartInk('/og/0000000000000000beef.png', 404)).toBe(0);
    const found: string[] = [];
    for (const id of Object.values(ids)) {
      for (const l of LOCALES) {
        const share = await chartInk(`${l}/og/${id}.png`);
        // The sparsest chart (a compare strip of 4 dots a side, its axis and labels) inks 0.9% of the
        // lower half; text alone never reaches it. 0.3% leaves room below that and stays far above 0.
        if (share < 0.003) found.push(`${l}/og/${id}.png: ${(100 * share).toFixed(2)}% ink`);
      }
    }
    expect(found).toEqual([]);
  });
});
