import { resolve } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { type KeyValueStore, listFinishedStudies, type StoredStudy } from '../../../functions/studies/store.ts';

// The build runs from the repository root (npm run build:site); this file is bundled, so its own URL says nothing.
const repoRoot = resolve(process.env.SEEDLAB_ROOT ?? process.cwd());

export type LoadedStudy = StoredStudy;

/**
 * The site's one loader: every finished study, through the store's reading functions (which own
 * the KV layout, validate each document and migrate old versions). Locally it reads the persisted
 * `wrangler dev` state (SEEDLAB_STATE, default .state/v3, as an absolute path: a wrong one quietly
 * reads an empty namespace), or the remote namespace with SEEDLAB_KV=remote. A document that
 * cannot be read is reported with its id and skipped.
 */
async function readStudies(): Promise<LoadedStudy[]> {
  const statePath = resolve(process.env.SEEDLAB_STATE ?? resolve(repoRoot, '.state/v3'));
  const remote = process.env.SEEDLAB_KV === 'remote';
  const proxy = await getPlatformProxy<{ STUDIES: KeyValueStore }>({
    configPath: resolve(repoRoot, 'wrangler.toml'),
    ...(remote ? {} : { persist: { path: statePath } }),
    remoteBindings: remote,
  });
  try {
    const { studies, unreadable } = await listFinishedStudies(proxy.env.STUDIES);
    for (const u of unreadable) console.warn(`[seedlab] skipping study ${u.id}: invalid document (${u.error})`);
    console.log(`[seedlab] ${studies.length} studies from ${remote ? 'remote KV' : statePath}`);
    return studies;
  } finally {
    await proxy.dispose();
  }
}

let cache: Promise<LoadedStudy[]> | undefined;
/** One KV read per build, shared by every page. */
export const loadStudies = () => (cache ??= readStudies());
