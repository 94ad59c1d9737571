// The images of a study: its Open Graph preview (1200x630 PNG) and its badge (SVG), each answering
// like the study's pages (final ones cached, 404 for an unknown id).
import { studyPageHeaders } from '../data/pageAnswer.ts';
import { loadStudyPage, type StudyPage } from '../data/studyPages.ts';
import { drawnChart, viewOf } from '../kinds/views.ts';
import { badgeOf, kindName, type Locale, plainText, t } from '../presentation/index.ts';
import { renderPng } from './pngRenderer.ts';
import { chartImageSvg, PLAIN_PREVIEW_SVG, type PreviewStatus, reportPreviewSvg, statusPreviewSvg } from './previewSvg.ts';
import { xmlText } from './xmlText.ts';

/** What a study without a report shows on its card. */
function previewStatus(page: Exclude<StudyPage, { state: 'report' }>): PreviewStatus {
  if (page.state === 'pending')
    return { state: 'runs', spec: page.spec, status: page.status, runsDone: page.runsDone, runsTotal: page.runsTotal };
  if (page.state === 'failed')
    return { state: 'runs', spec: page.spec, status: 'failed', runsDone: page.runsDone, runsTotal: page.runsTotal };
  return { state: page.state, id: page.id };
}

/**
 * GET /og/<id>.png and /zh/og/<id>.png. A document that cannot be drawn gets the plain card, never
 * an error. An unknown id gets a line of text: rasterising costs tens of milliseconds, and nothing
 * is drawn for a study that is not there.
 */
export async function previewResponse(id: string | undefined, locale: Locale): Promise<Response> {
  const page = await loadStudyPage(id);
  if (page.state === 'missing') {
    return new Response('no such study\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const { status, headers } = await studyPageHeaders(page);
  let png: Uint8Array;
  try {
    png = await renderPng(
      page.state === 'report'
        ? reportPreviewSvg(page.doc, locale, (width, height) => viewOf(page.doc).mainChart(page.doc, locale, width, height))
        : statusPreviewSvg(previewStatus(page), locale),
    );
  } catch (e) {
    console.warn(`preview of study ${page.id}: ${(e as Error).message}; the plain card is used`);
    png = await renderPng(PLAIN_PREVIEW_SVG);
  }
  return new Response(new Uint8Array(png), { status, headers: { ...headers, 'content-type': 'image/png' } });
}

/**
 * GET /charts/<id>/<chart>.svg and .png (and under /zh): one chart of a finished report as an image
 * to download or put in a slide, drawn as the report's desktop page draws it (the PNG at twice its
 * pixels). A study without a report, or a chart its kind or this study does not have, is a 404.
 */
export async function chartImageResponse(id: string | undefined, file: string | undefined, locale: Locale): Promise<Response> {
  const image = /^(.+)\.(svg|png)$/.exec(file ?? '');
  const page = await loadStudyPage(id);
  const chart = image && page.state === 'report' ? drawnChart(page.doc, image[1], locale) : null;
  const svg = chart === null ? null : chartImageSvg(chart, image?.[2] === 'png' ? 2 : 1);
  if (!image || svg === null) {
    const why = page.state === 'report' ? `this study has no chart “${image?.[1] ?? file}”` : 'no finished study with this id';
    return new Response(`${why}\n`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  const { status, headers } = await studyPageHeaders(page);
  if (image[2] === 'svg') return new Response(svg, { status, headers: { ...headers, 'content-type': 'image/svg+xml; charset=utf-8' } });
  return new Response(new Uint8Array(await renderPng(svg)), { status, headers: { ...headers, 'content-type': 'image/png' } });
}

// Verdana 11px averages about 6.5 px a Latin character, like shields.io badges; a Chinese one is
// about 11 px (a CJK fallback face).
const textWidth = (s: string) =>
  Math.ceil([...plainText(s)].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 11.5 : 6.5), 0)) + 12;

/** A two-part badge, e.g. "seed variance | 94.3%, std 0.67 points": the kind, and its words' key number (grey while unfinished). */
function badgeSvg(label: string, value: string, color: string): string {
  const lw = textWidth(label);
  const vw = textWidth(value);
  // The image's name is plain text; the drawn value keeps a user's text isolated (a schedule's name).
  const text = xmlText(plainText(`${label}: ${value}`));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + vw}" height="20" role="img" aria-label="${text}"><title>${text}</title><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${color}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="${lw / 2}" y="14">${xmlText(label)}</text><text x="${lw + vw / 2}" y="14">${xmlText(value)}</text></g></svg>`;
}

/** GET /badge/<id>.svg (English) and /zh/badge/<id>.svg (Chinese). */
export async function badgeResponse(id: string | undefined, locale: Locale): Promise<Response> {
  const page = await loadStudyPage(id);
  const { status, headers } = await studyPageHeaders(page);
  const ui = t(locale);
  let svg: string;
  if (page.state === 'report') {
    const { label, value, good } = badgeOf(page.doc, locale);
    svg = badgeSvg(label, value, good ? '#15803d' : '#b91c1c');
  } else if (page.state === 'pending' || page.state === 'failed') {
    const label = kindName(page.spec.kind, locale).toLowerCase();
    svg =
      page.state === 'failed'
        ? badgeSvg(label, ui.badge.failed, '#b91c1c')
        : badgeSvg(label, `${ui.status[page.status].toLowerCase()} ${page.runsDone}/${page.runsTotal}`, '#6e7781');
  } else {
    svg = badgeSvg('seedlab', ui.badge[page.state], '#6e7781');
  }
  return new Response(svg, { status, headers: { ...headers, 'content-type': 'image/svg+xml' } });
}
