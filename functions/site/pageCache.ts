import { type SiteRoute, sitePath } from '../../site/src/presentation/index.ts';
import { sha256Hex } from '../../src/index.ts';
import { BUILD_VERSION } from './buildVersion.ts';

/**
 * Pages of a finished study never change (its document is final), so the first render is kept in
 * the edge cache (Cache API) under a key that names this build: a deploy with new page code renders
 * them afresh. A page marks itself final with FINAL_PAGE_HEADER and an ETag (over its document and
 * the build); everything else (unfinished, partial, the live index) is rendered on every request.
 */
export const FINAL_PAGE_HEADER = 'x-seedlab-final';
/** Browsers keep a final page a minute, then revalidate with its ETag; the edge keeps it a year. */
export const FINAL_CACHE_CONTROL = 'public, max-age=60, s-maxage=31536000';
export const LIVE_CACHE_CONTROL = 'no-store';

/** The answer's `x-seedlab-cache` header: `hit` when it came from the edge cache, so a test or an operator can tell. */
const CACHE_STATUS_HEADER = 'x-seedlab-cache';
/** The build that rendered (or cached) the answer. */
const BUILD_HEADER = 'x-seedlab-build';

/**
 * A page's cache key, built from its parsed route, never from the raw URL: every spelling of a path
 * and every query string shares the canonical page's one entry. The origin is the public one the
 * page's absolute links name (SITE_URL, or the request's when it is unset); only an embed card
 * varies with its options (`embedQuery`: its theme and background, only those not the default).
 */
export function pageCacheKey(origin: string, route: SiteRoute, embedOptions: string): string {
  const key = new URL(`${sitePath(route)}${route.page === 'embed' ? embedOptions : ''}`, origin);
  key.searchParams.set('build', BUILD_VERSION);
  return key.toString();
}

/**
 * Serves a page from the edge cache, or renders it and keeps it when it says it is final. A HEAD is
 * rendered as a GET, so its page is kept too: a run of HEADs costs one render, as a run of GETs does.
 */
export async function cachedPage(request: Request, key: string, render: (request: Request) => Promise<Response>): Promise<Response> {
  const cache = await caches.open('seedlab-pages');
  const hit = await cache.match(key);
  if (hit) return answer(request, hit, 'hit');
  const rendered = await render(request.method === 'GET' ? request : new Request(request, { method: 'GET' }));
  const final = rendered.status === 200 && rendered.headers.has(FINAL_PAGE_HEADER) && rendered.headers.has('etag');
  if (!final) return answer(request, rendered, 'miss');
  // Kept before it is answered, so the next request for it is a hit (a page is tens of kilobytes).
  const kept = new Response(await rendered.arrayBuffer(), rendered);
  kept.headers.delete(FINAL_PAGE_HEADER);
  kept.headers.set('cache-control', FINAL_CACHE_CONTROL);
  await cache.put(key, kept.clone());
  return answer(request, kept, 'miss');
}

/** A page answer that never touches the cache (a redirect, a refusal, a static file), with the same headers. */
export const uncachedPage = (request: Request, response: Response) => answer(request, response, 'miss');

/** The answer to this request: a 304 when the browser's copy (If-None-Match) is current. */
function answer(request: Request, response: Response, status: 'hit' | 'miss'): Response {
  const etag = response.headers.get('etag');
  const out =
    etag && matchesEtag(request.headers.get('if-none-match'), etag)
      ? new Response(null, { status: 304, headers: response.headers })
      : new Response(request.method === 'HEAD' ? null : response.body, response);
  out.headers.delete(FINAL_PAGE_HEADER);
  out.headers.set(CACHE_STATUS_HEADER, status);
  out.headers.set(BUILD_HEADER, BUILD_VERSION);
  if (out.status === 304) out.headers.delete('content-length');
  return out;
}

/** If-None-Match holds a list of ETags (weak ones too, RFC 9110 13.1.2), or `*`. */
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

/** A final page's ETag: its document and the build, so new page code or a changed document never matches an old copy. */
export async function pageEtag(document: unknown): Promise<string> {
  return `"${(await sha256Hex(`${BUILD_VERSION}\n${JSON.stringify(document)}`)).slice(0, 32)}"`;
}
