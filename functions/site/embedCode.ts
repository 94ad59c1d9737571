/** The iframe snippet for an embed card; shared by the oEmbed endpoint and the report's "copy embed code". */
export const EMBED_WIDTH = 560;
export const EMBED_HEIGHT = 330;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedIframe(origin: string, zh: boolean, id: string, title: string, width = EMBED_WIDTH): string {
  return `<iframe src="${origin}/${zh ? 'zh/' : ''}embed/${id}/" width="${width}" height="${EMBED_HEIGHT}" style="border:0;max-width:100%" loading="lazy" title="${escapeAttr(title)}"></iframe>`;
}
