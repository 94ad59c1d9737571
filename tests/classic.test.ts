import { describe, expect, it } from 'vitest';
import { CLASSIC_MODELS, fitClassic } from '../src/classic/classifiers.ts';
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
    const tree = fitTree(data, Int32Array.from([0, 1, 2, 3]));
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

  it('a random forest depends on its seed; a tree does not', () => {
    const a = fitClassic('random-forest', train, createStream(1), { knnK: 5, forestTrees: 10 }).parameters();
    const b = fitClassic('random-forest', train, createStream(2), { knnK: 5, forestTrees: 10 }).parameters();
    const a2 = fitClassic('random-forest', train, createStream(1), { knnK: 5, forestTrees: 10 }).parameters();
    expect(a).toEqual(a2);
    expect(a).not.toEqual(b);
    expect(fitClassic('decision-tree', train, createStream(1)).parameters()).toEqual(
      fitClassic('decision-tree', train, createStream(2)).parameters(),
    );
  });
});
