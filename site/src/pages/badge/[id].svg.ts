import type { APIRoute } from 'astro';
import type { StudyDocument } from '../../../../src/index.ts';
import { loadStudies } from '../../data/loadStudies.ts';
import { badgeOf } from '../../kinds/words.ts';
import { xmlText } from '../../share/xmlText.ts';

export async function getStaticPaths() {
  return (await loadStudies()).map(({ document: doc }) => ({ params: { id: doc.id }, props: { doc } }));
}

// Verdana 11px averages about 6.5 px a character: wide enough, like shields.io badges.
const textWidth = (s: string) => Math.ceil(s.length * 6.5) + 12;

/** A static two-part badge, e.g. "seed variance | 94.3% ± 0.7": the kind, and its words' key number. */
export const GET: APIRoute = ({ props }) => {
  const doc = props.doc as StudyDocument;
  const { label, value, good } = badgeOf(doc);
  const lw = textWidth(label);
  const vw = textWidth(value);
  const text = xmlText(`${label}: ${value}`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + vw}" height="20" role="img" aria-label="${text}"><title>${text}</title><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${good ? '#15803d' : '#b91c1c'}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="${lw / 2}" y="14">${xmlText(label)}</text><text x="${lw + vw / 2}" y="14">${xmlText(value)}</text></g></svg>`;
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
};
