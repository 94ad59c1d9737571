import { FINAL_CACHE_CONTROL, FINAL_PAGE_HEADER, LIVE_CACHE_CONTROL, pageEtag, WASM_PAGE_HEADER } from '../../../functions/forPages.ts';
import { isTrainedDocument, retrainableHere } from '../../../src/index.ts';
import { drawnChart } from '../kinds/views.ts';
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

/**
 * The answer for a chart's embed card whose report has no such chart (its kind has none of that name,
 * or this study none to draw): a 404 in a line of text, never cached. Null while the study has no
 * report yet (its card shows its progress) or when the chart is there.
 */
export function missingChart(page: StudyPage, chart: string): Response | null {
  if (page.state !== 'report' || drawnChart(page.doc, chart, 'en') !== null) return null;
  return new Response(`this study has no chart “${chart}”\n`, {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': LIVE_CACHE_CONTROL },
  });
}
