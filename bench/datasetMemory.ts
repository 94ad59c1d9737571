/**
 * The memory an uploaded table at the limit costs (README "Your data"): a Worker isolate has 128 MB
 * for its JS heap and wasm memory together. This reads a table of 1,000,000 cells as the API does
 * (decode, parse, canonical form, description), then as the consumer does (parse again, plan, train
 * one unit on wasm), and records the V8 heap and the ArrayBuffers (wasm memory included) after each
 * step, and the process's peak resident set over the idle engine. Node runs the same V8 and the same
 * engine code as workerd; it cannot count workerd's own overhead, so the margin kept is large.
 *
 *   npm run bench:dataset-memory   -> bench/reference/dataset-memory.json
 */
import { writeFileSync } from 'node:fs';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { DATASET_LIMITS, describeDataset, parseSpecOfKind, planStudy, provideDataset, readDatasetCsv, runStudyUnit } from '../src/index.ts';

const MB = 1024 * 1024;
const FEATURES = 64;
// 64 features and a label: 65 cells a row; as many rows as the cell limit allows.
const ROWS = Math.floor(DATASET_LIMITS.maxCells / (FEATURES + 1));

/** A digits-like table: pixel values 0 to 16, ten classes, from a fixed linear congruential stream. */
function tableAtTheLimit(): string {
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  const lines = [[...Array.from({ length: FEATURES }, (_, f) => `p${f}`), 'digit'].join(',')];
  for (let r = 0; r < ROWS; r++) {
    const cells = Array.from({ length: FEATURES }, () => String(next() % 17));
    cells.push(String(r % 10));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

const sample = (step: string) => {
  const m = process.memoryUsage();
  return {
    step,
    heapUsedMB: +(m.heapUsed / MB).toFixed(1),
    arrayBuffersMB: +(m.arrayBuffers / MB).toFixed(1),
    rssMB: +(m.rss / MB).toFixed(1),
  };
};

async function main() {
  await useNodeBackend('wasm');
  const idlePeakRss = process.resourceUsage().maxRSS / 1024;
  const samples = [sample('engine started')];
  const text = tableAtTheLimit();
  const bytes = new TextEncoder().encode(text);
  samples.push(sample(`table text (${(bytes.length / MB).toFixed(2)} MB, ${ROWS} rows x ${FEATURES + 1} cells)`));
  // The API: strict UTF-8 decode, read, describe.
  const read = await readDatasetCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  const description = describeDataset(read, 'limit');
  samples.push(sample('read and described (the upload)'));
  // The consumer: the stored canonical table read again, handed to the engine, one unit trained.
  const stored = await readDatasetCsv(read.canonicalCsv);
  provideDataset(stored);
  samples.push(sample('canonical table read again (the consumer)'));
  const spec = parseSpecOfKind(
    {
      dataset: { name: 'upload', id: stored.id },
      split: { kind: 'stratified', testFraction: 0.25 },
      scaling: { kind: 'divide', by: 16 },
      model: { hidden: [32] },
      training: { optimizer: { kind: 'adam', lr: 0.001 }, batchSize: 32, epochs: 1 },
      seeds: 1,
    },
    'seed-variance',
  );
  const unit = planStudy(spec, 1)[0];
  const started = performance.now();
  await runStudyUnit(spec, unit, { switchBackend: useNodeBackend });
  const seconds = (performance.now() - started) / 1000;
  samples.push(sample('one unit trained (1 seed, 1 epoch, wasm)'));
  const peakRss = process.resourceUsage().maxRSS / 1024;
  const result = {
    note: 'Node (same V8, same engine) as a stand-in for workerd; run on an idle machine',
    table: { rows: ROWS, cells: ROWS * (FEATURES + 1), bytes: bytes.length, classes: description.classes.length },
    samples,
    peakRssOverIdleEngineMB: +(peakRss - idlePeakRss).toFixed(1),
    unitSeconds: +seconds.toFixed(2),
  };
  console.log(JSON.stringify(result, null, 2));
  writeFileSync('bench/reference/dataset-memory.json', `${JSON.stringify(result, null, 2)}\n`);
}

await main();
