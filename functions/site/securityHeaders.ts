import { isEmbedPath } from '../../site/src/presentation/index.ts';

/**
 * Set by a page whose script compiles WebAssembly (a report that re-trains a seed on wasm in the
 * reader's browser): only that page's CSP allows it. Removed before the answer leaves the Worker.
 */
export const WASM_PAGE_HEADER = 'x-seedlab-wasm';

/**
 * Headers for every page of the report site. Reports may only be framed by the site itself; embed
 * cards exist to be framed anywhere, so they set no frame-blocking header.
 */
function siteHeaders(pathname: string, options: { wasm?: boolean } = {}): Record<string, string> {
  const embeddable = isEmbedPath(pathname);
  const csp = [
    "default-src 'self'",
    `script-src 'self'${options.wasm ? " 'wasm-unsafe-eval'" : ''}`,
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
  const wasm = out.headers.has(WASM_PAGE_HEADER);
  out.headers.delete(WASM_PAGE_HEADER);
  for (const [k, v] of Object.entries(siteHeaders(pathname, { wasm }))) out.headers.set(k, v);
  if (isEmbedPath(pathname)) out.headers.delete('X-Frame-Options');
  return out;
}
