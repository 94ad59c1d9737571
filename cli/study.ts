import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  BackendName,
  bringsRuns,
  combineStudy,
  DatasetError,
  DEFAULT_GROUP_SIZE,
  findPreset,
  isTrainedSpec,
  PRESETS,
  parseStudySpec,
  provideDataset,
  readDatasetCsv,
  readImportRequest,
  runStudy,
  type StudyDocument,
  type StudySpec,
  uploadedDatasetIds,
  usingImportedRuns,
} from '../src/index.ts';
import { useNodeBackend } from './nodeBackends.ts';
import { createProgressBar } from './progressBar.ts';
import { exitWith, finishStudy, UsageError } from './studyOutput.ts';
import { defaultThreads, groupSizeFor, isUnitTrainer, runStudyOnThreads } from './unitThreads.ts';

const USAGE = `usage: npm run study -- <preset-name | path/to/spec.json> [--data table.csv [--label column]] [--json out.json]
                     [--backend cpu|wasm] [--threads N] [--group-size N]
       npm run study -- --list`;

function loadSpecInput(target: string): unknown {
  const preset = findPreset(target);
  if (preset) return preset.spec;
  if (!target.endsWith('.json')) {
    throw new UsageError(`"${target}" is neither a preset nor a .json spec file. Presets: ${PRESETS.map((p) => p.name).join(', ')}`);
  }
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${target}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${target} is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * The table a spec's `{ name: "upload", id }` names, read from `--data` (as POST /api/datasets reads
 * it) and handed to the engine; its canonical CSV, for the training threads. The file must be the
 * spec's dataset: the same id, computed from its content.
 */
async function uploadedTablesOf(spec: StudySpec, file: string | undefined, label: string | undefined): Promise<string[]> {
  const ids = uploadedDatasetIds(spec);
  if (file === undefined) {
    if (ids.length) throw new UsageError(`the spec trains on the uploaded dataset ${ids[0]}: pass its table with --data file.csv`);
    if (label !== undefined) throw new UsageError('--label names a column of the --data table: pass --data too');
    return [];
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  let dataset: Awaited<ReturnType<typeof readDatasetCsv>>;
  try {
    dataset = await readDatasetCsv(text, label);
  } catch (e) {
    if (e instanceof DatasetError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
  if (!ids.length)
    throw new UsageError(
      `${file} is dataset ${dataset.id}; the spec trains on none: set "dataset": { "name": "upload", "id": "${dataset.id}" } to train on it`,
    );
  if (!ids.includes(dataset.id))
    throw new UsageError(
      `${file} is dataset ${dataset.id}, not the spec's ${ids.join(', ')} (the id is the SHA-256 of the canonical table)`,
    );
  provideDataset(dataset);
  console.log(
    `${file}: dataset ${dataset.id}, ${dataset.table.rows} rows, ${dataset.table.features} features, ${dataset.table.classes} classes`,
  );
  return [dataset.canonicalCsv];
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'string' },
      backend: { type: 'string' },
      'group-size': { type: 'string' },
      threads: { type: 'string' },
      list: { type: 'boolean' },
      data: { type: 'string' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.list) {
    for (const p of PRESETS) console.log(`${p.name.padEnd(20)} ${p.description}`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const input = loadSpecInput(positionals[0]) as Record<string, unknown>;
  if (values.backend !== undefined) {
    const parsed = BackendName.safeParse(values.backend);
    if (!parsed.success) throw new UsageError(`--backend must be cpu or wasm, not "${values.backend}"`);
  }
  if (bringsRuns(input)) {
    // Runs trained elsewhere: nothing to train; the document is measured from them here, as the Worker does.
    const started = performance.now();
    const imported = await readImportRequest(input);
    const spec = parseStudySpec(imported.spec);
    const doc = await usingImportedRuns([imported], () => combineStudy(spec, []));
    return finishStudy(doc, (performance.now() - started) / 1000, values.json);
  }
  const spec = parseStudySpec(values.backend ? { ...input, backend: values.backend } : input);
  if (!isTrainedSpec(spec)) throw new UsageError('a study of imported runs needs its runs: pass the spec with its arms and runs inline');
  const tables = await uploadedTablesOf(spec, values.data, values.label);
  const threads = values.threads === undefined ? defaultThreads() : Number(values.threads);
  if (!(Number.isInteger(threads) && threads >= 1)) throw new UsageError('--threads must be a positive integer');
  // More threads than one: seeds in groups small enough that every thread has work.
  const groupSize =
    values['group-size'] === undefined ? (threads > 1 ? groupSizeFor(spec, threads) : DEFAULT_GROUP_SIZE) : Number(values['group-size']);
  if (!(Number.isInteger(groupSize) && groupSize >= 1)) throw new UsageError('--group-size must be a positive integer');

  const bar = createProgressBar(`training (${spec.backend}${threads > 1 ? `, ${threads} threads` : ''})`);
  const onProgress = (p: { fraction: number; runsDone: number; runsTotal: number }) =>
    bar.update(p.fraction, 1, `runs ${p.runsDone}/${p.runsTotal}`);
  let doc: StudyDocument;
  if (threads > 1) doc = await runStudyOnThreads(spec, { threads, groupSize, onProgress, tables });
  else {
    await useNodeBackend(spec.backend);
    doc = await runStudy(spec, { groupSize, switchBackend: useNodeBackend, onProgress });
  }
  return finishStudy(doc, bar.finish(), values.json);
}

// In a training thread this module only serves units (cli/unitThreads.ts).
if (!isUnitTrainer) exitWith(main(process.argv.slice(2)));
