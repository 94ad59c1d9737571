import { Resvg } from '@resvg/resvg-js';
import type { APIRoute } from 'astro';
import { parseHTML } from 'linkedom';
import { type StudyDocument, withoutForbiddenCharacters } from '../../../../src/index.ts';
import { loadStudies } from '../../data/loadStudies.ts';
import { viewOf } from '../../kinds/views.ts';
import { headlineOf, kindName, studyTitle } from '../../kinds/words.ts';
import { xmlText } from '../../share/xmlText.ts';

export async function getStaticPaths() {
  return (await loadStudies()).map(({ document: doc }) => ({ params: { id: doc.id }, props: { doc } }));
}

const render = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();

/** The preview's SVG: title, headline and the report's main chart. */
function previewSvg(doc: StudyDocument): string {
  // A chart with a legend comes wrapped in a <figure> with swatches: keep only the plot's own <svg>.
  const { document } = parseHTML(`<!doctype html><html><body>${viewOf(doc).mainChart(doc, 'en', 1080)}</body></html>`);
  const chart = (document.querySelector('svg[viewBox]')?.outerHTML ?? '<svg/>')
    .replace(/var\(--accent, (#[0-9a-f]+)\)/g, '$1')
    .replace('<svg ', '<svg x="60" y="250" color="#1b1f24" ');
  const full = studyTitle(doc, 'en').text;
  const title = full.length > 70 ? `${full.slice(0, 67)}…` : full;
  // The chart's labels may hold names from the spec: drop what XML cannot hold from it too.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#ffffff"/>
<text x="60" y="90" font-family="DejaVu Sans, sans-serif" font-size="26" fill="#59636e">Seedlab · ${kindName(doc.kind, 'en').toLowerCase()}</text>
<text x="60" y="150" font-family="DejaVu Sans, sans-serif" font-size="40" font-weight="bold" fill="#1b1f24">${xmlText(title)}</text>
<text x="60" y="210" font-family="DejaVu Sans, sans-serif" font-size="32" fill="#2563eb">${xmlText(headlineOf(doc, 'en'))}</text>
${withoutForbiddenCharacters(chart)}
</svg>`;
}

/** What every preview can show, whatever its document holds. */
const PLAIN = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#ffffff"/>
<text x="60" y="150" font-family="DejaVu Sans, sans-serif" font-size="40" font-weight="bold" fill="#1b1f24">Seedlab</text></svg>`;

/** The Open Graph preview (1200x630 PNG). One document that cannot be drawn gets the plain card, never a failed build. */
export const GET: APIRoute = ({ props }) => {
  const doc = props.doc as StudyDocument;
  let png: Uint8Array;
  try {
    png = render(previewSvg(doc));
  } catch (e) {
    console.warn(`preview of study ${doc.id}: ${(e as Error).message}; the plain card is used`);
    png = render(PLAIN);
  }
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
