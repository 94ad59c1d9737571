import type { TreeData as TrainingRows } from './decisionTree.ts';

/**
 * k nearest neighbours, by brute force on typed arrays, as scikit-learn's KNeighborsClassifier runs
 * on digits (algorithm "auto" takes brute force above 15 features): squared Euclidean distances in
 * float64, the k nearest rows (equal distances: the earlier row first), then the most common class
 * among them, a tie going to the lowest class (scipy's mode). Written here rather than ml.js's
 * ml-knn, which builds a k-d tree that 64 features defeat (38 times scikit-learn's time on the
 * digits-data-size fits) and breaks ties its own way (382 of 4,490 test predictions differed at 50 rows).
 */
export interface Knn {
  train: TrainingRows;
  /** The training rows widened to float64 (exact): the same differences, read without a conversion each time. */
  x: Float64Array;
  k: number;
}

export const fitKnn = (train: TrainingRows, k: number): Knn => ({
  train,
  x: Float64Array.from(train.x),
  k: Math.max(1, Math.min(k, train.rows)),
});

export function predictKnn(model: Knn, rowsX: Float32Array, rows: number): Int32Array {
  const { train, k } = model;
  const { features } = train;
  const x = Float64Array.from(rowsX);
  const trainX = model.x;
  const nearest = new Int32Array(k);
  const nearestDistance = new Float64Array(k);
  const votes = new Int32Array(train.classes);
  return Int32Array.from({ length: rows }, (_, r) => {
    let kept = 0;
    const row = r * features;
    for (let t = 0; t < train.rows; t++) {
      const other = t * features;
      // Once k rows are kept, a partial sum already at the k-th distance can only grow: that row is out.
      const bound = kept === k ? nearestDistance[k - 1] : Infinity;
      let d = 0;
      for (let f = 0; f < features && d < bound; f++) {
        const diff = x[row + f] - trainX[other + f];
        d += diff * diff;
      }
      if (d >= bound) continue;
      // Insert in order of distance; an equal distance goes after the rows already kept (earlier rows first).
      let at = kept < k ? kept++ : k - 1;
      while (at > 0 && nearestDistance[at - 1] > d) {
        nearestDistance[at] = nearestDistance[at - 1];
        nearest[at] = nearest[at - 1];
        at--;
      }
      nearestDistance[at] = d;
      nearest[at] = t;
    }
    votes.fill(0);
    for (let i = 0; i < kept; i++) votes[train.y[nearest[i]]]++;
    let best = 0;
    for (let c = 1; c < train.classes; c++) if (votes[c] > votes[best]) best = c;
    return best;
  });
}
