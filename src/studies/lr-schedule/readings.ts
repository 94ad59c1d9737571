import { z } from 'zod';
import type { LrScheduleDocument } from './document.ts';

/** The schedule the verdict names as the winner, if it names one. */
function winningSchedule(doc: LrScheduleDocument) {
  const { outcome } = doc.verdict[0];
  return outcome.is === 'winner' ? doc.schedules.find((s) => s.name === outcome.who) : undefined;
}

export const LrScheduleDigest = z.object({
  schedules: z.number().int(),
  seeds: z.number().int(),
  outcome: z.enum(['winner', 'tied', 'measured', 'undecided']),
  /** The winner with its mean over its runs, or null. */
  best: z.object({ name: z.string(), mean: z.number(), runs: z.number().int() }).nullable(),
  leader: z.string().nullable(),
  tiedWith: z.array(z.string()),
  /** Runs that failed to learn, over every schedule (absent in listings written before engine 0.6.0). */
  failed: z.number().int().optional(),
});
export type LrScheduleDigest = z.infer<typeof LrScheduleDigest>;

export function lrScheduleDigest(doc: LrScheduleDocument): LrScheduleDigest {
  const { outcome, facts } = doc.verdict[0];
  const best = winningSchedule(doc);
  return {
    schedules: doc.spec.schedules.length,
    seeds: doc.spec.seeds.length,
    outcome: outcome.is,
    best: best?.summary ? { name: best.name, mean: best.summary.mean, runs: best.runs.length } : null,
    leader: facts.leader,
    tiedWith: facts.tiedWith,
    failed: doc.schedules.reduce((n, s) => n + s.runs.filter((r) => r.diverged).length, 0),
  };
}

/** What this kind's sentences read off its documents (the kind module's `readings`). */
export const readings = { winningSchedule };
