/**
 * The KV layout. Every mutable fact has its own key, written by exactly one kind of writer, so
 * concurrent consumers never overwrite each other's work (KV has no transactions):
 *
 *   study:<id>                 StudyRecord, written once by POST
 *   result:<id>:<unit>         one finished unit's result (e.g. its runs), metadata { runs, fingerprints }
 *   failed:<id>:<unit>         a unit that failed for good: { error, attempts }
 *   attempts:<id>:<unit>       how many times a consumer started the unit
 *   enqueued:<id>:<unit>       when the unit was last sent to the queue (ms since epoch)
 *   doc:<id>                   the finished study document
 *   active:<id>                present while the study is unfinished (the cron scans these)
 *   list:<inverted ms>:<id>    the listing, newest first; metadata { id, title, kind, createdAt, status, headline }
 */
export const keys = {
  study: (id: string) => `study:${id}`,
  result: (id: string, unit: number) => `result:${id}:${unit}`,
  resultPrefix: (id: string) => `result:${id}:`,
  failed: (id: string, unit: number) => `failed:${id}:${unit}`,
  failedPrefix: (id: string) => `failed:${id}:`,
  attempts: (id: string, unit: number) => `attempts:${id}:${unit}`,
  enqueued: (id: string, unit: number) => `enqueued:${id}:${unit}`,
  doc: (id: string) => `doc:${id}`,
  active: (id: string) => `active:${id}`,
  activePrefix: 'active:',
  listing: (createdAtMs: number, id: string) => `list:${String(9e15 - createdAtMs).padStart(16, '0')}:${id}`,
  listingPrefix: 'list:',
};

/** Every key of a list prefix (KV pages at 1000). */
export async function listAllKeys(kv: KVNamespace, prefix: string): Promise<KVNamespaceListKey<unknown>[]> {
  const out: KVNamespaceListKey<unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list({ prefix, cursor });
    out.push(...page.keys);
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out;
}
