import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { useNodeBackend } from '../../cli/nodeBackends.ts';
import { documentOfKind, parseStudySpec, runStudy } from '../../src/index.ts';
import { CROSS_RUNTIME_SPEC, LONE_SEED_SPEC } from '../crossRuntimeSpec.ts';

/** The real CLI in Node (as `npm run study -- --threads 1` runs it, all seeds in one group) on a spec. */
function runCli(spec: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'seedlab-cross-'));
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
  const r = spawnSync(
    process.execPath,
    ['scripts/run-ts.mjs', 'cli/study.ts', join(dir, 'spec.json'), '--json', join(dir, 'out.json'), '--threads', '1'],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`the CLI failed: ${r.stderr}`);
  const doc = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  return { id: doc.id as string, fingerprints: doc.runs.map((run: { fingerprint: string }) => run.fingerprint) as string[] };
}

/** Runs in Node: trains the cross-runtime spec here and hands its fingerprints to the workerd tests. */
export default async function setup(project: TestProject) {
  project.provide('cliCrossRuntime', runCli(CROSS_RUNTIME_SPEC));
  project.provide('cliLoneSeed', runCli(LONE_SEED_SPEC));
  await useNodeBackend('cpu');
  const doc = documentOfKind(await runStudy(parseStudySpec(CROSS_RUNTIME_SPEC)), 'seed-variance');
  await useNodeBackend('wasm');
  const wasm = documentOfKind(await runStudy(parseStudySpec({ ...CROSS_RUNTIME_SPEC, backend: 'wasm' })), 'seed-variance');
  project.provide('nodeCrossRuntime', {
    runtime: doc.environment.runtime,
    fingerprints: doc.runs.map((r) => r.fingerprint),
    testAccuracy: doc.runs.map((r) => r.testAccuracy),
    wasmFingerprints: wasm.runs.map((r) => r.fingerprint),
  });
}
