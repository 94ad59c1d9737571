/**
 * `npm run verify -- <report URL | study id>`: fetches a finished study from the API, re-trains the
 * chosen seeds here with the same engine, and compares each fingerprint with the stored one.
 * Exit codes: 0 every seed matches, 1 a mismatch, 2 the study cannot be checked (unknown,
 * unfinished, another engine version, a kind without single-seed runs, bad arguments).
 */
import { parseArgs } from 'node:util';
import { formatFor } from '../site/src/presentation/index.ts';
import {
  type ArmName,
  BackendName,
  type CheckableRun,
  checkableRunOfRows,
  checkableRuns,
  ENGINE_VERSION,
  isTrainedDocument,
  parseStoredDocument,
  provideDataset,
  readDatasetCsv,
  retrainSeed,
  STUDY_ID,
  STUDY_ID_PATTERN,
  type StudyDocument,
  studySeeds,
  uploadedDatasetIds,
} from '../src/index.ts';
import { useNodeBackend } from './nodeBackends.ts';
import { createProgressBar } from './progressBar.ts';

const USAGE = `usage: npm run verify -- <report URL | study id> [--api URL] [--seeds 1,15,30] [--backend cpu|wasm] [--arm a|b]
  A report URL names its API (its origin); a bare id uses --api (default http://127.0.0.1:8787).
  --seeds    the study's seeds to re-train (default: its first, middle and last)
  --backend  where to train (default: the backend the study ran on)
  --arm      a compare study's arm (default: both)`;
const DEFAULT_API = 'http://127.0.0.1:8787';

/** The study cannot be checked: exit 2 with this message. */
class CannotCheck extends Error {}

/** The study id and the API origin a target names: a report, embed or API URL, or a bare id. */
function studyTarget(target: string, api: string | undefined): { id: string; api: string } {
  if (STUDY_ID.test(target)) return { id: target, api: (api ?? DEFAULT_API).replace(/\/+$/, '') };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new CannotCheck(`"${target}" is neither a study id (20 hex digits) nor a report URL`);
  }
  const id = new RegExp(`/(?:r|embed|api/studies|og|badge)/(${STUDY_ID_PATTERN})\\b`).exec(url.pathname)?.[1];
  if (!id) throw new CannotCheck(`${target} names no study: a report URL looks like ${url.origin}/r/<id>/`);
  return { id, api: (api ?? url.origin).replace(/\/+$/, '') };
}

/** The study's finished document, or why there is none. */
async function fetchDocument(api: string, id: string): Promise<StudyDocument> {
  let res: Response;
  try {
    res = await fetch(`${api}/api/studies/${id}`, { headers: { accept: 'application/json' } });
  } catch (e) {
    throw new CannotCheck(`cannot reach the API at ${api} (${(e as Error).cause ?? (e as Error).message}); is it running? (npm start)`);
  }
  const body = (await res.json().catch(() => null)) as {
    status?: string;
    progress?: { runsDone: number; runsTotal: number };
    document?: unknown;
    error?: string;
  } | null;
  if (res.status === 404) throw new CannotCheck(`no study ${id} at ${api}`);
  if (!res.ok || !body) throw new CannotCheck(`the API at ${api} answered ${res.status}${body?.error ? `: ${body.error}` : ''}`);
  if (!body.document) {
    const progress = body.progress ? ` (${body.progress.runsDone} of ${body.progress.runsTotal} runs done)` : '';
    throw new CannotCheck(`study ${id} is ${body.status}${progress}: it has no finished document to check yet`);
  }
  const parsed = parseStoredDocument(body.document);
  if (!parsed.success) throw new CannotCheck(`study ${id}'s document cannot be read: ${parsed.error}`);
  return parsed.data;
}

/** The seeds to re-train: the chosen ones (default the study's first, middle and last). */
function chosenSeeds(doc: StudyDocument, seedList: string | undefined): number[] {
  const seeds = studySeeds(doc) ?? [];
  const ran = new Set(seeds);
  if (seedList === undefined) return [...new Set([seeds[0], seeds[Math.floor((seeds.length - 1) / 2)], seeds[seeds.length - 1]])];
  return seedList.split(',').map((s) => {
    const seed = Number(s.trim());
    if (!Number.isInteger(seed)) throw new CannotCheck(`--seeds takes whole numbers separated by commas, not "${seedList}"`);
    if (!ran.has(seed)) throw new CannotCheck(`seed ${seed} is not one of the study's seeds (${formatFor('en').ranges(seeds)})`);
    return seed;
  });
}

/**
 * The stored runs to re-train, of the chosen arm or every arm: from the document where it lists
 * them, else from the API's runs (a document past 100 runs names only a few).
 */
async function chosenRuns(doc: StudyDocument, api: string, seeds: number[], arm: string | undefined): Promise<CheckableRun[]> {
  if (arm !== undefined && arm !== 'a' && arm !== 'b') throw new CannotCheck(`--arm must be a or b, not "${arm}"`);
  const arms: (ArmName | null)[] = doc.kind === 'compare' ? (arm ? [arm] : ['a', 'b']) : [null];
  const listed = checkableRuns(doc) ?? [];
  const runs: CheckableRun[] = [];
  for (const a of arms)
    for (const seed of seeds) {
      const run = listed.find((r) => r.arm === a && r.seed === seed) ?? (await fetchStoredRun(api, doc.id, a, seed));
      runs.push(run);
    }
  return runs;
}

/** A seed's stored run from GET /api/studies/<id>/runs?seed=. */
async function fetchStoredRun(api: string, id: string, arm: ArmName | null, seed: number): Promise<CheckableRun> {
  const res = await fetch(`${api}/api/studies/${id}/runs?seed=${seed}`, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as { runs?: Record<string, unknown>[]; error?: string } | null;
  const run = res.ok && body?.runs ? checkableRunOfRows(body.runs, arm, seed) : null;
  if (!run) throw new CannotCheck(`the API has no stored run of seed ${seed}${arm ? ` (arm ${arm})` : ''}: ${body?.error ?? res.status}`);
  return run;
}

const armLabel = (doc: StudyDocument, arm: ArmName | null) => (arm && doc.kind === 'compare' ? ` arm ${arm} (${doc.spec[arm].label})` : '');

/** The uploaded tables the study trains on, from the same site (its canonical CSV), checked against their ids and handed to the engine. */
async function fetchUploadedTables(api: string, doc: StudyDocument): Promise<void> {
  for (const id of uploadedDatasetIds(doc.spec)) {
    const res = await fetch(`${api}/api/datasets/${id}.csv`).catch((e: Error) => e);
    if (res instanceof Error || !res.ok)
      throw new CannotCheck(`the study's uploaded table ${id} did not load from ${api}/api/datasets/${id}.csv`);
    const dataset = await readDatasetCsv(await res.text());
    if (dataset.id !== id) throw new CannotCheck(`${api}/api/datasets/${id}.csv reads as dataset ${dataset.id}, not ${id}`);
    provideDataset(dataset);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      api: { type: 'string' },
      seeds: { type: 'string' },
      backend: { type: 'string' },
      arm: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new CannotCheck(USAGE);
  const { id, api } = studyTarget(positionals[0], values.api);
  const doc = await fetchDocument(api, id);
  if (!isTrainedDocument(doc))
    throw new CannotCheck(
      `study ${id} holds imported runs, not trained by Seedlab: there is nothing to re-train (its fingerprints are the uploader's)`,
    );
  const env = doc.environment;
  if (env.engine !== ENGINE_VERSION)
    throw new CannotCheck(
      `study ${id} was trained by engine ${env.engine}; this is engine ${ENGINE_VERSION}, whose fingerprints can differ`,
    );
  if (!checkableRuns(doc))
    throw new CannotCheck(`a ${doc.kind} study has no run that is one seed of one setup; seed-variance and compare studies do`);
  const chosen = await chosenRuns(doc, api, chosenSeeds(doc, values.seeds), values.arm);
  const backend = values.backend ?? env.backend;
  if (!BackendName.safeParse(backend).success) throw new CannotCheck(`--backend must be cpu or wasm, not "${backend}"`);

  console.log(`study ${id} (${doc.kind}) from ${api}`);
  console.log(
    `trained on ${env.backend}${env.wasmBinary ? ` (${env.wasmBinary})` : ''} in ${env.runtime}, tfjs ${env.tfjs}, engine ${env.engine}`,
  );
  if (backend !== env.backend)
    console.log(
      `note: re-training on ${backend}, not ${env.backend}: the two backends round differently, so fingerprints are expected to differ`,
    );
  await useNodeBackend(backend as BackendName);
  await fetchUploadedTables(api, doc);

  let matched = 0;
  for (const run of chosen) {
    const bar = createProgressBar(`seed ${run.seed}${armLabel(doc, run.arm)}`);
    const again = await retrainSeed(doc, run, { onEpoch: (p) => bar.update(p.stepsDone, p.stepsTotal, `epoch ${p.epoch}/${p.epochs}`) });
    const seconds = bar.finish();
    const same = again.fingerprint === run.fingerprint;
    if (same) matched++;
    console.log(
      `seed ${run.seed}${armLabel(doc, run.arm)}: ${same ? 'match' : 'MISMATCH'} (${seconds.toFixed(1)} s on ${again.environment.backend})`,
    );
    console.log(`  stored ${run.fingerprint}`);
    console.log(`  here   ${again.fingerprint}`);
  }
  console.log(
    matched === chosen.length
      ? `${matched} of ${chosen.length} runs match: the same seed gave the same weights here.`
      : `${chosen.length - matched} of ${chosen.length} runs do not match.`,
  );
  return matched === chosen.length ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    // Anything that stops the check before a verdict (a bad argument, an unreadable study, a crash) is exit 2.
    if (e instanceof CannotCheck || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      console.error(`error: ${(e as Error).message}`);
    else console.error(e);
    process.exit(2);
  },
);
