/**
 * Presentation: everything that words or formats a study for a reader, shared by the pages, the
 * Worker (oEmbed, page cache, headers) and the CLI. It imports only the engine (src/index.ts); the
 * Worker and the CLI import it only through this file (a lint rule enforces both, biome.json).
 */
export { EMBED_HEIGHT, EMBED_WIDTH, embedIframe, embedQuery, MIN_EMBED_WIDTH } from './embedCode.ts';
export { formatFor } from './format.ts';
export { isolate, LOCALE_TAGS, LOCALES, type Locale, plainText, userText } from './locales.ts';
export {
  hasStudyId,
  inPageFolder,
  isEmbedPath,
  isStudyPage,
  publicOrigin,
  type SiteRoute,
  sitePath,
  siteRouteOf,
  siteUrl,
} from './sitePaths.ts';
export {
  badgeOf,
  factsOf,
  headlineOf,
  headlineOfFacts,
  isStudyKind,
  kindName,
  methodOf,
  pendingStudyTitle,
  previewAlt,
  questionOf,
  type StudyFacts,
  studyTitle,
  titleOf,
  verdictOf,
} from './studyWords.ts';
export { t, ui } from './ui.ts';
