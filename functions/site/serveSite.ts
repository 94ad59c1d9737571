import { LOCALE_TAGS, t } from '../../site/src/i18n/index.ts';
import { parseStudyPath } from '../../site/src/share/sitePaths.ts';
import type { SeedlabEnv } from '../env.ts';
import { readRecord } from '../studies/store.ts';
import { withSiteHeaders } from './securityHeaders.ts';

/**
 * Serves the built site. A report whose study exists but whose page is not built yet (it finished
 * moments ago; `npm start` or the deploy rebuilds the site) gets a small page that refreshes itself,
 * so a report link works with no manual step.
 */
export async function serveSite(request: Request, env: SeedlabEnv): Promise<Response> {
  const url = new URL(request.url);
  const asset = await env.ASSETS.fetch(request);
  if (asset.status === 404) {
    const page = parseStudyPath(url.pathname);
    // A study that cannot be read has no page to wait for: the 404 stands.
    const record = page ? await readRecord(env.STUDIES, page.id).catch(() => null) : null;
    if (page && record) {
      const text = t(page.locale).building;
      const body = `<!doctype html><html lang="${LOCALE_TAGS[page.locale].html}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3"><title>Seedlab</title></head><body><p>${text}</p><p><a href="/api/studies/${record.id}">/api/studies/${record.id}</a></p></body></html>`;
      return withSiteHeaders(
        new Response(body, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '3' } }),
        url.pathname,
      );
    }
  }
  return withSiteHeaders(asset, url.pathname);
}
