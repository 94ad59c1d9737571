import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { StudySpecInput } from '../../src/index.ts';
import type { KindsRoot } from './facts.ts';

/**
 * The fast case of every study kind: src/studies/<kind>/fixtures/<case>.spec.json (small data, few
 * seeds and epochs). Their fingerprints and headline numbers are recorded in golden.json;
 * tests/golden.test.ts proves that changes leave them bit for bit unchanged on both backends. A
 * change that alters numbers on purpose re-records the file (`npm run golden:record`) and lists
 * what changed. Beside each spec, <case>.v1.json is the document the engine stored for it in
 * document version 1: the fixture of the migration test.
 */
export interface GoldenCase {
  name: string;
  kind: string;
  spec: StudySpecInput;
  /** The stored version-1 document of this case (cpu backend, Node), for kinds that existed in version 1. */
  v1Document: unknown | null;
}

/** The fast cases of the kinds under a root (src/studies, or tests/fixtures for the fixture kind), found by folder. */
export function goldenCasesIn(root: KindsRoot): GoldenCase[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${root}/${d.name}/fixtures`))
    .flatMap((d) => casesOfKind(root, d.name));
}

function casesOfKind(root: KindsRoot, kind: string): GoldenCase[] {
  const dir = `${root}/${kind}/fixtures`;
  const files = readdirSync(dir);
  return files
    .filter((f) => f.endsWith('.spec.json'))
    .map((f) => {
      const name = f.slice(0, -'.spec.json'.length);
      return {
        name,
        kind,
        spec: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as StudySpecInput,
        v1Document: files.includes(`${name}.v1.json`) ? JSON.parse(readFileSync(`${dir}/${name}.v1.json`, 'utf8')) : null,
      };
    });
}

export const GOLDEN_CASES = goldenCasesIn('src/studies');
