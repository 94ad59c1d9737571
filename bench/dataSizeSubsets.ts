import { type ClassicModelName, DEFAULT_CLASSIC_OPTIONS, fitClassic } from '../src/classic/classifiers.ts';
import { prepareData } from '../src/data/prepareData.ts';
import type { PreparedData } from '../src/data/table.ts';
import { findPreset, parseSpecOfKind } from '../src/index.ts';
import { seedStreams } from '../src/random/seedStreams.ts';
import { stratifiedSubset } from '../src/studies/data-size/index.ts';
import type { DataSizeSpec } from '../src/studies/data-size/spec.ts';

/** One fit of a data-size study: its training subset (row indices into the table) and its prepared data. */
export interface SubsetFit {
  size: number;
  seed: number;
  rows: number[];
  data: PreparedData;
}

/** A data-size preset's spec and every (size, seed) subset, drawn as the study draws them. */
export function dataSizeSubsets(preset: string): { spec: DataSizeSpec; fits: SubsetFit[] } {
  const found = findPreset(preset);
  if (!found) throw new Error(`no preset ${preset}`);
  const spec = parseSpecOfKind(found.spec, 'data-size');
  const fits: SubsetFit[] = [];
  for (const size of spec.sizes)
    for (const seed of spec.seeds) {
      const streams = seedStreams(seed);
      let rows: number[] = [];
      const data = prepareData(spec, streams, (train, table) => {
        const subset = stratifiedSubset(train, table.y, table.classes, size, streams.split);
        rows = [...subset];
        return subset;
      });
      fits.push({ size, seed, rows, data });
    }
  return { spec, fits };
}

/**
 * One classic model fitted on a subset and asked for its test predictions, as the study fits it (the
 * seed's init stream, the spec's options), with the time of the fit and the prediction together.
 */
export function timedClassicFit(model: ClassicModelName, spec: DataSizeSpec, { seed, data }: SubsetFit) {
  const train = { x: data.trainX, y: data.trainY, rows: data.trainY.length, features: data.features, classes: data.classes };
  const started = performance.now();
  const predictions = fitClassic(model, train, seedStreams(seed).init, { ...DEFAULT_CLASSIC_OPTIONS, ...spec }).predict(
    data.testX,
    data.testY.length,
  );
  return { predictions, seconds: (performance.now() - started) / 1000 };
}
