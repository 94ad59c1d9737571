/** Where the site is served when nothing says otherwise: `npm start`'s local Worker. */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:8787';

/** The public origin for absolute links (Open Graph, oEmbed, embed code). astro.config.mjs sets `site`. */
export const siteUrl = (site: URL | undefined): URL => site ?? new URL(DEFAULT_SITE_URL);
