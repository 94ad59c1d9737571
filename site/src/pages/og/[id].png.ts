import { Resvg } from '@resvg/resvg-js';
import { parseHTML } from 'linkedom';
import type { APIRoute } from 'astro';
import { mainChartSvg } from '../../lib/charts.ts';
import { KIND_NAMES } from '../../lib/i18n.ts';
import { headline } from '../../lib/describe.ts';
import { loadStudies } from '../../lib/loadStudies.ts';
import type { StudyDocument } from '../../../../src/document/studyDocument.ts';

export async function getStaticPaths() {
  return (await loadStudies()).map(({ doc }) => ({ params: { id: doc.id }, props: { doc } }));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The Open Graph preview (1200x630 PNG): title, headline and the report's main chart. */
export const GET: APIRoute = ({ props }) => {
  const doc = props.doc as StudyDocument;
  // A chart with a legend comes wrapped in a <figure> with swatches: keep only the plot's own <svg>.
  const { document } = parseHTML(`<!doctype html><html><body>${mainChartSvg(doc, 'en', 1080)}</body></html>`);
  const chart = (document.querySelector('svg[viewBox]')?.outerHTML ?? '<svg/>')
    .replace(/var\(--accent, (#[0-9a-f]+)\)/g, '$1')
    .replace('<svg ', '<svg x="60" y="250" color="#1b1f24" ');
  const title = doc.title.length > 70 ? `${doc.title.slice(0, 67)}…` : doc.title;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#ffffff"/>
<text x="60" y="90" font-family="DejaVu Sans, sans-serif" font-size="26" fill="#59636e">Seedlab · ${KIND_NAMES[doc.kind].en.toLowerCase()}</text>
<text x="60" y="150" font-family="DejaVu Sans, sans-serif" font-size="40" font-weight="bold" fill="#1b1f24">${escapeXml(title)}</text>
<text x="60" y="210" font-family="DejaVu Sans, sans-serif" font-size="32" fill="#2563eb">${escapeXml(headline(doc, 'en'))}</text>
${chart}
</svg>`;
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
