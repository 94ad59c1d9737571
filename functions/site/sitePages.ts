import {
  embedQuery,
  hasStudyId,
  inPageFolder,
  isStudyPage,
  publicOrigin,
  type SiteRoute,
  sitePath,
  siteRouteOf,
} from '../../site/src/presentation/index.ts';
import { isDatasetId } from '../../src/index.ts';
import type { SeedlabEnv } from '../env.ts';
import { cachedPage, pageCacheKey, uncachedPage } from './pageCache.ts';

type Render = (request: Request) => Promise<Response>;

/** The methods a page answers: only GET and HEAD render, OPTIONS says so. */
const PAGE_METHODS = 'GET, HEAD, OPTIONS';

/**
 * Every request for the site (not /api): what it costs is decided here, before anything renders.
 * Only GET and HEAD render; a page is named by its parsed route, any other spelling of its path is
 * redirected to the canonical one (built from the route, never from the raw path), and its cache
 * entry is keyed by the route; an id that cannot be a study's gets a fixed answer, with no read.
 */
export async function answerSiteRequest(request: Request, env: SeedlabEnv, render: Render): Promise<Response> {
  if (request.method === 'OPTIONS') return uncachedPage(request, new Response(null, { status: 204, headers: { allow: PAGE_METHODS } }));
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return uncachedPage(
      request,
      plainText(405, `${request.method} is not a method of the site's pages: ${PAGE_METHODS}`, { allow: PAGE_METHODS }),
    );
  }
  const url = new URL(request.url);
  const route = siteRouteOf(url.pathname);
  // A path in a folder of pages that names none (an unknown chart) is a 404, with no render and no read.
  if (!route && inPageFolder(url.pathname)) return uncachedPage(request, await notFoundPage(env, url));
  // Static files (fonts, the copy script) and other paths that name no page: Astro answers from the
  // static assets or with its prerendered 404, reading no study. It would redirect some spellings
  // itself (a doubled trailing slash), from the raw path: only routes are redirected, so those are a 404.
  if (!route) {
    const answer = await render(request);
    if (answer.status < 300 || answer.status >= 400) return uncachedPage(request, answer);
    await answer.body?.cancel();
    return uncachedPage(request, await notFoundPage(env, url));
  }
  const embedOptions = route.page === 'embed' ? embedQuery(url) : '';
  if (url.pathname !== sitePath(route)) {
    return uncachedPage(request, new Response(null, { status: 301, headers: { location: `${sitePath(route)}${embedOptions}` } }));
  }
  if (isStudyPage(route) && !hasStudyId(route)) return uncachedPage(request, await notAStudy(route, env, url));
  if (route.page === 'dataset' && !isDatasetId(route.dataset)) return uncachedPage(request, await notFoundPage(env, url));
  return cachedPage(request, pageCacheKey(publicOrigin(url, env.SITE_URL), route, embedOptions), render);
}

/** The fixed answer for an id that is not 20 hex digits: the site's 404 page or, for an image, a line of text. */
async function notAStudy(route: SiteRoute, env: SeedlabEnv, url: URL): Promise<Response> {
  if (route.page === 'report' || route.page === 'embed') return notFoundPage(env, url);
  return plainText(404, 'no such study: a study id is 20 hex digits');
}

/** The site's 404 page: a static file (prerendered by the build), so it costs no render. */
async function notFoundPage(env: SeedlabEnv, url: URL): Promise<Response> {
  const page = await env.ASSETS.fetch(new URL('/404.html', url));
  if (!page.ok) return plainText(404, 'not found');
  return new Response(page.body, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

const plainText = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(`${text}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
