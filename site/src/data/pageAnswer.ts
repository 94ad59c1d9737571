import { FINAL_CACHE_CONTROL, FINAL_PAGE_HEADER, LIVE_CACHE_CONTROL, pageEtag, WASM_PAGE_HEADER } from '../../../functions/forPages.ts';
import { isTrainedDocument, retrainableHere } from '../../../src/index.ts';
import type { StudyPage } from './studyPages.ts';

/** How a page about a study answers: its status, and whether the edge may keep it (only a complete study's). */
export async function studyPageHeaders(page: StudyPage): Promise<{ status: number; headers: Record<string, string> }> {
  const status = page.state === 'missing' ? 404 : page.state === 'unreadable' ? 500 : 200;
  if (page.state === 'report' && page.final) {
    return { status, headers: { [FINAL_PAGE_HEADER]: '1', etag: await pageEtag(page.doc), 'cache-control': FINAL_CACHE_CONTROL } };
  }
  return { status, headers: { 'cache-control': LIVE_CACHE_CONTROL } };
}

/**
 * Sets a page's status and cache headers (Astro.response), from what its study is. A report whose
 * reader can re-train a seed on wasm (site/src/verify/) is marked so its CSP allows compiling wasm.
 */
export async function answerAbout(
  response: { status?: number; headers: Headers },
  page: StudyPage,
  view: 'report' | 'embed',
): Promise<void> {
  const { status, headers } = await studyPageHeaders(page);
  response.status = status;
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (view === 'report' && page.state === 'report' && trainsWasmInBrowser(page.doc)) response.headers.set(WASM_PAGE_HEADER, '1');
}

/** The report offers re-training on wasm: a kind with single-seed runs, this engine, the wasm backend. */
const trainsWasmInBrowser = (doc: Extract<StudyPage, { state: 'report' }>['doc']) =>
  retrainableHere(doc) && isTrainedDocument(doc) && doc.environment.backend === 'wasm';
