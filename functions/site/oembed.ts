import type { Context } from 'hono';
import {
  EMBED_HEIGHT,
  EMBED_WIDTH,
  embedIframe,
  hasStudyId,
  MIN_EMBED_WIDTH,
  plainText,
  publicOrigin,
  siteRouteOf,
  siteUrl,
  studyTitle,
} from '../../site/src/presentation/index.ts';
import { apiError, shortened } from '../api/errors.ts';
import type { SeedlabEnv } from '../env.ts';
import { readStudyState } from '../studies/studyState.ts';

/** oEmbed (https://oembed.com) for report and embed URLs of this site: a "rich" iframe of the card. */
export async function oembed<E extends { Bindings: SeedlabEnv }>(c: Context<E>) {
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
  const page = siteRouteOf(parsed.pathname);
  if (parsed.origin !== origin || (page?.page !== 'report' && page?.page !== 'embed') || !hasStudyId(page)) {
    return apiError(c, 404, `no report at ${shortened(target)}`);
  }
  const state = await readStudyState(c.env, page.id);
  if (!state?.document) return apiError(c, 404, `no finished study ${page.id}`);
  // The card fits any frame from MIN_EMBED_WIDTH to EMBED_WIDTH wide and EMBED_HEIGHT high, its words
  // whole at every width (the chart takes what is left), so its height at the width answered is
  // EMBED_HEIGHT: it is offered at the largest width the consumer allows, or not at all (oEmbed 1.0:
  // the provider must respect maxwidth and maxheight; with no response that does, it has none: a 404).
  const limits = { maxwidth: c.req.query('maxwidth'), maxheight: c.req.query('maxheight') };
  for (const [name, value] of Object.entries(limits)) {
    if (value !== undefined && !/^[1-9][0-9]{0,5}$/.test(value)) {
      return apiError(c, 400, `${name} must be a whole number of pixels`, { issues: [{ path: name, message: 'not a positive integer' }] });
    }
  }
  const maxWidth = Number(limits.maxwidth ?? EMBED_WIDTH);
  const maxHeight = Number(limits.maxheight ?? EMBED_HEIGHT);
  if (maxWidth < MIN_EMBED_WIDTH || maxHeight < EMBED_HEIGHT) {
    return apiError(c, 404, `no card fits in ${maxWidth} x ${maxHeight}: the smallest is ${MIN_EMBED_WIDTH} x ${EMBED_HEIGHT}`);
  }
  const width = Math.min(EMBED_WIDTH, maxWidth);
  const thumbnailFits = (limits.maxwidth === undefined || maxWidth >= 1200) && (limits.maxheight === undefined || maxHeight >= 630);
  const title = plainText(studyTitle(state.document, page.locale).text);
  return c.json(
    {
      version: '1.0' as const,
      type: 'rich' as const,
      provider_name: 'Seedlab',
      provider_url: `${origin}/`,
      title,
      width,
      height: EMBED_HEIGHT,
      // An embed URL of one chart (/embed/<id>/<chart>/) is offered as that chart's card.
      html: embedIframe(origin, page.locale, state.record.id, title, width, page.page === 'embed' ? page.chart : undefined),
      // The preview is 1200 x 630: offered only when it fits the consumer's limits too (oEmbed 1.0).
      ...(thumbnailFits
        ? { thumbnail_url: siteUrl(origin, { ...page, page: 'preview' }), thumbnail_width: 1200, thumbnail_height: 630 }
        : {}),
    },
    200,
  );
}
