import { type RandomStream, shuffleInPlace } from '../random/seedStreams.ts';
import type { SplitSpec } from '../spec/setup.ts';
import type { LabelledTable } from './table.ts';

export interface RowSplit {
  train: Int32Array;
  test: Int32Array;
}

/** test = rows with index % k == r. */
export function indexModSplit(rows: number, k: number, r: number): RowSplit {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < rows; i++) (i % k === r ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

/**
 * Seeded stratified split: within each class, a shuffle from the `split` stream picks
 * round(count * testFraction) test rows. Both sides come back in ascending row order, and their
 * sizes depend only on the class counts, so every seed of a study gets the same sizes.
 */
export function stratifiedSplit(labels: Int32Array, classes: number, testFraction: number, split: RandomStream): RowSplit {
  const isTest = new Uint8Array(labels.length);
  for (let c = 0; c < classes; c++) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === c) members.push(i);
    shuffleInPlace(members, split);
    const nTest = Math.round(members.length * testFraction);
    for (let i = 0; i < nTest; i++) isTest[members[i]] = 1;
  }
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < labels.length; i++) (isTest[i] ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

export function splitRows(table: LabelledTable, spec: SplitSpec, split: RandomStream): RowSplit {
  return spec.kind === 'index-mod'
    ? indexModSplit(table.rows, spec.k, spec.r)
    : stratifiedSplit(table.y, table.classes, spec.testFraction, split);
}
