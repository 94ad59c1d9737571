/**
 * The engine in the reader's browser, loaded by the verify panel on click only (a separate chunk):
 * the same TensorFlow.js build and, for wasm, the same SIMD binary the Worker trains with, served
 * by this site. Nothing here talks to another origin.
 */
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import {
  type ArmName,
  type BackendName,
  type CheckableRun,
  checkableRunOfRows,
  checkableRuns,
  isTrainedDocument,
  parseStoredDocument,
  provideDataset,
  type RetrainedRun,
  readDatasetCsv,
  registerFusedKernels,
  registerWasmBackend,
  retrainSeed,
  runRowsFromCsv,
  type StudyDocument,
  studySeeds,
  type TrainingProgress,
  uploadedDatasetIds,
  useBackend,
  validateWithoutEval,
} from '../../../src/index.ts';
import kernelsUrl from '../../../src/kernels/build/seedlab-mlp.wasm?url';

const SIMD_BINARY = 'tfjs-backend-wasm-simd.wasm';
let wasmRegistered: Promise<void> | null = null;

/** Compiles the wasm binaries from this site, tfjs's and the fused kernels (CSP: 'wasm-unsafe-eval' on this page only), and hands them to the engine. */
function registerWasm(): Promise<void> {
  wasmRegistered ??= (async () => {
    const [backend, kernels] = await Promise.all(
      [wasmUrl, kernelsUrl].map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url} did not load (${response.status})`);
        return WebAssembly.compile(await response.arrayBuffer());
      }),
    );
    registerWasmBackend(backend, 'simd');
    registerFusedKernels(kernels);
  })();
  return wasmRegistered;
}

async function startBackend(doc: StudyDocument): Promise<void> {
  if (!isTrainedDocument(doc)) throw new Error(`study ${doc.id} holds imported runs: there is nothing to re-train`);
  const backend = doc.environment.backend as BackendName;
  if (backend === 'wasm') {
    if (doc.environment.wasmBinary && doc.environment.wasmBinary !== SIMD_BINARY)
      throw new Error(`the study ran the ${doc.environment.wasmBinary} binary; this page loads ${SIMD_BINARY}`);
    await registerWasm();
  }
  await useBackend(backend);
}

/** The study's document, from this site's API, validated as the Worker validates it. */
export async function fetchStudy(id: string): Promise<StudyDocument> {
  const response = await fetch(`/api/studies/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as { document?: unknown; error?: string } | null;
  if (!response.ok || !body?.document) throw new Error(body?.error ?? `the study's document did not load (${response.status})`);
  const parsed = parseStoredDocument(body.document);
  if (!parsed.success) throw new Error(parsed.error);
  return parsed.data;
}

/**
 * The uploaded tables the study trains on, from this site (the API, or the file a static export
 * writes at the same path), read and checked against their ids, handed to the engine.
 */
async function provideUploadedTables(doc: StudyDocument): Promise<void> {
  for (const id of uploadedDatasetIds(doc.spec)) {
    const response = await fetch(`/api/datasets/${id}.csv`);
    if (!response.ok) throw new Error(`the uploaded table ${id} did not load (${response.status})`);
    const dataset = await readDatasetCsv(await response.text());
    if (dataset.id !== id) throw new Error(`the table at /api/datasets/${id}.csv reads as dataset ${dataset.id}`);
    provideDataset(dataset);
  }
}

/** Trains one seed of the study here, giving the page a moment to paint after each epoch. */
export async function retrainInBrowser(
  doc: StudyDocument,
  run: { arm: ArmName | null; seed: number },
  onEpoch: (progress: TrainingProgress) => void,
): Promise<RetrainedRun> {
  validateWithoutEval();
  await provideUploadedTables(doc);
  await startBackend(doc);
  return retrainSeed(doc, run, {
    onEpoch: async (progress) => {
      onEpoch(progress);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  });
}

/**
 * The stored run of this seed (of this arm), if the study ran it: from the document where it lists
 * it, else from this site's API (`runs?seed=`), else from the file a static export writes of
 * `runs.csv` (it has no API).
 */
export async function storedRun(doc: StudyDocument, arm: ArmName | null, seed: number): Promise<CheckableRun | null> {
  const listed = checkableRuns(doc)?.find((r) => r.arm === arm && r.seed === seed);
  if (listed) return listed;
  if (!studySeeds(doc)?.includes(seed)) return null;
  const base = `/api/studies/${encodeURIComponent(doc.id)}/runs`;
  const page = await fetch(`${base}?seed=${seed}`, { headers: { accept: 'application/json' } }).catch(() => null);
  const body = page?.ok ? ((await page.json().catch(() => null)) as { runs?: Record<string, unknown>[] } | null) : null;
  if (body?.runs) return checkableRunOfRows(body.runs, arm, seed);
  // A static export has the runs as a file beside the document (cli/exportSite.ts).
  const csv = await fetch(`/api/studies/${encodeURIComponent(doc.id)}.runs.csv`);
  if (!csv.ok) throw new Error(`the study's runs did not load (${csv.status})`);
  return checkableRunOfRows(runRowsFromCsv(await csv.text()), arm, seed);
}

/** Where a new seed's accuracy lands among the study's (the panel words it). */
export { rankAmongStudy } from '../../../src/index.ts';
