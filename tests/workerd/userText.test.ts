import { describe, expect, it } from 'vitest';
import compare from '../../src/studies/compare/fixtures/compare.spec.json';
import { call, waitForStudy } from './helpers.ts';

// A user's text on the pages the Worker serves: refused on input when a bidirectional control is
// left open; isolated in <bdi> (HTML) or between FSI and PDI (SVG) wherever the body shows it; plain
// in the head, the oEmbed answer and the embed code.
const HEBREW = 'שלום';
const ARABIC = 'نموذج ٢';
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

describe('bidirectional text a user wrote', () => {
  it('a label or title with a control left open is a 400 naming the field', async () => {
    for (const [field, spec] of [
      ['a.label', { ...compare, a: { ...compare.a, label: 'Adam\u202E' } }],
      ['title', { ...compare, title: 'results \u2067عنوان' }],
    ] as const) {
      const res = await call('/api/studies', { method: 'POST', json: spec });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { issues: { path: string; message: string }[] };
      expect(body.issues.map((i) => i.path)).toEqual([field]);
      expect(body.issues[0].message).toContain('bidirectional control');
    }
  });

  it('is isolated wherever a page shows it, and plain text in the head and the oEmbed answer', async () => {
    const spec = { ...compare, title: `${ARABIC} vs ${HEBREW}`, a: { ...compare.a, label: HEBREW }, b: { ...compare.b, label: ARABIC } };
    const posted = await call('/api/studies', { method: 'POST', json: spec });
    const { id } = (await posted.json()) as { id: string };
    expect((await waitForStudy(id)).status).toBe('done');
    for (const path of [`/r/${id}/`, `/zh/r/${id}/`, `/embed/${id}/`, `/zh/embed/${id}/`, '/', '/zh/kinds/compare/']) {
      const html = await (await call(path, { token: null })).text();
      const head = html.slice(0, html.indexOf('</head>'));
      // The spec as JSON (to copy and re-run) is code, not prose: it keeps the labels exactly as written.
      const body = html.slice(html.indexOf('</head>')).replace(/<pre[\s\S]*?<\/pre>/g, '');
      expect(BIDI_CONTROLS.test(head), path).toBe(false);
      const attributes = [...body.matchAll(/<[a-z][^>]*>/g)].map((tag) => tag[0]);
      expect(
        attributes.filter((tag) => BIDI_CONTROLS.test(tag)),
        path,
      ).toEqual([]);
      if (path.includes(id)) expect(head, path).toContain(`<title>${ARABIC} vs ${HEBREW} · Seedlab</title>`);
      for (const label of [HEBREW, ARABIC]) {
        // Every use in the body: the whole text of a <bdi> (with or without translate="no"), or between FSI and PDI (SVG, options).
        const uses = [...body.matchAll(new RegExp(label, 'g'))];
        expect(uses.length, `${path} ${label}`).toBeGreaterThan(0);
        for (const m of uses) {
          const before = body.slice(0, m.index);
          const after = body.slice(m.index + label.length);
          const inBdi = /<bdi(?: translate="no")?>(?:[^<]*)$/.test(before) && /^[^<]*<\/bdi>/.test(after);
          const inMarks = before.endsWith('\u2068') && after.startsWith('\u2069');
          // In an attribute (the embed code to copy, an alt text): plain text, checked below.
          const inAttribute = before.lastIndexOf('<') > before.lastIndexOf('>');
          expect(inBdi || inMarks || inAttribute, `${path}: …${before.slice(-80)}[${label}]${after.slice(0, 40)}…`).toBe(true);
        }
      }
    }
    const oembed = (await (await call(`/oembed?url=${encodeURIComponent(`http://seedlab.test/r/${id}/`)}`, { token: null })).json()) as {
      title: string;
      html: string;
    };
    expect(oembed.title).toBe(`${ARABIC} vs ${HEBREW}`);
    expect(BIDI_CONTROLS.test(oembed.html)).toBe(false);
  });
});
