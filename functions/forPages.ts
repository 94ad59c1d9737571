/**
 * What the pages (site/) read of the Worker, in one place: the store's reading functions and the
 * study state (through which every page reads KV), and the headers the Worker's wrapper acts on
 * (a final page is cached; a page that runs wasm gets its CSP). The site imports nothing else of
 * functions/ (a lint rule enforces it, biome.json).
 */
export { FINAL_CACHE_CONTROL, FINAL_PAGE_HEADER, LIVE_CACHE_CONTROL, pageEtag } from './site/pageCache.ts';
export { WASM_PAGE_HEADER } from './site/securityHeaders.ts';
export { cursorSeal } from './studies/cursors.ts';
export {
  CorruptStudyError,
  type DatasetUse,
  datasetUses,
  type ListingMeta,
  listingPage,
  readDatasetDescription,
  readDocument,
  readRecord,
} from './studies/store.ts';
export { readStudyState, type StudyFailure } from './studies/studyState.ts';
export { exactRunsDone } from './studies/unitCounts.ts';
