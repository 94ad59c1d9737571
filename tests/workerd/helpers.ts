import { env, exports } from 'cloudflare:workers';
import { listingFacts } from '../../functions/studies/listing.ts';
import { createStudy } from '../../functions/studies/store.ts';
import { newStudyRecord } from '../../functions/studies/studyState.ts';
import { planStudy, type StudySpec, studyId } from '../../src/index.ts';

const TOKEN = 'test-token';
const BASE = 'http://seedlab.test';

/** A request through the real Worker entry (fetch handler), with the real KV and Queue bindings. */
export function call(path: string, init: RequestInit & { token?: string | null; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  const token = init.token === undefined ? TOKEN : init.token;
  if (token) headers.set('authorization', `Bearer ${token}`);
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  return exports.default.fetch(new Request(`${BASE}${path}`, { ...init, headers, body }));
}

/** Polls the status route until the study settles (the real queue delivers to the real consumer). */
export async function waitForStudy(id: string, timeoutMs = 60_000): Promise<any> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const body: any = await (await call(`/api/studies/${id}`, { token: null })).json();
    if (body.status === 'done' || body.status === 'partial' || body.status === 'failed') return body;
    if (Date.now() > end) throw new Error(`study ${id} still ${body.status} after ${timeoutMs} ms: ${JSON.stringify(body.progress)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export { env };

/**
 * Stores a study exactly as POST does (two seeds a unit), but sends nothing: as if every queue
 * message was lost. Created a minute ago by default, so its units count as sent long ago (creation
 * is their sending: it writes no key per unit).
 */
export async function storeWithLostMessages(spec: StudySpec, createdAt = new Date(Date.now() - 60_000)): Promise<string> {
  const id = await studyId(spec);
  const record = newStudyRecord(id, spec, planStudy(spec, 2), createdAt);
  await createStudy(env.STUDIES, record, listingFacts(record, 'queued'));
  return id;
}
