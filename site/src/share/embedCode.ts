import { type Locale, localePrefix } from '../i18n/index.ts';

/** The iframe snippet of an embed card: the report's "copy embed code" and the oEmbed endpoint both use it. */
export const EMBED_WIDTH = 560;
export const EMBED_HEIGHT = 330;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedIframe(origin: string, locale: Locale, id: string, title: string, width = EMBED_WIDTH): string {
  return `<iframe src="${origin}${localePrefix(locale)}/embed/${id}/" width="${width}" height="${EMBED_HEIGHT}" style="border:0;max-width:100%" loading="lazy" title="${escapeAttr(title)}"></iframe>`;
}
