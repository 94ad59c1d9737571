import { env } from 'cloudflare:workers';

/**
 * The public origin for absolute links (Open Graph, oEmbed, embed code): SITE_URL when it is set (a
 * custom domain, a static export for another host), else the origin the request came to.
 */
export const publicOrigin = (requestUrl: URL, configured: string | undefined): string =>
  configured ? new URL(configured).origin : requestUrl.origin;

/** The public origin of the page being rendered (pages and endpoints pass Astro.url). */
export const siteOrigin = (requestUrl: URL): string => publicOrigin(requestUrl, env.SITE_URL);
