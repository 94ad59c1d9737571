import type { SeedlabEnv } from '../env.ts';
import type { StudyState } from './studyState.ts';

/**
 * The study's Durable Object as the rest of the Worker reaches it (functions/studies/creation.ts
 * defines it): its counts of settled units, read and reported here. Kept apart from the class, which
 * imports `cloudflare:workers`, so the store and the study state load in Node too (the site tests).
 */

/** A study's progress as its object counts it: every unit a consumer reported, once. */
export interface UnitCounts {
  runsDone: number;
  unitsDone: number;
  unitsFailed: number;
  /** When a consumer last reported a unit (ms since epoch; 0 before the first). */
  lastSettledAt: number;
}
export type UnitOutcomeName = 'done' | 'failed';

/** The study's Durable Object (named after its id). */
export const studyObject = (env: SeedlabEnv, id: string) => env.CREATION.get(env.CREATION.idFromName(id));

/**
 * Tells the study's object a unit's outcome once it is stored. Best effort: KV holds the outcome, and
 * the state is derived from KV; the count only makes progress exact sooner.
 */
export async function countUnit(env: SeedlabEnv, id: string, unit: number, outcome: UnitOutcomeName | 'reopened'): Promise<void> {
  try {
    if (outcome === 'reopened') await studyObject(env, id).unitsReopened([unit]);
    else await studyObject(env, id).unitSettled(unit, outcome);
  } catch (e) {
    console.warn(`study ${id}: unit ${unit} not counted (${(e as Error).message}); its progress shows once KV lists it`);
  }
}

/**
 * When a unit of the study last settled, by its object's count (0 when it counts nothing, or cannot
 * be asked): the repair holds back while the queue is moving.
 */
export async function lastSettledAt(env: SeedlabEnv, id: string): Promise<number> {
  try {
    return (await studyObject(env, id).progress())?.lastSettledAt ?? 0;
  } catch {
    return 0;
  }
}

/**
 * Runs done: the larger of the object's count (exact, but a consumer stopped between its KV write
 * and its report leaves a unit uncounted) and KV's listing (never over, but may lag a minute).
 */
export async function exactRunsDone(env: SeedlabEnv, state: StudyState): Promise<number> {
  if (state.document) return state.runsDone;
  try {
    const counts = await studyObject(env, state.record.id).progress();
    return Math.max(state.runsDone, counts?.runsDone ?? 0);
  } catch {
    return state.runsDone;
  }
}
