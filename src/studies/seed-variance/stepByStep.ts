import { regionMap } from '../../document/decisionRegions.ts';
import type { RunRecord } from '../../document/parts.ts';
import { type EpochSnapshot, type RunStepByStep, snapshotEpochs } from '../../document/stepByStep.ts';
import type { MlpParams } from '../../model/mlp.ts';
import type { TrainingSetup } from '../../spec/setup.ts';
import { tf } from '../../tf.ts';
import { firstStepNumbers, kernelStepDifference } from '../../train/firstStep.ts';
import { type SeedOutcome, seedMember } from '../runSeeds.ts';

/** Collects one seed's parameters after the epochs a walk-through shows, while its group trains. */
export function snapshotRecorder(setup: TrainingSetup, seeds: number[], seed: number | null) {
  const at = seed === null ? -1 : seeds.indexOf(seed);
  const shown = new Set(snapshotEpochs(setup.training.epochs));
  const params = new Map<number, MlpParams>();
  return {
    params,
    options:
      at < 0
        ? {}
        : {
            readParamsAt: (epoch: number) => shown.has(epoch),
            onEpochParams: (epoch: number, group: MlpParams[]) => void params.set(epoch, group[at]),
          },
  };
}

/**
 * The seed's walk-through: its map before training and after each shown epoch, with that epoch's
 * training loss and test accuracy from its curves, and its first step's numbers. Null off a
 * two-feature table. The first step is computed apart (plain tfjs ops) and, on wasm, held to the
 * fused kernel's step.
 */
export async function stepByStepOf(
  setup: TrainingSetup,
  outcome: SeedOutcome,
  params: Map<number, MlpParams>,
): Promise<RunStepByStep | null> {
  const { record, data } = outcome;
  // Fresh streams for the seed, over the data its run already prepared (the same rows: its own streams drew them).
  const fresh = () => seedMember(setup, record.seed, { prepare: () => data });
  const member = fresh();
  const map = (p: MlpParams) => regionMap(p, member.sizes, setup.model.activation, data);
  const initial = map(member.initial);
  if (!initial) return null;
  const snapshots = [...params]
    .sort(([a], [b]) => a - b)
    .flatMap(([epoch, p]): EpochSnapshot[] => {
      const regions = map(p);
      const metric = (curve: RunRecord['curves']['trainLoss']) => curve[epoch - 1] ?? null;
      return regions
        ? [{ epoch, trainLoss: metric(record.curves.trainLoss), testAccuracy: metric(record.curves.testAccuracy), ...regions }]
        : [];
    });
  const numbers = await firstStepNumbers(member, setup);
  const backend = tf.getBackend();
  const kernelDifference = backend === 'wasm' ? await kernelStepDifference(fresh(), setup, numbers.after) : null;
  const { after: _after, ...shown } = numbers;
  return { initial, snapshots, firstStep: { backend, ...shown, kernelDifference } };
}
