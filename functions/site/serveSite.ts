import { LOCALE_TAGS, localeOfPath, t } from '../../site/src/i18n/index.ts';
import type { SeedlabEnv } from '../env.ts';
import { readRecord } from '../studies/store.ts';
import { withSiteHeaders } from './securityHeaders.ts';

const REPORT_PATH = /^\/(zh\/)?(r|embed)\/([0-9a-f]{20})\/$/;

/**
 * Serves the built site. A report whose study exists but whose page is not built yet (it finished
 * moments ago; `npm start` or the deploy rebuilds the site) gets a small page that refreshes itself,
 * so a report link works with no manual step.
 */
export async function serveSite(request: Request, env: SeedlabEnv): Promise<Response> {
  const url = new URL(request.url);
  const asset = await env.ASSETS.fetch(request);
  if (asset.status === 404) {
    const match = REPORT_PATH.exec(url.pathname);
    const record = match ? await readRecord(env.STUDIES, match[3]) : null;
    if (record) {
      const locale = localeOfPath(url.pathname);
      const text = t(locale).building;
      const body = `<!doctype html><html lang="${LOCALE_TAGS[locale].html}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3"><title>Seedlab</title></head><body><p>${text}</p><p><a href="/api/studies/${record.id}">/api/studies/${record.id}</a></p></body></html>`;
      return withSiteHeaders(
        new Response(body, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '3' } }),
        url.pathname,
      );
    }
  }
  return withSiteHeaders(asset, url.pathname);
}
