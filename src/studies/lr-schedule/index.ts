import { z } from 'zod';
import { prepareData } from '../../data/prepareData.ts';
import { ALL_DIVERGED, RunRecord } from '../../document/parts.ts';
import { rowOf } from '../../document/runRows.ts';
import { seedStreams } from '../../random/seedStreams.ts';
import { seedGroupWork } from '../../spec/budget.ts';
import { comparisonRecord, pairedLeader } from '../../stats/paired.ts';
import { quantile } from '../../stats/summarize.ts';
import { accuracyBySeed, runSeeds, seedResult, summarizeRuns } from '../runSeeds.ts';
import { bodyUnchanged, chunk, type DocumentBody, defineStudyKind } from '../studyKind.ts';
import { LrScheduleDocument, LrScheduleDocumentV1, type LrScheduleVerdict } from './document.ts';
import { LrScheduleDigest, lrScheduleDigest, readings } from './readings.ts';
import { type ScheduleSpec, scheduleLearningRate } from './schedules.ts';
import { LrScheduleSpec } from './spec.ts';

const Unit = z.object({ purpose: z.literal('schedule'), schedule: z.string(), seeds: z.array(z.number().int()) });
type Unit = z.infer<typeof Unit>;

function stepsPerEpoch(spec: LrScheduleSpec): number {
  const rows = prepareData(spec, seedStreams(spec.seeds[0], spec.pins)).trainY.length;
  return Math.ceil(rows / Math.min(spec.training.batchSize, rows));
}

/** The schedule's lr at every step, sampled to at most 400 points for the chart. */
function lrCurve(s: ScheduleSpec, perEpoch: number, epochs: number) {
  const total = perEpoch * epochs;
  const every = Math.max(1, Math.ceil(total / 400));
  const steps: number[] = [];
  for (let step = 1; step <= total; step += every) steps.push(step);
  if (steps[steps.length - 1] !== total) steps.push(total);
  return { steps, lrs: steps.map((step) => scheduleLearningRate(s, step, Math.ceil(step / perEpoch), perEpoch, total)) };
}

const medianOver = (runs: RunRecord[], curve: 'testAccuracy' | 'trainLoss', epochs: number) =>
  Array.from({ length: epochs }, (_, e) => {
    const values = runs
      .filter((r) => !r.diverged)
      .map((r) => r.curves[curve][e])
      .filter((v): v is number => v !== null);
    return values.length ? quantile(values, 0.5) : null;
  });

/** The learning rate at the last step, the lowest of the run, and whether the run ends within 1% of the range above it. */
export function scheduleEnd(s: ScheduleSpec, perEpoch: number, epochs: number) {
  const total = perEpoch * epochs;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  let lastLr = 0;
  for (let step = 1; step <= total; step++) {
    lastLr = scheduleLearningRate(s, step, Math.ceil(step / perEpoch), perEpoch, total);
    lowest = Math.min(lowest, lastLr);
    highest = Math.max(highest, lastLr);
  }
  return { lastLr, lowestLr: lowest, atMinimum: lastLr - lowest <= 0.01 * (highest - lowest) };
}

/** The verdict, decided from the measured body (combine and the version-1 migration both use it). */
function decide(
  schedules: (Pick<LrScheduleDocument['schedules'][number], 'name' | 'summary' | 'runs'> & { atMinimum: boolean })[],
): LrScheduleVerdict[] {
  const ranking = schedules
    .flatMap((s, i) => (s.summary ? [{ name: s.name, mean: s.summary.mean, i }] : []))
    .sort((a, b) => b.mean - a.mean || a.i - b.i)
    .map((s) => s.name);
  const notAtMinimum = schedules.filter((s) => !s.atMinimum).map((s) => s.name);
  const lead = pairedLeader(schedules.map((s) => ({ key: s.name, values: accuracyBySeed(s.runs) })));
  const comparisons = (lead?.comparisons ?? []).map((c) => comparisonRecord(c.against, c.difference));
  const facts = {
    ranking,
    leader: lead?.leader ?? null,
    tiedWith: lead?.tiedWith ?? [],
    comparisons,
    level: lead?.level ?? 0.95,
    notAtMinimum,
  };
  // More than half of the study's runs failed to learn: the few that learned do not stand for its seeds.
  const runs = schedules.flatMap((s) => s.runs);
  const mostlyFailed = 2 * runs.filter((r) => r.diverged).length > runs.length;
  const outcome: LrScheduleVerdict['outcome'] = !lead
    ? ALL_DIVERGED
    : mostlyFailed
      ? { is: 'undecided', because: 'mostly-failed' }
      : !comparisons.length
        ? { is: 'measured' }
        : lead.tiedWith.length
          ? { is: 'tied' }
          : { is: 'winner', who: lead.leader };
  return [{ question: 'best-schedule', outcome, facts }];
}

export const lrSchedule = defineStudyKind({
  kind: 'lr-schedule',
  specSchema: LrScheduleSpec,
  documentSchema: LrScheduleDocument,
  dataset: (spec) => spec.dataset,
  digest: { schema: LrScheduleDigest, of: lrScheduleDigest },
  readings,

  training: {
    partSchema: z.object({ unit: Unit, result: z.array(RunRecord) }),
    unitWork: (spec, unit: Unit) => seedGroupWork(spec, spec.backend, unit.seeds.length, spec.seeds[0]),

    plan(spec, seedsPerUnit): Unit[] {
      return spec.schedules.flatMap((s) =>
        chunk(spec.seeds, seedsPerUnit).map((seeds): Unit => ({ purpose: 'schedule', schedule: s.name, seeds })),
      );
    },

    async runUnit(spec, unit, context) {
      const schedule = spec.schedules.find((s) => s.name === unit.schedule);
      if (!schedule) throw new Error(`lr-schedule: no schedule named ${unit.schedule}`);
      const perEpoch = stepsPerEpoch(spec);
      const total = perEpoch * spec.training.epochs;
      const outcomes = await runSeeds(spec, unit.seeds, {
        learningRateAt: (step, epoch) => scheduleLearningRate(schedule, step, epoch, perEpoch, total),
        onEpoch: context.onEpoch,
      });
      return outcomes.map((o) => o.record);
    },

    runRows: { columns: ['schedule'], rows: (_spec, unit, result) => result.map((r) => rowOf(r, { schedule: unit.schedule })) },
  },
  async combine(spec, parts): Promise<DocumentBody<LrScheduleDocument>> {
    const perEpoch = stepsPerEpoch(spec);
    const schedules = spec.schedules.map((s) => {
      const records = parts.flatMap((p) => (p.unit.schedule === s.name ? p.result : [])).sort((a, b) => a.seed - b.seed);
      const runs = records.map(seedResult);
      return {
        name: s.name,
        type: s.type,
        lrCurve: lrCurve(s, perEpoch, spec.training.epochs),
        end: scheduleEnd(s, perEpoch, spec.training.epochs),
        summary: summarizeRuns(runs),
        runs,
        medianCurves: {
          testAccuracy: medianOver(records, 'testAccuracy', spec.training.epochs),
          trainLoss: medianOver(records, 'trainLoss', spec.training.epochs),
        },
      };
    });
    return {
      verdict: decide(schedules.map((s) => ({ ...s, atMinimum: s.end.atMinimum }))),
      schedules,
    };
  },

  migrations: {
    /** Version 1 to 2: the numbers kept, the verdict decided as combine decides it (the English answers and the title dropped). */
    1(stored): DocumentBody<LrScheduleDocument> {
      const { title: _t, verdict: _v, documentVersion: _d, best: _b, ...body } = LrScheduleDocumentV1.parse(stored);
      // The schedules' ends follow from the spec alone; the verdict is decided anew from the stored runs.
      const perEpoch = stepsPerEpoch(body.spec);
      const schedules = body.schedules.map((s, i) => ({
        ...s,
        end: scheduleEnd(body.spec.schedules[i], perEpoch, body.spec.training.epochs),
      }));
      return {
        ...body,
        schedules,

        verdict: decide(schedules.map((s) => ({ ...s, atMinimum: s.end.atMinimum }))),
      };
    },
    /** Version 2 to 3: this kind's body did not change. */
    2: bodyUnchanged,
  },
});
