import { type Locale, plainText } from './locales.ts';
import { siteUrl } from './sitePaths.ts';

/** The iframe snippet of an embed card: the report's "copy embed code" and the oEmbed endpoint both use it. */
export const EMBED_WIDTH = 560;
export const EMBED_HEIGHT = 330;
/** The narrowest frame a card fits (a phone's width). */
export const MIN_EMBED_WIDTH = 300;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The embed code: the card's iframe, which fits a 330 px high frame from 300 px wide on its own, and a
 * small script that, where a page allows scripts, sets the frame to the card's height at its width
 * (site/public/embed.js; a blog that strips scripts keeps the iframe). With `chart`, the card of that
 * one chart of the report.
 */
export function embedIframe(origin: string, locale: Locale, id: string, title: string, width = EMBED_WIDTH, chart?: string): string {
  return `<iframe src="${siteUrl(origin, { page: 'embed', locale, id, ...(chart ? { chart } : {}) })}" width="${width}" height="${EMBED_HEIGHT}" style="border:0;max-width:100%" loading="lazy" title="${escapeAttr(plainText(title))}"></iframe><script async src="${origin}/embed.js"></script>`;
}

/** An embed card's colours: light unless its URL asks `?theme=dark`, or `?theme=auto` (the reader's system setting). */
export type EmbedTheme = 'light' | 'dark' | 'auto';
const EMBED_THEMES: readonly EmbedTheme[] = ['light', 'dark', 'auto'];
/** An iframe cannot see its host page's colours, so a card is light by default: most blogs are. */
export function embedTheme(url: URL): EmbedTheme {
  const asked = url.searchParams.get('theme');
  return EMBED_THEMES.find((t) => t === asked) ?? 'light';
}

/** An embed card's background: the theme's colour, or none (`?bg=transparent`), so it sits on any blog's colour. */
export type EmbedBackground = 'page' | 'transparent';
export const embedBackground = (url: URL): EmbedBackground => (url.searchParams.get('bg') === 'transparent' ? 'transparent' : 'page');

/**
 * The options an embed card's URL carries, as one canonical query string ('' for the defaults): the
 * Worker keys an embed's cache entry and writes its redirects with it, so other query strings share
 * the default card's entry.
 */
export function embedQuery(url: URL): string {
  const query = new URLSearchParams();
  const theme = embedTheme(url);
  if (theme !== 'light') query.set('theme', theme);
  if (embedBackground(url) === 'transparent') query.set('bg', 'transparent');
  const text = query.toString();
  return text ? `?${text}` : '';
}
