import { resolve } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { StudyDocument } from '../../../src/document/studyDocument.ts';
import { listAllKeys } from '../../../functions/studies/keys.ts';

// The build runs from the repository root (npm run build:site); this file is bundled, so its own URL says nothing.
const repoRoot = resolve(process.env.SEEDLAB_ROOT ?? process.cwd());

export interface LoadedStudy {
  doc: StudyDocument;
  createdAt: string;
}

/**
 * Reads every finished study document from KV: locally the persisted `wrangler dev` state
 * (SEEDLAB_STATE, default .state/v3, as an absolute path: a wrong one quietly reads an empty
 * namespace), or the remote namespace with SEEDLAB_KV=remote. Each document is validated
 * against the engine's schema; a malformed one is reported with its id and skipped.
 */
async function readStudies(): Promise<LoadedStudy[]> {
  const statePath = resolve(process.env.SEEDLAB_STATE ?? resolve(repoRoot, '.state/v3'));
  const remote = process.env.SEEDLAB_KV === 'remote';
  const proxy = await getPlatformProxy<{ STUDIES: KVNamespace }>({
    configPath: resolve(repoRoot, 'wrangler.toml'),
    ...(remote ? {} : { persist: { path: statePath } }),
    remoteBindings: remote,
  });
  try {
    const kv = proxy.env.STUDIES;
    const createdAt = new Map<string, string>();
    for (const k of await listAllKeys(kv, 'list:')) {
      const meta = k.metadata as { id?: string; createdAt?: string } | undefined;
      if (meta?.id && meta.createdAt) createdAt.set(meta.id, meta.createdAt);
    }
    const studies: LoadedStudy[] = [];
    for (const k of await listAllKeys(kv, 'doc:')) {
      const id = k.name.slice('doc:'.length);
      const raw = await kv.get(k.name);
      let parsed: ReturnType<typeof StudyDocument.safeParse>;
      try {
        parsed = StudyDocument.safeParse(JSON.parse(raw ?? 'null'));
      } catch (e) {
        console.warn(`[seedlab] skipping study ${id}: not JSON (${(e as Error).message})`);
        continue;
      }
      if (!parsed.success || parsed.data.id !== id) {
        const why = parsed.success
          ? `its id is ${parsed.data.id}`
          : parsed.error.issues
              .slice(0, 3)
              .map((i) => `${i.path.join('.')}: ${i.message}`)
              .join('; ');
        console.warn(`[seedlab] skipping study ${id}: invalid document (${why})`);
        continue;
      }
      studies.push({ doc: parsed.data, createdAt: createdAt.get(id) ?? '1970-01-01T00:00:00.000Z' });
    }
    console.log(`[seedlab] ${studies.length} studies from ${remote ? 'remote KV' : statePath}`);
    return studies.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  } finally {
    await proxy.dispose();
  }
}

let cache: Promise<LoadedStudy[]> | undefined;
/** One KV read per build, shared by every page. */
export const loadStudies = () => (cache ??= readStudies());
