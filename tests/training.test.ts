import { afterEach, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { prepareData } from '../src/data/prepareData.ts';
import {
  documentOfKind,
  parseSpecOfKind,
  parseStudySpec,
  runSeeds,
  runStudy,
  type StudySpecInput,
  type TrainingSetup,
  tf,
} from '../src/index.ts';
import { initParams, layerSizes } from '../src/model/mlp.ts';
import { seedStreams } from '../src/random/seedStreams.ts';
import { trainGroup } from '../src/train/trainGroup.ts';

const small: StudySpecInput = {
  dataset: { name: 'spiral', samples: 150, noise: 0.1, classes: 3 },
  split: { kind: 'stratified', testFraction: 0.2 },
  scaling: { kind: 'standardize' },
  model: { hidden: [16, 8], activation: 'relu', initializer: 'glorotUniform', dropout: 0.25 },
  training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 32, epochs: 3 },
  seeds: [1, 2, 3, 4],
};
const setupOf = (input: StudySpecInput): TrainingSetup => parseSpecOfKind(input, 'seed-variance');
const fingerprints = async (setup: TrainingSetup, seeds: number[]) => (await runSeeds(setup, seeds)).map((o) => o.record.fingerprint);

const realRandom = Math.random;
afterEach(() => {
  Math.random = realRandom;
});

describe.each(['cpu', 'wasm'] as const)('training on the %s backend', (backend) => {
  it('never calls Math.random, even with dropout, a seeded split and synthetic data', async () => {
    await useNodeBackend(backend);
    Math.random = () => {
      throw new Error('Math.random was called');
    };
    const doc = documentOfKind(await runStudy(parseStudySpec({ ...small, backend })), 'seed-variance');
    expect(doc.runs).toHaveLength(4);
    expect(doc.environment.backend).toBe(backend);
  });

  it('same seed gives identical fingerprints; different seeds give different ones', async () => {
    await useNodeBackend(backend);
    const setup = setupOf(small);
    const first = await fingerprints(setup, [1, 2, 3]);
    const again = await fingerprints(setup, [1, 2, 3]);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(3);
    for (const f of first) expect(f).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the tensor count flat from epoch to epoch and frees everything at the end', async () => {
    await useNodeBackend(backend);
    const setup = setupOf({ ...small, training: { optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 }, batchSize: 16, epochs: 5 } });
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    const members = [1, 2].map((seed) => {
      const streams = seedStreams(seed);
      const data = prepareData(setup, streams);
      return {
        seed,
        data,
        initial: initParams(layerSizes(2, setup.model, 3), 'glorotUniform', streams.init),
        order: streams.order,
        dropout: streams.dropout,
        reduction: null,
      };
    });
    await trainGroup(members, {
      sizes: layerSizes(2, setup.model, 3),
      model: setup.model,
      training: setup.training,
      onEpoch: (p) => void counts.push(p.numTensors),
    });
    expect(counts).toHaveLength(5);
    expect(new Set(counts).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('divergence', () => {
  it('a run whose loss blows up is recorded as diverged, and the study still completes', async () => {
    await useNodeBackend('cpu');
    const doc = documentOfKind(
      await runStudy(
        parseStudySpec({
          dataset: { name: 'digits' },
          split: { kind: 'index-mod', k: 4, r: 3 },
          // Inputs scaled up to ~1e10 with a large step: the loss overflows to NaN within the first epoch.
          scaling: { kind: 'divide', by: 1e-9 },
          model: { hidden: [32], activation: 'relu', initializer: 'glorotUniform', dropout: 0 },
          training: { optimizer: { kind: 'sgd', lr: 10 }, batchSize: 32, epochs: 2 },
          seeds: 2,
        }),
      ),
      'seed-variance',
    );
    expect(doc.runs.every((r) => r.diverged)).toBe(true);
    expect(doc.runs[0].divergedAtEpoch).toBe(1);
    expect(doc.runs[0].trainLoss).toBeNull();
    expect(doc.summary).toBeNull();
    // Every run failed: the report says so first.
    expect(doc.verdict[0]).toEqual({
      question: 'seed-moves-accuracy',
      outcome: { is: 'undecided', because: 'all-diverged' },
      facts: { finished: 0, diverged: 2 },
    });
    expect(() => JSON.parse(JSON.stringify(doc))).not.toThrow();
  });
});

describe('dropout', () => {
  it('draws a new mask every step from the dropout stream (pinning it changes nothing else)', async () => {
    await useNodeBackend('cpu');
    const base = setupOf(small);
    const [a] = await fingerprints({ ...base, pins: { dropout: 9 } }, [1]);
    const [b] = await fingerprints({ ...base, pins: { dropout: 10 } }, [1]);
    const [c] = await fingerprints({ ...base, pins: { dropout: 9 } }, [1]);
    expect(a).not.toBe(b);
    expect(a).toBe(c);
  });
});
