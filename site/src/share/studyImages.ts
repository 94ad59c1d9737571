// The images of a study: its Open Graph preview (1200x630 PNG) and its badge (SVG), each answering
// like the study's pages (final ones cached, 404 for an unknown id).
import { parseHTML } from 'linkedom';
import { type StudyDocument, withoutForbiddenCharacters } from '../../../src/index.ts';
import { studyPageHeaders } from '../data/pageAnswer.ts';
import { loadStudyPage, type StudyPage } from '../data/studyPages.ts';
import { formatFor, type Locale, t } from '../i18n/index.ts';
import { viewOf } from '../kinds/views.ts';
import { badgeOf, headlineOf, kindName, pendingStudyTitle, studyTitle } from '../kinds/words.ts';
import { PREVIEW_FONT_FAMILY, renderPng } from './pngRenderer.ts';
import { xmlText } from './xmlText.ts';

const FONT = `font-family="${PREVIEW_FONT_FAMILY}, sans-serif"`;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 3)}…` : s);

/** Where the chart goes in the preview: under the headline, as large as fits. */
const CHART_BOX = { x: 60, y: 240, width: 1080, height: 370 };

/** The preview's SVG: title, headline and the report's main chart. */
function reportPreviewSvg(doc: StudyDocument, locale: Locale): string {
  // A chart with a legend comes wrapped in a <figure> with swatches: keep only the plot's own <svg>,
  // the one with a viewBox (found by attribute: linkedom's selectors do not match the camel-cased name).
  const { document } = parseHTML(`<!doctype html><html><body>${viewOf(doc).mainChart(doc, locale, 540)}</body></html>`);
  const plot = [...document.querySelectorAll('svg')].find((svg) => svg.hasAttribute('viewBox'));
  if (plot) {
    // Drawn at half width and scaled up, so its labels are legible in a 1200-pixel card.
    const scale = Math.min(CHART_BOX.width / Number(plot.getAttribute('width')), CHART_BOX.height / Number(plot.getAttribute('height')));
    plot.setAttribute('x', String(CHART_BOX.x));
    plot.setAttribute('y', String(CHART_BOX.y));
    plot.setAttribute('width', String(Math.round(scale * Number(plot.getAttribute('width')))));
    plot.setAttribute('height', String(Math.round(scale * Number(plot.getAttribute('height')))));
    plot.setAttribute('color', '#1b1f24');
  }
  const chart = (plot?.outerHTML ?? '').replace(/var\(--accent, (#[0-9a-f]+)\)/g, '$1');
  // The chart's labels may hold names from the spec: drop what XML cannot hold from it too.
  return previewFrame(
    `Seedlab · ${kindName(doc.kind, locale).toLowerCase()}`,
    clip(studyTitle(doc, locale).text, locale === 'zh' ? 40 : 70),
    headlineOf(doc, locale),
    withoutForbiddenCharacters(chart),
  );
}

function previewFrame(kicker: string, title: string, headline: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#ffffff"/>
<text x="60" y="90" ${FONT} font-size="26" fill="#59636e">${xmlText(kicker)}</text>
<text x="60" y="150" ${FONT} font-size="40" font-weight="bold" fill="#1b1f24">${xmlText(title)}</text>
<text x="60" y="210" ${FONT} font-size="32" fill="#2563eb">${xmlText(headline)}</text>
${body}
</svg>`;
}

/** The card of a study without a report (in progress, failed, unreadable): what its page says, in short. */
function statusPreviewSvg(page: Exclude<StudyPage, { state: 'report' }>, locale: Locale): string {
  const ui = t(locale);
  const f = formatFor(locale);
  if (page.state === 'pending' || page.state === 'failed') {
    const status = page.state === 'failed' ? ui.status.failedTitle : ui.status[page.status];
    const progress = ui.status.progress(f.int(page.runsDone), f.int(page.runsTotal));
    return previewFrame(
      `Seedlab · ${kindName(page.spec.kind, locale).toLowerCase()}`,
      clip(pendingStudyTitle(page.spec, locale).text, 70),
      `${status} · ${progress}`,
      '',
    );
  }
  return previewFrame('Seedlab', page.state === 'missing' ? ui.notFound.title : ui.status.unreadableTitle, clip(page.id, 40), '');
}

/** What every preview can show, whatever its document holds. */
const PLAIN = previewFrame('Seedlab', 'Seedlab', '', '');

/** GET /og/<id>.png and /zh/og/<id>.png. A document that cannot be drawn gets the plain card, never an error. */
export async function previewResponse(id: string | undefined, locale: Locale): Promise<Response> {
  const page = await loadStudyPage(id);
  const { status, headers } = await studyPageHeaders(page);
  let png: Uint8Array;
  try {
    png = await renderPng(page.state === 'report' ? reportPreviewSvg(page.doc, locale) : statusPreviewSvg(page, locale));
  } catch (e) {
    console.warn(`preview of study ${page.id}: ${(e as Error).message}; the plain card is used`);
    png = await renderPng(PLAIN);
  }
  return new Response(new Uint8Array(png), { status, headers: { ...headers, 'content-type': 'image/png' } });
}

// Verdana 11px averages about 6.5 px a character: wide enough, like shields.io badges.
const textWidth = (s: string) => Math.ceil(s.length * 6.5) + 12;

/** A two-part badge, e.g. "seed variance | 94.3% ± 0.7": the kind, and its words' key number (grey while unfinished). */
function badgeSvg(label: string, value: string, color: string): string {
  const lw = textWidth(label);
  const vw = textWidth(value);
  const text = xmlText(`${label}: ${value}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + vw}" height="20" role="img" aria-label="${text}"><title>${text}</title><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${color}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="${lw / 2}" y="14">${xmlText(label)}</text><text x="${lw + vw / 2}" y="14">${xmlText(value)}</text></g></svg>`;
}

/** GET /badge/<id>.svg: badges are images, worded in English (like shields.io). */
export async function badgeResponse(id: string | undefined): Promise<Response> {
  const page = await loadStudyPage(id);
  const { status, headers } = await studyPageHeaders(page);
  let svg: string;
  if (page.state === 'report') {
    const { label, value, good } = badgeOf(page.doc);
    svg = badgeSvg(label, value, good ? '#15803d' : '#b91c1c');
  } else if (page.state === 'pending' || page.state === 'failed') {
    const label = kindName(page.spec.kind, 'en').toLowerCase();
    svg =
      page.state === 'failed'
        ? badgeSvg(label, 'failed', '#b91c1c')
        : badgeSvg(label, `${page.status} ${page.runsDone}/${page.runsTotal}`, '#6e7781');
  } else {
    svg = badgeSvg('seedlab', page.state === 'missing' ? 'no such study' : 'unreadable', '#6e7781');
  }
  return new Response(svg, { status, headers: { ...headers, 'content-type': 'image/svg+xml' } });
}
