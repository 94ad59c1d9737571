import type { PreparedData } from '../data/table.ts';
import type { RandomStream } from '../random/seedStreams.ts';

/** One step's inputs for every seed of a group, built in JS (cheaper than tf.gather per step). */
export interface GroupBatch {
  /** Rows per seed in this batch (the last batch of an epoch may be short). */
  rows: number;
  x: Float32Array;
  oneHot: Float32Array;
  labels: Int32Array;
  /** Inverted-dropout masks per hidden layer, or null without dropout. */
  masks: Float32Array[] | null;
}

export interface BatchSource {
  data: PreparedData;
  dropout: RandomStream;
}

/** Each seed's next `rows` shuffled rows, one-hot labels and dropout masks (a fresh mask every step, from each seed's stream). */
export function buildBatch(
  members: BatchSource[],
  order: Int32Array[],
  start: number,
  rows: number,
  sizes: number[],
  dropout: number,
): GroupBatch {
  const S = members.length;
  const F = sizes[0];
  const C = sizes[sizes.length - 1];
  const x = new Float32Array(S * rows * F);
  const oneHot = new Float32Array(S * rows * C);
  const labels = new Int32Array(S * rows);
  for (let s = 0; s < S; s++) {
    const { trainX, trainY } = members[s].data;
    for (let i = 0; i < rows; i++) {
      const row = order[s][start + i];
      const at = s * rows + i;
      for (let f = 0, src = row * F, dst = at * F; f < F; f++) x[dst + f] = trainX[src + f];
      oneHot[at * C + trainY[row]] = 1;
      labels[at] = trainY[row];
    }
  }
  return { rows, x, oneHot, labels, masks: dropout > 0 ? dropoutMasks(members, sizes, rows, 1 - dropout) : null };
}

function dropoutMasks(members: BatchSource[], sizes: number[], rows: number, keepProb: number): Float32Array[] {
  const S = members.length;
  const hidden = sizes.slice(1, -1);
  const masks = hidden.map((w) => new Float32Array(S * rows * w));
  for (let s = 0; s < S; s++) {
    const stream = members[s].dropout;
    hidden.forEach((w, l) => {
      const mask = masks[l];
      for (let k = s * rows * w; k < (s + 1) * rows * w; k++) mask[k] = stream.nextFloat() < keepProb ? 1 / keepProb : 0;
    });
  }
  return masks;
}

export function stackLabels(arrays: Int32Array[]): Int32Array {
  const out = new Int32Array(arrays.length * arrays[0].length);
  arrays.forEach((a, s) => void out.set(a, s * a.length));
  return out;
}

export function oneHotRows(labelSets: Int32Array[], classes: number): Float32Array {
  const n = labelSets[0].length;
  const out = new Float32Array(labelSets.length * n * classes);
  labelSets.forEach((labels, s) => {
    labels.forEach((c, i) => {
      out[(s * n + i) * classes + c] = 1;
    });
  });
  return out;
}
