import { STUDY_ID } from '../../../src/index.ts';
import { isChartName } from './chartNames.ts';
import { LOCALES, type Locale, localePrefix } from './locales.ts';

/** The pages about one study: its report, its embed card, its preview image and its badge. */
type StudyPageName = 'report' | 'embed' | 'preview' | 'badge';

/**
 * A page of the site, as the Worker and the pages name it. Every spelling of a path that names the
 * same page parses to the same route, and `sitePath` writes its one canonical spelling: the Worker
 * redirects the others there and keys its cache by the route, never by the raw URL.
 */
export type SiteRoute =
  /** `/` (every kind, first page), `/kinds/<kind>/`, `/kinds/<kind>/<cursor>/`. */
  | { page: 'index'; locale: Locale; kind: string; cursor?: string }
  | { page: 'guide' | 'glossary'; locale: Locale }
  /** `/new/`: the form that writes and submits a study. */
  | { page: 'new'; locale: Locale }
  /** `/d/<dataset id>/`: an uploaded dataset's page. */
  | { page: 'dataset'; locale: Locale; dataset: string }
  /** An embed card may show one chart of its report (`/embed/<id>/<chart>/`) instead of the main one. */
  | { page: StudyPageName; locale: Locale; id: string; chart?: string }
  /** `/charts/<id>/<chart>.svg` or `.png`: one chart of a report as an image. */
  | { page: 'chart'; locale: Locale; id: string; chart: string; format: 'svg' | 'png' };

/** Where each study page lives: /r/<id>/, /embed/<id>/, /og/<id>.png, /badge/<id>.svg (and under /zh). */
const STUDY_PAGE_PATHS: Record<StudyPageName, { folder: string; ending: string }> = {
  report: { folder: 'r', ending: '/' },
  embed: { folder: 'embed', ending: '/' },
  preview: { folder: 'og', ending: '.png' },
  badge: { folder: 'badge', ending: '.svg' },
};
const STUDY_PAGES = Object.keys(STUDY_PAGE_PATHS) as StudyPageName[];

export const isStudyPage = (route: SiteRoute): route is Extract<SiteRoute, { id: string }> => 'id' in route;

/** A study page whose id could be a study's (20 hex digits): any other id is answered without a read. */
export const hasStudyId = (route: Extract<SiteRoute, { id: string }>) => STUDY_ID.test(route.id);

/**
 * The route a path names, in any spelling a browser or a person may send: with or without the
 * trailing slash, with repeated slashes, with percent-encoded characters. Null when it names no
 * page (static files, unknown paths).
 */
export function siteRouteOf(pathname: string): SiteRoute | null {
  let parts: string[];
  try {
    parts = pathname
      .split('/')
      .filter((part) => part !== '')
      .map(decodeURIComponent);
  } catch {
    return null; // a malformed percent-encoding
  }
  const locale = LOCALES.find((l) => l !== 'en' && parts[0] === l) ?? 'en';
  const [folder, name, ...more] = locale === 'en' ? parts : parts.slice(1);
  if (folder === undefined) return { page: 'index', locale, kind: 'all' };
  if (folder === 'kinds' && name !== undefined && more.length <= 1) {
    return { page: 'index', locale, kind: name, ...(more.length === 1 ? { cursor: more[0] } : {}) };
  }
  if (name !== undefined && more.length === 1) return chartRoute(locale, folder, name, more[0]);
  if (more.length > 0) return null;
  if ((folder === 'guide' || folder === 'glossary' || folder === 'new') && name === undefined) return { page: folder, locale };
  if (name === undefined) return null;
  if (folder === 'd') return { page: 'dataset', locale, dataset: name };
  for (const page of STUDY_PAGES) {
    const { folder: pageFolder, ending } = STUDY_PAGE_PATHS[page];
    if (folder !== pageFolder) continue;
    if (ending === '/') return { page, locale, id: name };
    if (name.length > ending.length && name.endsWith(ending)) return { page, locale, id: name.slice(0, -ending.length) };
  }
  return null;
}

/** A chart's page: its embed card or its image; a name no kind's chart has names no page. */
function chartRoute(locale: Locale, folder: string, id: string, file: string): SiteRoute | null {
  if (folder === 'embed') return isChartName(file) ? { page: 'embed', locale, id, chart: file } : null;
  const image = /^(.+)\.(svg|png)$/.exec(file);
  if (folder !== 'charts' || !image || !isChartName(image[1])) return null;
  return { page: 'chart', locale, id, chart: image[1], format: image[2] as 'svg' | 'png' };
}

/** The one spelling of a route's path: the links pages write, and where the Worker redirects the others. */
export function sitePath(route: SiteRoute): string {
  const prefix = localePrefix(route.locale);
  const segment = encodeURIComponent;
  if (route.page === 'index') {
    if (route.kind === 'all' && !route.cursor) return `${prefix}/`;
    return `${prefix}/kinds/${segment(route.kind)}/${route.cursor ? `${segment(route.cursor)}/` : ''}`;
  }
  if (route.page === 'dataset') return `${prefix}/d/${segment(route.dataset)}/`;
  if (!isStudyPage(route)) return `${prefix}/${route.page}/`;
  if (route.page === 'chart') return `${prefix}/charts/${segment(route.id)}/${segment(route.chart)}.${route.format}`;
  if (route.page === 'embed' && route.chart) return `${prefix}/embed/${segment(route.id)}/${segment(route.chart)}/`;
  const { folder, ending } = STUDY_PAGE_PATHS[route.page];
  return `${prefix}/${folder}/${segment(route.id)}${ending}`;
}

/** A page's absolute URL at the public origin (publicOrigin): the one way an absolute link to a page is written. */
export const siteUrl = (origin: string, route: SiteRoute) => `${origin}${sitePath(route)}`;

/** Embed cards, in every locale: the pages other sites may frame. */
export const isEmbedPath = (pathname: string) => siteRouteOf(pathname)?.page === 'embed';

/**
 * The public origin for absolute links (Open Graph, oEmbed, embed code): SITE_URL when it is set (a
 * custom domain, a static export for another host), else the origin the request came to.
 */
export const publicOrigin = (requestUrl: URL, configured: string | undefined): string =>
  configured ? new URL(configured).origin : requestUrl.origin;

/** The folders whose pages the Worker renders from a study, a dataset or the listing. */
const PAGE_FOLDERS = new Set(['r', 'embed', 'og', 'badge', 'charts', 'd', 'kinds']);
/**
 * Whether a path that names no page lies in one of those folders (an unknown chart's name, a segment
 * too many): the Worker answers it 404 without rendering, as no page of the site is there.
 */
export function inPageFolder(pathname: string): boolean {
  const parts = pathname.split('/').filter((part) => part !== '');
  const at = LOCALES.some((l) => l !== 'en' && parts[0] === l) ? 1 : 0;
  return PAGE_FOLDERS.has(parts[at] ?? '');
}
