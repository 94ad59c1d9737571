import { isEmbedPath } from '../../site/src/share/sitePaths.ts';

/**
 * Headers for every page of the report site. Reports may only be framed by the site itself; embed
 * cards exist to be framed anywhere, so they set no frame-blocking header.
 */
export function siteHeaders(pathname: string): Record<string, string> {
  const embeddable = isEmbedPath(pathname);
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${embeddable ? '*' : "'self'"}`,
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    ...(embeddable ? {} : { 'X-Frame-Options': 'SAMEORIGIN' }),
  };
}

export function withSiteHeaders(response: Response, pathname: string): Response {
  const out = new Response(response.body, response);
  for (const [k, v] of Object.entries(siteHeaders(pathname))) out.headers.set(k, v);
  if (isEmbedPath(pathname)) out.headers.delete('X-Frame-Options');
  return out;
}
