/**
 * A study's units trained on several cores: worker threads started from this same bundled module
 * (scripts/run-ts.mjs bundles the CLI into one file, so a worker runs exactly the code the main
 * thread runs), each with its own engine and backend, each training whole units; the main thread
 * combines the parts in unit order, as the Worker's combine does. A unit's runs do not depend on
 * which thread or group trained them, so the document is the one a single thread makes.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  combineStudy,
  DEFAULT_GROUP_SIZE,
  estimateUnits,
  planStudy,
  provideDataset,
  readDatasetCsv,
  runStudyUnit,
  type StudyDocument,
  type StudySpec,
  type StudyUnit,
  trainedBackend,
  type UnitOutcome,
} from '../src/index.ts';
import { useNodeBackend } from './nodeBackends.ts';

const ROLE = 'seedlab-unit-trainer';

type ToTrainer = { unit: StudyUnit; index: number } | { done: true };
type FromTrainer = { index: number; epoch: number; epochs: number } | { index: number; outcome: UnitOutcome } | { error: string };

export const defaultThreads = () => availableParallelism();

/**
 * The seeds per unit for `threads` threads: the engine's group size, or smaller so that every thread
 * gets at least one unit of the main work (seeds train fastest in large groups, so no smaller).
 */
export function groupSizeFor(spec: StudySpec, threads: number): number {
  for (let size = DEFAULT_GROUP_SIZE; size > 1; size--) if (planStudy(spec, size).length >= 2 * threads) return size;
  return 1;
}

export interface ThreadedProgress {
  runsDone: number;
  runsTotal: number;
  fraction: number;
}

/** Trains the study's units on `threads` worker threads and combines them. */
export async function runStudyOnThreads(
  spec: StudySpec,
  options: { threads: number; groupSize: number; onProgress?: (p: ThreadedProgress) => void; tables?: string[] },
): Promise<StudyDocument> {
  const units = planStudy(spec, options.groupSize);
  // Every unit prepares its data here first, as runStudy does: a spec that cannot train is a SpecError
  // naming the field, before any thread starts.
  estimateUnits(spec, units);
  const runsTotal = units.reduce((n, u) => n + u.seeds.length, 0);
  const outcomes: (UnitOutcome | undefined)[] = Array(units.length);
  const partial = new Map<number, number>(); // unit index -> fraction of its epochs done
  let runsDone = 0;
  const report = () => {
    let inFlight = 0;
    for (const [i, f] of partial) inFlight += units[i].seeds.length * f;
    options.onProgress?.({ runsDone, runsTotal, fraction: (runsDone + inFlight) / runsTotal });
  };
  let next = 0;
  const trainers = Array.from({ length: Math.min(options.threads, units.length) }, () => {
    // Each thread has an engine of its own: it is handed the uploaded tables too (their canonical CSV).
    const worker = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, spec, tables: options.tables ?? [] } });
    return new Promise<void>((resolve, reject) => {
      const give = () => {
        if (next >= units.length) return worker.postMessage({ done: true } satisfies ToTrainer);
        const index = next++;
        worker.postMessage({ unit: units[index], index } satisfies ToTrainer);
      };
      worker.on('message', (m: FromTrainer) => {
        if ('error' in m) return reject(new Error(m.error));
        if ('outcome' in m) {
          outcomes[m.index] = m.outcome;
          partial.delete(m.index);
          runsDone += units[m.index].seeds.length;
          report();
          return give();
        }
        partial.set(m.index, m.epoch / m.epochs);
        report();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a training thread exited with code ${code}`))));
      give();
    });
  });
  await Promise.all(trainers);
  return combineStudy(
    spec,
    units.map((unit, i) => {
      const outcome = outcomes[i];
      if (!outcome) throw new Error(`unit ${i} was not trained`);
      return { unit, ...outcome };
    }),
  );
}

/** In a training thread: trains the units it is given until told it is done. */
async function serveUnits(spec: StudySpec, tables: string[]) {
  const port = parentPort;
  if (!port) return;
  for (const table of tables) provideDataset(await readDatasetCsv(table));
  await useNodeBackend(trainedBackend(spec));
  port.on('message', async (m: ToTrainer) => {
    if ('done' in m) return process.exit(0);
    try {
      const outcome = await runStudyUnit(spec, m.unit, {
        switchBackend: useNodeBackend,
        onEpoch: (p) => port.postMessage({ index: m.index, epoch: p.epoch, epochs: p.epochs } satisfies FromTrainer),
      });
      port.postMessage({ index: m.index, outcome } satisfies FromTrainer);
    } catch (e) {
      port.postMessage({ error: (e as Error).stack ?? String(e) } satisfies FromTrainer);
    }
  });
}

/** True in a training thread: the CLI's entry then serves units instead of running its main. */
export const isUnitTrainer = !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
if (isUnitTrainer) {
  const { spec, tables } = workerData as { spec: StudySpec; tables: string[] };
  await serveUnits(spec, tables);
}
