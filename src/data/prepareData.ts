import type { RandomStream } from '../random/seedStreams.ts';
import type { DatasetSpec, ScalingSpec, SplitSpec } from '../spec/setup.ts';
import { loadBundledTable } from './bundled.ts';
import { providedTable } from './providedDatasets.ts';
import { fitScaling, scaleRows } from './scaling.ts';
import { splitRows } from './split.ts';
import { makeSynthetic } from './synthetic.ts';
import type { LabelledTable, PreparedData } from './table.ts';

export function loadTable(spec: DatasetSpec, data: RandomStream): LabelledTable {
  if (spec.name === 'upload') return providedTable(spec.id);
  return 'samples' in spec ? makeSynthetic(spec.name, spec, data) : loadBundledTable(spec.name);
}

/**
 * Dataset -> split -> scaling, each step driven by its own stream. `selectTrain` narrows the
 * training rows before scaling (data-size studies train on subsets); scaling statistics always
 * come from the rows that train.
 */
export function prepareData(
  spec: { dataset: DatasetSpec; split: SplitSpec; scaling: ScalingSpec },
  streams: { data: RandomStream; split: RandomStream },
  selectTrain?: (train: Int32Array, table: LabelledTable) => Int32Array,
): PreparedData {
  const table = loadTable(spec.dataset, streams.data);
  const rows = splitRows(table, spec.split, streams.split);
  const test = rows.test;
  const train = selectTrain ? selectTrain(rows.train, table) : rows.train;
  const scaling = fitScaling(table, train, spec.scaling);
  return {
    features: table.features,
    classes: table.classes,
    trainX: scaleRows(table, train, scaling),
    trainY: train.map((r) => table.y[r]),
    testX: scaleRows(table, test, scaling),
    testY: test.map((r) => table.y[r]),
    trainRows: train,
    testRows: test,
  };
}
