import type { SeedlabEnv } from '../env.ts';
import { activeStudyIds, CorruptStudyError, markEnqueued, markSettled, readEnqueuedTimes, readHeartbeats } from './store.ts';
import { finalizeIfComplete, type StudyState } from './studyState.ts';
import { lastSettledAt } from './unitCounts.ts';

/** How long a unit may go unheard of (not sent, no heartbeat) before it is sent again. */
export const staleAfterMs = (env: SeedlabEnv) => 1000 * Number(env.STALE_AFTER_SECONDS);

/** The most messages one `sendBatch` takes (https://developers.cloudflare.com/queues/platform/limits/). */
const MESSAGES_PER_BATCH = 100;

/**
 * Sends units, 100 messages per batch. `markSent` records the time for each (a KV write per unit);
 * creation skips it, since a unit never sent again was sent when its study was created
 * (readEnqueuedTimes), so a study of any size costs its creation a fixed number of KV writes.
 */
export async function enqueueUnits(env: SeedlabEnv, studyId: string, units: number[], nowMs = Date.now(), markSent = true): Promise<void> {
  for (let at = 0; at < units.length; at += MESSAGES_PER_BATCH)
    await env.RUNS.sendBatch(units.slice(at, at + MESSAGES_PER_BATCH).map((unit) => ({ body: { studyId, unit } })));
  if (markSent) await Promise.all(units.map((unit) => markEnqueued(env.STUDIES, studyId, unit, nowMs)));
}

/**
 * The most units one repair sends again (each costs a KV write): the rest wait for the next status
 * read or cron minute, so a repair stays within KV's 1,000 operations per invocation at any size.
 */
const MAX_RESENDS_PER_REPAIR = 200;

/**
 * Sends again every unit that has no result and was last enqueued (or started) too long ago.
 * Queue messages can be lost (a restarted `wrangler dev` drops its local queue); the KV keys
 * know what is missing, and retries are idempotent, so sending twice costs time, never data.
 */
export async function recoverStalledUnits(env: SeedlabEnv, state: StudyState, nowMs = Date.now()): Promise<number[]> {
  if (state.status === 'done' || state.status === 'partial' || state.status === 'failed') return [];
  const { record } = state;
  // The queue is moving (a unit settled within the stale window): units waiting in it are not lost.
  // Without this, every status read of a study longer than the window (10,000 seeds on one local
  // isolate) would send its waiting units again, and again. A unit lost meanwhile is sent once the
  // others are done and the study has gone quiet.
  if (nowMs - (await lastSettledAt(env, record.id)) < staleAfterMs(env)) return [];
  const pending = record.units.map((_, u) => u).filter((u) => !state.doneUnits.has(u) && !state.failures.some((f) => f.unit === u));
  // Neither sent recently nor beating: its message was lost, or its consumer was stopped. Heartbeats
  // are read only for units sent long ago (every status read runs this); both by bulk gets.
  const isStale = (atMs: number) => nowMs - atMs >= staleAfterMs(env);
  const sentAt = await readEnqueuedTimes(env.STUDIES, record.id, pending, Date.parse(record.createdAt));
  const quiet = pending.filter((_, i) => isStale(sentAt[i]));
  const beats = await readHeartbeats(env.STUDIES, record.id, quiet);
  const stale = quiet.filter((_, i) => isStale(beats[i])).slice(0, MAX_RESENDS_PER_REPAIR);
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
