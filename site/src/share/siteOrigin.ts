import { env } from 'cloudflare:workers';
import { publicOrigin } from '../presentation/sitePaths.ts';

/** The public origin of the page being rendered (pages and endpoints pass Astro.url): SITE_URL, or the request's. */
export const siteOrigin = (requestUrl: URL): string => publicOrigin(requestUrl, env.SITE_URL);
