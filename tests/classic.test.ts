import { describe, expect, it } from 'vitest';
import { CLASSIC_MODELS, DEFAULT_CLASSIC_OPTIONS, fitClassic } from '../src/classic/classifiers.ts';
import { fitTree, predictTree } from '../src/classic/decisionTree.ts';
import { prepareData } from '../src/data/prepareData.ts';
import { createStream, seedStreams } from '../src/random/seedStreams.ts';

const iris = prepareData(
  { dataset: { name: 'iris' }, split: { kind: 'index-mod', k: 5, r: 0 }, scaling: { kind: 'standardize' } },
  seedStreams(1),
);
const train = { x: iris.trainX, y: iris.trainY, rows: iris.trainY.length, features: 4, classes: 3 };
const accuracy = (pred: Int32Array) => pred.filter((p, i) => p === iris.testY[i]).length / iris.testY.length;

describe('classic models', () => {
  it('a fully grown tree fits its training data exactly when rows are distinct', () => {
    const data = { x: Float32Array.from([0, 0, 1, 1, 0, 1, 1, 0]), y: Int32Array.from([0, 0, 1, 1]), rows: 4, features: 2, classes: 2 };
    // XOR needs two levels: a greedy Gini tree still separates it when grown fully.
    const tree = fitTree(data, Int32Array.from([0, 1, 2, 3]), { stream: createStream(1) });
    expect([0, 1, 2, 3].map((r) => predictTree(tree, data.x, r, 2))).toEqual([0, 0, 1, 1]);
  });

  it.each(CLASSIC_MODELS)('%s learns iris (> 85%% test accuracy) without Math.random', (name) => {
    const real = Math.random;
    Math.random = () => {
      throw new Error('Math.random called');
    };
    try {
      const model = fitClassic(name, train, createStream(7));
      expect(accuracy(model.predict(iris.testX, iris.testY.length))).toBeGreaterThan(0.85);
    } finally {
      Math.random = real;
    }
  });

  it('a random forest depends on its seed, and the same seed repeats it', () => {
    const a = fitClassic('random-forest', train, createStream(1), { ...DEFAULT_CLASSIC_OPTIONS, forestTrees: 10 }).parameters();
    const b = fitClassic('random-forest', train, createStream(2), { ...DEFAULT_CLASSIC_OPTIONS, forestTrees: 10 }).parameters();
    const a2 = fitClassic('random-forest', train, createStream(1), { ...DEFAULT_CLASSIC_OPTIONS, forestTrees: 10 }).parameters();
    expect(a).toEqual(a2);
    expect(a).not.toEqual(b);
  });

  it('a tie between features goes to the one the seed visits first (as in scikit-learn)', () => {
    // Both features split these rows perfectly at 0.5: the root's feature is whichever is visited first.
    const data = { x: Float32Array.from([0, 0, 0, 0, 1, 1, 1, 1]), y: Int32Array.from([0, 0, 1, 1]), rows: 4, features: 2, classes: 2 };
    const roots = Array.from(
      { length: 20 },
      (_, s) => fitTree(data, Int32Array.from([0, 1, 2, 3]), { stream: createStream(s + 1) }).feature[0],
    );
    expect(new Set(roots)).toEqual(new Set([0, 1])); // both orders occur among 20 seeds (all alike: p = 2^-19)
  });

  it('a forest keeps drawing past a feature that is constant in the node, instead of making an impure leaf', () => {
    // Feature 0 is constant, feature 1 separates the classes. With one feature per split, a draw of
    // feature 0 alone would leave the root unsplit and classify half the rows wrong.
    const data = { x: Float32Array.from([5, 0, 5, 0, 5, 1, 5, 1]), y: Int32Array.from([0, 0, 1, 1]), rows: 4, features: 2, classes: 2 };
    for (let s = 1; s <= 20; s++) {
      const tree = fitTree(data, Int32Array.from([0, 1, 2, 3]), { featuresPerSplit: 1, stream: createStream(s) });
      expect(
        [0, 1, 2, 3].map((r) => predictTree(tree, data.x, r, 2)),
        `seed ${s}`,
      ).toEqual([0, 0, 1, 1]);
    }
  });
});
