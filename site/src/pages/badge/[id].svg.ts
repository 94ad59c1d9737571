import type { APIRoute } from 'astro';
import { badgeValue } from '../../lib/describe.ts';
import { KIND_NAMES } from '../../lib/i18n.ts';
import { loadStudies } from '../../lib/loadStudies.ts';
import type { StudyDocument } from '../../../../src/document/studyDocument.ts';

export async function getStaticPaths() {
  return (await loadStudies()).map(({ doc }) => ({ params: { id: doc.id }, props: { doc } }));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Verdana 11px averages about 6.5 px a character: wide enough, like shields.io badges.
const textWidth = (s: string) => Math.ceil(s.length * 6.5) + 12;

/** A static two-part badge, e.g. "seed variance | 94.3% ± 0.7". */
export const GET: APIRoute = ({ props }) => {
  const doc = props.doc as StudyDocument;
  const label = KIND_NAMES[doc.kind].en.toLowerCase();
  const value = badgeValue(doc);
  const lw = textWidth(label);
  const vw = textWidth(value);
  const color = doc.kind !== 'seed-variance' || doc.repeatability.identical ? '#15803d' : '#b91c1c';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + vw}" height="20" role="img" aria-label="${escapeXml(`${label}: ${value}`)}"><title>${escapeXml(`${label}: ${value}`)}</title><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${color}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="${lw / 2}" y="14">${escapeXml(label)}</text><text x="${lw + vw / 2}" y="14">${escapeXml(value)}</text></g></svg>`;
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
};
