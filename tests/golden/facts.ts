import type { StudyDocument } from '../../src/index.ts';

/**
 * What golden.json records of a study document: its fingerprints and headline numbers, by name.
 * Each kind says which in its own folder (src/studies/<kind>/fixtures/golden.ts), found by the
 * kind's name, so a new kind adds no line here.
 */
export interface GoldenFacts {
  fingerprints: Record<string, string[]>;
  numbers: Record<string, unknown>;
}

type Run = { seed: number; fingerprint: string; testAccuracy: number | null };
export const prints = (runs: Run[]) => runs.map((r) => `${r.seed}:${r.fingerprint}`);
export const accuracies = (runs: Run[]) => runs.map((r) => r.testAccuracy);

/** Where kinds live: the engine's, and the fixture kind's (tests/fixtures/<kind>/, the same layout). */
export type KindsRoot = 'src/studies' | 'tests/fixtures';

/** A document's golden facts, by its kind's golden.ts. */
export async function goldenFacts(doc: { kind: string }, root: KindsRoot = 'src/studies'): Promise<GoldenFacts> {
  const kindFacts = (await (root === 'src/studies'
    ? import(`../../src/studies/${doc.kind}/fixtures/golden.ts`)
    : import(`../fixtures/${doc.kind}/fixtures/golden.ts`))) as { goldenFacts: (doc: StudyDocument) => GoldenFacts };
  return kindFacts.goldenFacts(doc as StudyDocument);
}
