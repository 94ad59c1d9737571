import { type Locale, plainText } from './locales.ts';
import { siteUrl } from './sitePaths.ts';

/** The iframe snippet of an embed card: the report's "copy embed code" and the oEmbed endpoint both use it. */
export const EMBED_WIDTH = 560;
export const EMBED_HEIGHT = 330;
/** The narrowest frame a card fits (a phone's width). */
export const MIN_EMBED_WIDTH = 360;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedIframe(origin: string, locale: Locale, id: string, title: string, width = EMBED_WIDTH): string {
  return `<iframe src="${siteUrl(origin, { page: 'embed', locale, id })}" width="${width}" height="${EMBED_HEIGHT}" style="border:0;max-width:100%" loading="lazy" title="${escapeAttr(plainText(title))}"></iframe>`;
}

/** An embed card's colours: light unless its URL asks `?theme=dark`, or `?theme=auto` (the reader's system setting). */
export type EmbedTheme = 'light' | 'dark' | 'auto';
const EMBED_THEMES: readonly EmbedTheme[] = ['light', 'dark', 'auto'];
/** An iframe cannot see its host page's colours, so a card is light by default: most blogs are. */
export function embedTheme(url: URL): EmbedTheme {
  const asked = url.searchParams.get('theme');
  return EMBED_THEMES.find((t) => t === asked) ?? 'light';
}
