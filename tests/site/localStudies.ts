import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import type { DevServer } from '../../cli/wranglerDev.ts';
import { listingFacts } from '../../functions/studies/listing.ts';
import { createStudy, type KeyValueStore, markSettled, putDocument, putListing } from '../../functions/studies/store.ts';
import { newStudyRecord } from '../../functions/studies/studyState.ts';
import { planStudy, type StudyDocument, type StudySpec, studyId } from '../../src/index.ts';

/**
 * Studies on a running `wrangler dev`: submitted through its API and trained by its queue consumer,
 * or written straight into the same local KV (through wrangler's platform proxy), as the Worker
 * stores them, for states a test must hold still or documents made elsewhere.
 */
export async function localStudies(server: DevServer, persistTo: string, token: string) {
  const proxy = await getPlatformProxy<{ STUDIES: KeyValueStore }>({
    configPath: 'wrangler.toml',
    persist: { path: join(persistTo, 'v3') },
    remoteBindings: false,
  });
  const kv = proxy.env.STUDIES;

  async function post(spec: unknown): Promise<{ status: number; id: string }> {
    const res = await fetch(`${server.url}/api/studies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    const body = (await res.json()) as { id: string };
    if (!res.ok) throw new Error(`submit failed (${res.status}): ${JSON.stringify(body)}`);
    return { status: res.status, id: body.id };
  }

  /** Polls the study's status (each read also re-sends lost units) until it is done. */
  async function untilDone(id: string, timeoutMs = 120_000): Promise<StudyDocument> {
    for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
      const s = (await (await fetch(`${server.url}/api/studies/${id}`)).json()) as { status: string; document?: StudyDocument };
      if (s.status === 'done' && s.document) return s.document;
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`study ${id} did not finish`);
  }

  return {
    kv,
    post,
    untilDone,
    /** Posts a spec and waits until the Worker has trained it. */
    async submit(spec: unknown): Promise<string> {
      const { id } = await post(spec);
      await untilDone(id);
      return id;
    },
    /** Stores a study as POST does, with its units not sent: it stays queued until a status read re-sends them. */
    async storeUnsent(spec: StudySpec) {
      const id = await studyId(spec);
      const record = newStudyRecord(id, spec, planStudy(spec, 10), new Date());
      await createStudy(kv, record, listingFacts(record, 'queued'));
      return record;
    },
    /** Stores a finished study from a document written elsewhere (a stored one, or one made for a test). */
    async storeFinished(id: string, doc: unknown, spec: StudySpec, status: 'done' | 'partial' = 'done') {
      const record = newStudyRecord(id, spec, planStudy(spec, 10), new Date());
      await createStudy(kv, record, listingFacts(record, 'queued'));
      await putDocument(kv, doc as StudyDocument);
      // A listing entry as written before listings held facts: the index words it from the document.
      const { id: _, kind, dataset, createdAt } = listingFacts(record, status);
      await putListing(kv, record, { id, kind, dataset: dataset ?? '', createdAt, status, title: 'stored' });
      await markSettled(kv, id);
    },
    dispose: () => proxy.dispose(),
  };
}
export type LocalStudies = Awaited<ReturnType<typeof localStudies>>;
