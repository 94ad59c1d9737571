import type { SeedlabEnv } from '../env.ts';
import { keys, listAllKeys } from './keys.ts';
import { finalizeIfComplete, type StudyState } from './studyState.ts';

const staleAfterMs = (env: SeedlabEnv) => 1000 * Number(env.STALE_AFTER_SECONDS ?? 15);

export async function enqueueUnits(env: SeedlabEnv, studyId: string, units: number[], nowMs = Date.now()): Promise<void> {
  if (!units.length) return;
  await env.RUNS.sendBatch(units.map((unit) => ({ body: { studyId, unit } })));
  await Promise.all(units.map((unit) => env.STUDIES.put(keys.enqueued(studyId, unit), String(nowMs))));
}

/**
 * Sends again every unit that has no result and was last enqueued (or started) too long ago.
 * Queue messages can be lost (a restarted `wrangler dev` drops its local queue); the KV keys
 * know what is missing, and retries are idempotent, so sending twice costs time, never data.
 */
export async function recoverStalledUnits(env: SeedlabEnv, state: StudyState, nowMs = Date.now()): Promise<number[]> {
  if (state.status === 'done' || state.status === 'failed') return [];
  const { record } = state;
  const pending = record.units.map((_, u) => u).filter((u) => !state.doneUnits.has(u) && !state.failures.some((f) => f.unit === u));
  const stale: number[] = [];
  for (const u of pending) {
    const last = Number((await env.STUDIES.get(keys.enqueued(record.id, u))) ?? 0);
    if (nowMs - last >= staleAfterMs(env)) stale.push(u);
  }
  await enqueueUnits(env, record.id, stale, nowMs);
  return stale;
}

/** The cron: finalize or recover every unfinished study. */
export async function sweepActiveStudies(env: SeedlabEnv, nowMs = Date.now()): Promise<{ studies: number; reenqueued: number }> {
  let reenqueued = 0;
  const active = await listAllKeys(env.STUDIES, keys.activePrefix);
  for (const k of active) {
    const state = await finalizeIfComplete(env, k.name.slice(keys.activePrefix.length));
    if (state) reenqueued += (await recoverStalledUnits(env, state, nowMs)).length;
  }
  return { studies: active.length, reenqueued };
}
