import { prepareData } from '../data/prepareData.ts';
import type { PreparedData } from '../data/table.ts';
import type { RunRecord, RunResult, SeedResult } from '../document/parts.ts';
import { describeEnvironment } from '../fingerprint/environment.ts';
import { fingerprintWeights } from '../fingerprint/fingerprintWeights.ts';
import { initParams, layerSizes, type MlpParams } from '../model/mlp.ts';
import { createStream, type RandomStream, seedStreams, streamSeed, streamSourceSeeds } from '../random/seedStreams.ts';
import type { TrainingSetup } from '../spec/setup.ts';
import type { BySeed } from '../stats/paired.ts';
import { summarizeProportions } from '../stats/summarize.ts';
import { type SeedTrainingInput, type TrainingProgress, trainGroup } from '../train/trainGroup.ts';

export interface SeedOutcome {
  record: RunRecord;
  params: MlpParams;
  data: PreparedData;
}

export interface RunSeedsOptions {
  learningRateAt?: (step: number, epoch: number) => number;
  onEpoch?: (progress: TrainingProgress) => void | Promise<void>;
  maxSteps?: number;
  onStepLoss?: (step: number, lossPerSeed: Float32Array) => void;
  evaluate?: 'each-epoch' | 'end';
  /** Replaces the data preparation (data-size trains on seeded subsets). */
  prepare?: (seed: number, streams: ReturnType<typeof seedStreams>) => PreparedData;
  /**
   * Which run of each seed this is (0 first). Only shuffled reductions read it: a second run of the
   * same seed sums its batches in another order, as a GPU's unordered reductions would.
   */
  instance?: number;
  onEpochParams?: (epoch: number, params: MlpParams[]) => void;
  readParamsAt?: (epoch: number) => boolean;
}

/** The stream that orders a run's reductions, when the spec asks for shuffled ones. */
function reductionStream(setup: TrainingSetup, seed: number, instance: number): RandomStream | null {
  return setup.training.reductionOrder === 'shuffled' ? createStream(streamSeed(seed, `reduction-${instance}`)) : null;
}

const jsonNumber = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Whether a run failed to learn: its loss became NaN or infinite, or its final training loss is at
 * least ln K, the cross-entropy of a uniform guess over its K classes (ln 10 = 2.30 on digits). Such
 * a run's accuracy says nothing about the seed (a blown-up network predicts one class, at chance), so
 * every kind counts it apart, out of its means and spreads. A run with no training loss recorded is
 * judged by its divergence alone.
 */
export function failedToLearn(divergedAtEpoch: number | null, trainLoss: readonly number[], classes: number): boolean {
  if (divergedAtEpoch !== null) return true;
  const final = trainLoss.at(-1);
  return final !== undefined && !(final < Math.log(classes));
}

/**
 * One seed's training input, as a group trains it: its data, layer sizes, initial weights and
 * fresh streams (each call draws them anew, so a seed's first step can be shown apart from its run).
 */
export function seedMember(
  setup: TrainingSetup,
  seed: number,
  options: Pick<RunSeedsOptions, 'prepare' | 'instance'> = {},
): SeedTrainingInput & { sizes: number[] } {
  const streams = seedStreams(seed, setup.pins);
  const data = options.prepare ? options.prepare(seed, streams) : prepareData(setup, streams);
  const sizes = layerSizes(data.features, setup.model, data.classes);
  return {
    seed,
    data,
    sizes,
    initial: initParams(sizes, setup.model.initializer, streams.init),
    order: streams.order,
    dropout: streams.dropout,
    reduction: reductionStream(setup, seed, options.instance ?? 0),
  };
}

/**
 * Trains `seeds` as one group on the active backend and returns a fingerprinted record per seed.
 * Each seed's streams, data, split and initial weights are its own; the group only shares compute.
 */
export async function runSeeds(setup: TrainingSetup, seeds: number[], options: RunSeedsOptions = {}): Promise<SeedOutcome[]> {
  const members = seeds.map((seed) => seedMember(setup, seed, options));
  const trained = await trainGroup(members, {
    sizes: members[0].sizes,
    model: setup.model,
    training: setup.training,
    learningRateAt: options.learningRateAt,
    onEpoch: options.onEpoch,
    maxSteps: options.maxSteps,
    onStepLoss: options.onStepLoss,
    evaluate: options.evaluate,
    onEpochParams: options.onEpochParams,
    readParamsAt: options.readParamsAt,
  });
  const environment = describeEnvironment();
  return Promise.all(
    trained.map(async (t, s) => {
      const last = (xs: number[]) => jsonNumber(xs[xs.length - 1]);
      const record: RunRecord = {
        seed: t.seed,
        streams: streamSourceSeeds(t.seed, setup.pins),
        fingerprint: await fingerprintWeights(t.params),
        testAccuracy: last(t.curves.testAccuracy),
        testLoss: last(t.curves.testLoss),
        trainAccuracy: last(t.curves.trainAccuracy),
        trainLoss: last(t.curves.trainLoss),
        diverged: failedToLearn(t.divergedAtEpoch, t.curves.trainLoss, members[s].data.classes),
        divergedAtEpoch: t.divergedAtEpoch,
        curves: {
          trainLoss: t.curves.trainLoss.map(jsonNumber),
          trainAccuracy: t.curves.trainAccuracy.map(jsonNumber),
          testLoss: t.curves.testLoss.map(jsonNumber),
          testAccuracy: t.curves.testAccuracy.map(jsonNumber),
        },
        environment,
      };
      return { record, params: t.params, data: members[s].data };
    }),
  );
}

/** The short form of a run that most kinds keep (no curves). */
export const seedResult = (r: RunRecord): SeedResult => ({
  seed: r.seed,
  fingerprint: r.fingerprint,
  testAccuracy: r.testAccuracy,
  diverged: r.diverged,
});

export const runResult = (r: RunRecord): RunResult => ({ ...seedResult(r), testLoss: r.testLoss, divergedAtEpoch: r.divergedAtEpoch });

/** The accuracies of the runs that learned (not failed, `failedToLearn`), by seed (for paired comparisons). */
export const accuracyBySeed = (runs: SeedResult[]): BySeed =>
  new Map(runs.flatMap((r) => (!r.diverged && r.testAccuracy !== null ? [[r.seed, r.testAccuracy] as const] : [])));

/** The accuracy summary of the runs that learned, or null. */
export function summarizeRuns(runs: SeedResult[]) {
  const ok = [...accuracyBySeed(runs)].map(([seed, value]) => ({ seed, value }));
  return ok.length ? summarizeProportions(ok) : null;
}
