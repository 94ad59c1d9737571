import { FINAL_CACHE_CONTROL, FINAL_PAGE_HEADER, LIVE_CACHE_CONTROL, pageEtag } from '../../../functions/site/pageCache.ts';
import type { StudyPage } from './studyPages.ts';

/** How a page about a study answers: its status, and whether the edge may keep it (only a complete study's). */
export async function studyPageHeaders(page: StudyPage): Promise<{ status: number; headers: Record<string, string> }> {
  const status = page.state === 'missing' ? 404 : page.state === 'unreadable' ? 500 : 200;
  if (page.state === 'report' && page.final) {
    return { status, headers: { [FINAL_PAGE_HEADER]: '1', etag: await pageEtag(page.doc), 'cache-control': FINAL_CACHE_CONTROL } };
  }
  return { status, headers: { 'cache-control': LIVE_CACHE_CONTROL } };
}

/** Sets a page's status and cache headers (Astro.response), from what its study is. */
export async function answerAbout(response: { status?: number; headers: Headers }, page: StudyPage): Promise<void> {
  const { status, headers } = await studyPageHeaders(page);
  response.status = status;
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
}
