// What readers' tools check on a page, run in real Chromium: axe-core (accessibility), html-validate
// (markup), horizontal overflow, and, on Chinese pages, English prose left untranslated.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as loaded (WCAG 2.1 A and AA, and best practices). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays as it is.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes.length} (${v.nodes
          .slice(0, 2)
          .map((n) => n.target.join(' '))
          .join('; ')})`,
    );
  });
  return violations;
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes void elements as <meta ...> and attributes as the page's code wrote them; these
    // two rules are about source style, not about what a browser or a reader's tool gets.
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
    // Inline styles carry chart colours computed per document (Plot's output).
    'no-inline-style': 'off',
    // A search-result length hint: a title a user wrote is shown whole, however long.
    'long-title': 'off',
  },
});

/** html-validate's errors on a page's HTML. */
export async function htmlErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${m.ruleId}: ${m.message} (${html.slice(Math.max(0, m.offset - 40), m.offset + 60).replace(/\s+/g, ' ')})`),
  );
}

/** How many CSS pixels the page scrolls sideways (0 when it fits the viewport). */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The text nodes a reader sees on a page, outside elements matching `skip`; with `chineseOnly`,
 * also outside text a user wrote (an element whose lang is not Chinese).
 */
export const pageTexts = (page: Page, skip: string, chineseOnly = false): Promise<string[]> =>
  page.evaluate(
    ([skip, chineseOnly]) => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || el.closest(skip)) continue;
        if (chineseOnly && !el.closest('[lang]')?.getAttribute('lang')?.startsWith('zh')) continue;
        texts.push(node.textContent ?? '');
      }
      return texts;
    },
    [skip, chineseOnly] as const,
  );

/** What `pattern` finds in each text, as “match” in “the text”, each once. */
export function matchesIn(texts: string[], pattern: RegExp): string[] {
  const found = texts.flatMap((text) => {
    const m = pattern.exec(text);
    return m ? [`“${m[0]}” in “${text.trim().slice(0, 50)}”`] : [];
  });
  return [...new Set(found)];
}

/**
 * English prose on a page: two or more Latin words in a row (a hyphenated name counts as one), in text that is not code, not marked
 * translate="no", and not inside an element whose lang is not Chinese (text a user wrote).
 */
export function englishProse(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('code, pre, script, style, [translate="no"]')) continue;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
      if (!lang.startsWith('zh')) continue;
      const m = /[A-Za-z]{2,}(?:\s+[A-Za-z]{2,})+/.exec(node.textContent ?? '');
      if (m) found.push(`${m[0]} | ${(node.textContent ?? '').trim().slice(0, 80)}`);
    }
    // Texts a reader's tool reads too: titles and alternative text of charts.
    for (const el of document.querySelectorAll('[aria-label], title')) {
      if (el.closest('[translate="no"]')) continue;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
      if (!lang.startsWith('zh')) continue;
      const text = el.getAttribute('aria-label') ?? el.textContent ?? '';
      const m = /[A-Za-z]{2,}(?:\s+[A-Za-z]{2,})+/.exec(text);
      if (m) found.push(`${m[0]} | ${text.slice(0, 80)}`);
    }
    return found;
  });
}

/**
 * Latin words on a Chinese report whose first use is not explained: every word of two or more
 * letters in its prose (not code, charts, the title and byline, glossary links, text a user wrote,
 * file names or fingerprints) must, where it first appears, be followed by its meaning in
 * parentheses ("MLP（多层感知机）"). `cited` are names a reader needs no gloss for (people, venues,
 * notation in formulas).
 */
export function unexplainedTerms(page: Page, cited: string[]): Promise<string[]> {
  return page.evaluate((cited) => {
    const found: string[] = [];
    const seen = new Set<string>();
    const texts: Text[] = [];
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    const skip = 'code, pre, svg, bdi, time, h1, .muted, .chart-files, .term-note, a.term, td[translate="no"], [lang]:not([lang^="zh"])';
    texts.forEach((node, i) => {
      if (!node.parentElement || node.parentElement.closest(skip)) return;
      // A user's isolated text is theirs; an explanation's own words are the explanation.
      const text = (node.textContent ?? '').replace(/\u2068[^\u2069]*\u2069/g, ' ').replace(/([A-Za-z0-9])（[^（）]*）/g, '$1（）');
      for (const m of text.matchAll(/(?<![0-9A-Za-z._-])[A-Za-z][A-Za-z0-9_.+-]*[A-Za-z0-9]/g)) {
        const word = m[0];
        if (seen.has(word.toLowerCase()) || cited.includes(word) || /\.(json|csv)$/.test(word) || /^[0-9a-f]{12,}$/.test(word)) continue;
        seen.add(word.toLowerCase());
        let after = text.slice(m.index + word.length);
        for (let j = i + 1; !after.trim() && j < texts.length; j++) after = texts[j].textContent ?? '';
        if (!after.trimStart().startsWith('（')) found.push(`“${word}” unexplained in “${text.trim().slice(0, 60)}”`);
      }
    });
    return found;
  }, cited);
}

/**
 * Text of the charts shown that a reader cannot read: two text boxes that overlap (by more than half
 * a pixel each way), or a text box that reaches outside its drawing. Only drawings on screen count
 * (a report draws each chart twice, for wide screens and phones, and shows one).
 */
export function chartTextCollisions(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const SLACK = 0.5;
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg[role="img"]')) {
      const frame = svg.getBoundingClientRect();
      if (!frame.width || !frame.height) continue;
      const chart = (svg.getAttribute('aria-label') ?? '').slice(0, 40);
      const boxes = [...svg.querySelectorAll('text')]
        .map((text) => ({ text: (text.textContent ?? '').trim(), box: text.getBoundingClientRect() }))
        .filter((t) => t.text && t.box.width > 0 && t.box.height > 0);
      for (const { text, box } of boxes)
        if (
          box.left < frame.left - SLACK ||
          box.right > frame.right + SLACK ||
          box.top < frame.top - SLACK ||
          box.bottom > frame.bottom + SLACK
        )
          found.push(`“${text}” leaves the drawing “${chart}”`);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i].box, boxes[j].box];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > SLACK && h > SLACK) found.push(`“${boxes[i].text}” over “${boxes[j].text}” in “${chart}”`);
        }
    }
    return found;
  });
}

/**
 * The parts of an embed card a reader must see whole (its title, its verdict, its headline) that are
 * cut: clipped inside their box (a line clamp, an ellipsis) or lying past the frame's edges.
 */
export function cutCardText(frame: Page | Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    const card = document.querySelector('.card')?.getBoundingClientRect();
    if (!card) return ['no card'];
    const edge = {
      top: Math.max(0, card.top),
      bottom: Math.min(window.innerHeight, card.bottom),
      left: Math.max(0, card.left),
      right: Math.min(window.innerWidth, card.right),
    };
    for (const [part, selector] of [
      ['title', '.card .title'],
      ['verdict', '.card .verdict-line'],
      ['headline', '.card .headline'],
    ]) {
      const el = document.querySelector<HTMLElement>(selector);
      if (!el) {
        found.push(`no ${part}`);
        continue;
      }
      const box = el.getBoundingClientRect();
      const clipped = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
      const outside =
        box.top < edge.top - 0.5 || box.bottom > edge.bottom + 0.5 || box.left < edge.left - 0.5 || box.right > edge.right + 0.5;
      if (clipped || outside) found.push(`${part} cut (“${(el.textContent ?? '').trim().slice(0, 50)}”)`);
    }
    return found;
  });
}
