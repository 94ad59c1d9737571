import { DurableObject } from 'cloudflare:workers';
import type { StudyStatus } from '../../src/index.ts';
import type { SeedlabEnv } from '../env.ts';
import { listingFacts } from './listing.ts';
import { enqueueUnits } from './scheduler.ts';
import { CorruptStudyError, createStudy, putListing, reopenUnits, type StudyRecord } from './store.ts';
import { finalizeIfComplete } from './studyState.ts';
import type { UnitCounts, UnitOutcomeName } from './unitCounts.ts';

/**
 * How long after a retry another is refused. The reopening deletes the failed units' keys in KV, and
 * a KV write can take up to 60 s to be seen everywhere
 * (https://developers.cloudflare.com/kv/concepts/how-kv-works/#consistency): within that time a read
 * may still show the old failures, and a second retry would train the same units twice.
 */
const RETRY_SETTLE_SECONDS = 60;

export type RetryOutcome =
  | { outcome: 'reopened' }
  | { outcome: 'missing' }
  | { outcome: 'refused'; status: StudyStatus; reason: string; retryAfterSeconds?: number }
  | { outcome: 'corrupt'; what: string };

/**
 * Creates a study exactly once, and reopens its failed units one retry at a time, however many
 * identical requests race. KV has no compare-and-swap and is eventually consistent in production (two
 * writers can both see "absent", or both see the same failures), so these decisions are made by the
 * one Durable Object named after the study id, whose storage is strongly consistent and whose calls
 * run one at a time. The study's data still lives in KV.
 */
export class StudyCreation extends DurableObject<SeedlabEnv> {
  /**
   * Stores the record, the listing entry and the active marker, and sends the units, once. Later
   * calls (a concurrent duplicate, or a retry after a crash mid-way) reuse the first call's record,
   * so the listing key (which holds createdAt) is the same and nothing is written twice.
   */
  async create(candidate: StudyRecord): Promise<{ created: boolean; record: StudyRecord }> {
    // One call at a time, including across the KV and queue I/O below (which would otherwise let
    // another call in).
    return this.ctx.blockConcurrencyWhile(async () => {
      const done = await this.ctx.storage.get<StudyRecord>('created');
      if (done) return { created: false, record: done };
      // Remembered before the writes: a retry after a crash writes the very same keys.
      const record = (await this.ctx.storage.get<StudyRecord>('creating')) ?? candidate;
      await this.ctx.storage.put('creating', record);
      await createStudy(this.env.STUDIES, record, listingFacts(record, 'queued'));
      // No per-unit write: a unit never sent again was sent at createdAt (readEnqueuedTimes).
      await enqueueUnits(
        this.env,
        record.id,
        record.units.map((_, u) => u),
        Date.parse(record.createdAt),
        false,
      );
      await this.ctx.storage.put('created', record);
      return { created: true, record };
    });
  }

  /**
   * Counts a unit's outcome, reported by the consumer right after it stored it in KV: each unit once,
   * however often reported (a redelivery), so progress is exact and one read away. KV's listing of
   * results, which the status is derived from, can lag by up to a minute in production. A study this
   * object did not create (stored before it counted) has no counts: readers fall back to KV.
   */
  async unitSettled(unit: number, outcome: UnitOutcomeName): Promise<void> {
    await this.ctx.blockConcurrencyWhile(async () => {
      const record = await this.ctx.storage.get<StudyRecord>('created');
      if (!record?.units[unit]) return;
      const before = await this.ctx.storage.get<UnitOutcomeName>(`unit:${unit}`);
      if (before === outcome) return;
      await this.ctx.storage.put(`unit:${unit}`, outcome);
      await this.recount(record, unit, before, outcome, Date.now());
    });
  }

  /** Units whose outcome no longer holds (a retry reopened them, or a stored result could not be read). */
  async unitsReopened(units: number[]): Promise<void> {
    await this.ctx.blockConcurrencyWhile(() => this.uncount(units));
  }

  private async uncount(units: number[]) {
    const record = await this.ctx.storage.get<StudyRecord>('created');
    if (!record) return;
    for (const unit of units) {
      const before = await this.ctx.storage.get<UnitOutcomeName>(`unit:${unit}`);
      if (!before) continue;
      await this.ctx.storage.delete(`unit:${unit}`);
      await this.recount(record, unit, before, undefined);
    }
  }

  /** The counts, or null for a study this object does not count. */
  async progress(): Promise<UnitCounts | null> {
    return (await this.ctx.storage.get<UnitCounts>('counts')) ?? ((await this.ctx.storage.get('created')) ? NO_UNITS : null);
  }

  private async recount(
    record: StudyRecord,
    unit: number,
    before: UnitOutcomeName | undefined,
    after: UnitOutcomeName | undefined,
    settledAt?: number,
  ) {
    const counts = { ...((await this.ctx.storage.get<UnitCounts>('counts')) ?? NO_UNITS) };
    if (settledAt !== undefined) counts.lastSettledAt = settledAt;
    const runs = record.units[unit].seeds.length;
    const apply = (outcome: UnitOutcomeName | undefined, sign: 1 | -1) => {
      if (outcome === 'done') {
        counts.unitsDone += sign;
        counts.runsDone += sign * runs;
      } else if (outcome === 'failed') counts.unitsFailed += sign;
    };
    apply(before, -1);
    apply(after, 1);
    await this.ctx.storage.put('counts', counts);
  }

  /**
   * Reopens a partial or failed study's failed units and sends them again. Exactly one of any number
   * of concurrent calls reopens; the others see the study running (or, within the settle time, are
   * told when to come back), so a failing unit trains at most its bounded number of attempts per retry.
   */
  async retry(id: string, nowMs = Date.now()): Promise<RetryOutcome> {
    return this.ctx.blockConcurrencyWhile(async () => {
      try {
        const state = await finalizeIfComplete(this.env, id);
        if (!state) return { outcome: 'missing' };
        if (state.status !== 'partial' && state.status !== 'failed')
          return {
            outcome: 'refused',
            status: state.status,
            reason: `study ${id} is ${state.status}: only a partial or failed study has units to retry`,
          };
        // It reads as partial or failed: but if a retry was just made, that may be the failures it reopened.
        const retriedAt = await this.ctx.storage.get<number>('retriedAt');
        const settleEndsMs = retriedAt === undefined ? 0 : retriedAt + RETRY_SETTLE_SECONDS * 1000;
        if (nowMs < settleEndsMs)
          return {
            outcome: 'refused',
            status: state.status,
            retryAfterSeconds: Math.ceil((settleEndsMs - nowMs) / 1000),
            reason: `study ${id} was retried at ${new Date(retriedAt as number).toISOString()}; another retry is accepted from ${new Date(settleEndsMs).toISOString()} (what a retry reopens takes up to ${RETRY_SETTLE_SECONDS} s to show everywhere)`,
          };
        const units = state.failures.map((f) => f.unit);
        // Remembered first: a crash below costs at most one settle time of refused retries, and units
        // reopened but not sent are sent again by the cron.
        await this.ctx.storage.put('retriedAt', nowMs);
        await reopenUnits(this.env.STUDIES, id, units);
        await this.uncount(units);
        await putListing(this.env.STUDIES, state.record, listingFacts(state.record, 'running'));
        await enqueueUnits(this.env, id, units, nowMs);
        return { outcome: 'reopened' };
      } catch (err) {
        // Errors lose their class crossing the RPC boundary: say what was corrupt in plain data.
        if (err instanceof CorruptStudyError) return { outcome: 'corrupt', what: err.what };
        throw err;
      }
    });
  }
}

const NO_UNITS: UnitCounts = { runsDone: 0, unitsDone: 0, unitsFailed: 0, lastSettledAt: 0 };
