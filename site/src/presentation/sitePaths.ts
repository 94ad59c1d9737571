import { STUDY_ID_PATTERN } from '../../../src/index.ts';
import { LOCALES, type Locale, localeOfPath, localePrefix } from './locales.ts';

/** The locale prefixes of the site's paths ("zh/"), for matching. */
const PREFIXES = LOCALES.map((l) => localePrefix(l).slice(1)).filter(Boolean);
const STUDY_PAGE = new RegExp(`^/(?:(?:${PREFIXES.join('|')})/)?(r|embed)/(${STUDY_ID_PATTERN})/?$`);
const EMBED_PAGE = new RegExp(`^/(?:(?:${PREFIXES.join('|')})/)?embed/`);

/** A study's report or embed page (/r/<id>/, /zh/embed/<id>/, ...), or null. */
export function parseStudyPath(pathname: string): { locale: Locale; page: 'r' | 'embed'; id: string } | null {
  const match = STUDY_PAGE.exec(pathname);
  if (!match) return null;
  return { locale: localeOfPath(pathname), page: match[1] === 'r' ? 'r' : 'embed', id: match[2] };
}

/** Embed cards, in every locale: the pages other sites may frame. */
export const isEmbedPath = (pathname: string) => EMBED_PAGE.test(pathname);

/**
 * The public origin for absolute links (Open Graph, oEmbed, embed code): SITE_URL when it is set (a
 * custom domain, a static export for another host), else the origin the request came to.
 */
export const publicOrigin = (requestUrl: URL, configured: string | undefined): string =>
  configured ? new URL(configured).origin : requestUrl.origin;
