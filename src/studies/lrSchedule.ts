import type { LrScheduleDocument, RunRecord } from '../document/studyDocument.ts';
import { describeEnvironment } from '../fingerprint/environment.ts';
import type { LrScheduleSpec } from '../spec/schema.ts';
import { studyId } from '../spec/studyId.ts';
import { quantile } from '../stats/summarize.ts';
import { scheduleLearningRate, type ScheduleSpec } from '../train/schedules.ts';
import { DOCUMENT_VERSION } from '../version.ts';
import { prepareData } from '../data/prepareData.ts';
import { seedStreams } from '../random/seedStreams.ts';
import { runSeeds } from './runSeeds.ts';
import { chunk, pct, seedResult, summarizeRuns, type StudyKindModule } from './studyKind.ts';

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

export const lrSchedule: StudyKindModule<LrScheduleSpec> = {
  plan(spec, seedsPerUnit) {
    return spec.schedules.flatMap((s) =>
      chunk(spec.seeds, seedsPerUnit).map((seeds) => ({ purpose: 'schedule', schedule: s.name, seeds })),
    );
  },

  async runUnit(spec, unit, context) {
    const schedule = spec.schedules.find((s) => s.name === unit.schedule)!;
    const perEpoch = stepsPerEpoch(spec);
    const total = perEpoch * spec.training.epochs;
    const outcomes = await runSeeds(spec, unit.seeds, {
      learningRateAt: (step, epoch) => scheduleLearningRate(schedule, step, epoch, perEpoch, total),
      onEpoch: context.onEpoch,
    });
    return outcomes.map((o) => o.record);
  },

  async combine(spec, units, results) {
    const perEpoch = stepsPerEpoch(spec);
    const schedules = spec.schedules.map((s) => {
      const records = units.flatMap((u, i) => (u.schedule === s.name ? (results[i] as RunRecord[]) : [])).sort((a, b) => a.seed - b.seed);
      const runs = records.map(seedResult);
      return {
        name: s.name,
        type: s.type,
        lrCurve: lrCurve(s, perEpoch, spec.training.epochs),
        summary: summarizeRuns(runs),
        runs,
        medianCurves: {
          testAccuracy: medianOver(records, 'testAccuracy', spec.training.epochs),
          trainLoss: medianOver(records, 'trainLoss', spec.training.epochs),
        },
      };
    });
    const scored = schedules.filter((s) => s.summary);
    const best = scored.length ? scored.reduce((a, b) => (b.summary!.mean > a.summary!.mean ? b : a)) : null;
    const doc: LrScheduleDocument = {
      documentVersion: DOCUMENT_VERSION,
      kind: 'lr-schedule',
      id: await studyId(spec),
      title: spec.title ?? `LR schedules: ${spec.dataset.name}, ${spec.schedules.length} schedules, ${spec.seeds.length} seeds`,
      spec,
      environment: describeEnvironment(),
      schedules,
      best: best?.name ?? null,
      verdict: [
        {
          question: 'Which schedule trains best over the same seeds?',
          answer: best
            ? `${best.name}: mean ${pct(best.summary!.mean)} (95% CI ${pct(best.summary!.ci95.t[0])}–${pct(best.summary!.ci95.t[1])}). ` +
              schedules.map((s) => `${s.name} ${s.summary ? pct(s.summary.mean) : 'diverged'}`).join('; ') +
              '.'
            : 'Every run diverged.',
        },
      ],
    };
    return doc;
  },
};
