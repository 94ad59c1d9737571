import type { SeedlabEnv } from '../env.ts';
import { activeStudyIds, CorruptStudyError, markEnqueued, markSettled, readEnqueuedAt, readHeartbeat } from './store.ts';
import { finalizeIfComplete, type StudyState } from './studyState.ts';

/** How long a unit may go unheard of (not sent, no heartbeat) before it is sent again. */
export const staleAfterMs = (env: SeedlabEnv) => 1000 * Number(env.STALE_AFTER_SECONDS);

/** The most messages one `sendBatch` takes (https://developers.cloudflare.com/queues/platform/limits/). */
const MESSAGES_PER_BATCH = 100;

export async function enqueueUnits(env: SeedlabEnv, studyId: string, units: number[], nowMs = Date.now()): Promise<void> {
  for (let at = 0; at < units.length; at += MESSAGES_PER_BATCH)
    await env.RUNS.sendBatch(units.slice(at, at + MESSAGES_PER_BATCH).map((unit) => ({ body: { studyId, unit } })));
  await Promise.all(units.map((unit) => markEnqueued(env.STUDIES, studyId, unit, nowMs)));
}

/**
 * Sends again every unit that has no result and was last enqueued (or started) too long ago.
 * Queue messages can be lost (a restarted `wrangler dev` drops its local queue); the KV keys
 * know what is missing, and retries are idempotent, so sending twice costs time, never data.
 */
export async function recoverStalledUnits(env: SeedlabEnv, state: StudyState, nowMs = Date.now()): Promise<number[]> {
  if (state.status === 'done' || state.status === 'partial' || state.status === 'failed') return [];
  const { record } = state;
  const pending = record.units.map((_, u) => u).filter((u) => !state.doneUnits.has(u) && !state.failures.some((f) => f.unit === u));
  const stale: number[] = [];
  for (const u of pending) {
    // Neither sent recently nor beating: its message was lost, or its consumer was stopped. The
    // heartbeat is read only for a unit sent long ago (every status read runs this).
    const isStale = async (readAt: (kv: typeof env.STUDIES, id: string, unit: number) => Promise<number>) =>
      nowMs - (await readAt(env.STUDIES, record.id, u)) >= staleAfterMs(env);
    if ((await isStale(readEnqueuedAt)) && (await isStale(readHeartbeat))) stale.push(u);
  }
  await enqueueUnits(env, record.id, stale, nowMs);
  return stale;
}

/** The cron: finalize or recover every unfinished study. */
export async function sweepActiveStudies(
  env: SeedlabEnv,
  nowMs = Date.now(),
): Promise<{ studies: number; reenqueued: number; failed: string[] }> {
  let reenqueued = 0;
  const active = await activeStudyIds(env.STUDIES);
  const failed: string[] = [];
  // Each study on its own: one that cannot be read must not stop the repair of the others.
  for (const id of active) {
    try {
      const state = await finalizeIfComplete(env, id);
      if (state) reenqueued += (await recoverStalledUnits(env, state, nowMs)).length;
    } catch (e) {
      failed.push(id);
      console.error(`sweep skipped study ${id}: ${e instanceof CorruptStudyError ? e.what : (e as Error).message}`);
      // Nothing can repair a record or document that cannot be read: it leaves the work list (its
      // keys stay for whoever investigates), so the cron does not stumble on it every minute.
      if (e instanceof CorruptStudyError) await markSettled(env.STUDIES, id);
    }
  }
  return { studies: active.length, reenqueued, failed };
}
