import { useNodeBackend } from '../../cli/nodeBackends.ts';
import {
  type BackendName,
  bringsRuns,
  combineStudy,
  parseStudySpec,
  readImportRequest,
  runStudy,
  type StudyDocument,
  usingImportedRuns,
} from '../../src/index.ts';
import { GOLDEN_CASES } from './cases.ts';
import { type GoldenFacts, goldenFacts } from './facts.ts';

export const GOLDEN_BACKENDS: BackendName[] = ['cpu', 'wasm'];

/** Runs one golden case on one backend, as the CLI would (groups of 2, so groups split). */
export async function runGoldenCase(name: string, backend: BackendName): Promise<StudyDocument> {
  const found = GOLDEN_CASES.find((c) => c.name === name);
  if (!found) throw new Error(`no golden case ${name}`);
  // Runs trained elsewhere: nothing to train, the same document on either backend.
  if (bringsRuns(found.spec)) {
    const imported = await readImportRequest(found.spec);
    return usingImportedRuns([imported], () => combineStudy(parseStudySpec(imported.spec), []));
  }
  await useNodeBackend(backend);
  return runStudy(parseStudySpec({ ...found.spec, backend }), { groupSize: 2, switchBackend: useNodeBackend });
}

export async function allGoldenFacts(): Promise<Record<string, GoldenFacts>> {
  const out: Record<string, GoldenFacts> = {};
  for (const c of GOLDEN_CASES) for (const b of GOLDEN_BACKENDS) out[`${c.name}/${b}`] = await goldenFacts(await runGoldenCase(c.name, b));
  return out;
}
