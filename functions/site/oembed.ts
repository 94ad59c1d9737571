import type { Context } from 'hono';
import { localePrefix } from '../../site/src/i18n/index.ts';
import { studyTitle } from '../../site/src/kinds/words.ts';
import { EMBED_HEIGHT, EMBED_WIDTH, embedIframe } from '../../site/src/share/embedCode.ts';
import { publicOrigin } from '../../site/src/share/siteOrigin.ts';
import { parseStudyPath } from '../../site/src/share/sitePaths.ts';
import { apiError, shortened } from '../api/errors.ts';
import type { SeedlabEnv } from '../env.ts';
import { readStudyState } from '../studies/studyState.ts';

/** oEmbed (https://oembed.com) for report and embed URLs of this site: a "rich" iframe of the card. */
export async function oembed(c: Context<{ Bindings: SeedlabEnv }>) {
  const origin = publicOrigin(new URL(c.req.url), c.env.SITE_URL);
  const format = c.req.query('format') ?? 'json';
  if (format !== 'json') return apiError(c, 501, 'only format=json is supported');
  const target = c.req.query('url');
  if (!target) return apiError(c, 400, 'the url parameter is required', { issues: [{ path: 'url', message: 'required' }] });
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return apiError(c, 400, 'url is not a URL', { issues: [{ path: 'url', message: 'not a URL' }] });
  }
  const page = parseStudyPath(parsed.pathname);
  if (parsed.origin !== origin || !page) return apiError(c, 404, `no report at ${shortened(target)}`);
  const state = await readStudyState(c.env, page.id);
  if (!state?.document) return apiError(c, 404, `no finished study ${page.id}`);
  const maxWidth = Number(c.req.query('maxwidth') ?? Infinity);
  const width = Math.max(280, Math.min(EMBED_WIDTH, Number.isFinite(maxWidth) ? maxWidth : EMBED_WIDTH));
  const title = studyTitle(state.document, page.locale).text;
  return c.json({
    version: '1.0',
    type: 'rich',
    provider_name: 'Seedlab',
    provider_url: `${origin}/`,
    title,
    width,
    height: EMBED_HEIGHT,
    html: embedIframe(origin, page.locale, state.record.id, title, width),
    thumbnail_url: `${origin}${localePrefix(page.locale)}/og/${state.record.id}.png`,
    thumbnail_width: 1200,
    thumbnail_height: 630,
  });
}
