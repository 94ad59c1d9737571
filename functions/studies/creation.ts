import { DurableObject } from 'cloudflare:workers';
import type { SeedlabEnv } from '../env.ts';
import { listingFacts } from './listing.ts';
import { enqueueUnits } from './scheduler.ts';
import { createStudy, type StudyRecord } from './store.ts';

/**
 * Creates a study exactly once, however many identical requests race. KV has no compare-and-swap
 * and is eventually consistent in production (two writers can both see "absent"), so the decision
 * "this id is new" is made by the one Durable Object named after the study id, whose storage is
 * strongly consistent and whose calls run one at a time. The study's data still lives in KV.
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
      await enqueueUnits(
        this.env,
        record.id,
        record.units.map((_, u) => u),
        Date.parse(record.createdAt),
      );
      await this.ctx.storage.put('created', record);
      return { created: true, record };
    });
  }
}
