import type { PreparedData } from '../data/table.ts';
import { type RandomStream, shuffleInPlace } from '../random/seedStreams.ts';

/** One step's inputs for every seed of a group, built in JS (cheaper than tf.gather per step). */
export interface GroupBatch {
  /** Rows per seed in this batch (the last batch of an epoch may be short). */
  rows: number;
  x: Float32Array;
  oneHot: Float32Array;
  labels: Int32Array;
  /** Inverted-dropout masks per hidden layer, or null without dropout. */
  masks: Float32Array[] | null;
  /** [S, rows]: the training row at each place of each seed's batch. */
  indices: Int32Array;
}

export interface BatchSource {
  data: PreparedData;
  dropout: RandomStream;
  /** With shuffled reductions: the stream that places the batch's rows (null: in shuffle order). */
  reduction: RandomStream | null;
}

/**
 * Each seed's next `rows` shuffled rows, one-hot labels and dropout masks (a fresh mask every step,
 * from each seed's stream): buildIndexBatch's rows, copied out of each seed's training set.
 */
export function buildBatch(
  members: BatchSource[],
  order: Int32Array[],
  start: number,
  rows: number,
  sizes: number[],
  dropout: number,
): GroupBatch {
  const { indices, masks } = buildIndexBatch(members, order, start, rows, sizes, dropout);
  const F = sizes[0];
  const C = sizes[sizes.length - 1];
  const x = new Float32Array(indices.length * F);
  const oneHot = new Float32Array(indices.length * C);
  const labels = new Int32Array(indices.length);
  for (let at = 0; at < indices.length; at++) {
    const { trainX, trainY } = members[Math.floor(at / rows)].data;
    const row = indices[at];
    x.set(trainX.subarray(row * F, (row + 1) * F), at * F);
    oneHot[at * C + trainY[row]] = 1;
    labels[at] = trainY[row];
  }
  return { rows, x, oneHot, labels, masks, indices };
}

/** A step's batch as row indices into each seed's training set (the fused path uploads the data once). */
export interface IndexBatch {
  rows: number;
  /** [S, rows]: the training row at each place of each seed's batch. */
  indices: Int32Array;
  masks: Float32Array[] | null;
}

/**
 * Each seed's next `rows` shuffled rows as indices into its training set, and its dropout masks (a
 * fresh mask every step, from each seed's stream). With shuffled reductions, the rows then move to
 * other places in the batch, each with its own mask: the same pairs, summed in another order.
 */
export function buildIndexBatch(
  members: BatchSource[],
  order: Int32Array[],
  start: number,
  rows: number,
  sizes: number[],
  dropout: number,
): IndexBatch {
  const S = members.length;
  const indices = new Int32Array(S * rows);
  const places = members.map((m) => placesInBatch(rows, m.reduction));
  for (let s = 0; s < S; s++) for (let i = 0; i < rows; i++) indices[s * rows + places[s][i]] = order[s][start + i];
  return { rows, indices, masks: dropout > 0 ? dropoutMasks(members, places, sizes, rows, 1 - dropout) : null };
}

/** Where each of a batch's rows goes: in order, or a permutation from the reduction stream. */
function placesInBatch(rows: number, reduction: RandomStream | null): Int32Array {
  const places = new Int32Array(rows);
  for (let i = 0; i < rows; i++) places[i] = i;
  if (reduction) shuffleInPlace(places, reduction);
  return places;
}

/** Masks drawn in row order (each row keeps its mask wherever it goes) and stored at the row's place. */
function dropoutMasks(members: BatchSource[], places: Int32Array[], sizes: number[], rows: number, keepProb: number): Float32Array[] {
  const S = members.length;
  const hidden = sizes.slice(1, -1);
  const masks = hidden.map((w) => new Float32Array(S * rows * w));
  for (let s = 0; s < S; s++) {
    const stream = members[s].dropout;
    hidden.forEach((w, l) => {
      const mask = masks[l];
      for (let i = 0; i < rows; i++) {
        const at = (s * rows + places[s][i]) * w;
        for (let u = 0; u < w; u++) mask[at + u] = stream.nextFloat() < keepProb ? 1 / keepProb : 0;
      }
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
