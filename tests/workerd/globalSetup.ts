import type { TestProject } from 'vitest/node';
import { parseStudySpec, runSeedVarianceStudy, useBackend } from '../../src/index.ts';
import { CROSS_RUNTIME_SPEC } from '../crossRuntimeSpec.ts';

/** Runs in Node: trains the cross-runtime spec here and hands its fingerprints to the workerd tests. */
export default async function setup(project: TestProject) {
  await useBackend('cpu');
  const doc = await runSeedVarianceStudy(parseStudySpec(CROSS_RUNTIME_SPEC));
  project.provide('nodeCrossRuntime', {
    runtime: doc.environment.runtime,
    fingerprints: doc.runs.map((r) => r.fingerprint),
    testAccuracy: doc.runs.map((r) => r.testAccuracy),
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    nodeCrossRuntime: { runtime: string; fingerprints: string[]; testAccuracy: (number | null)[] };
  }
}
