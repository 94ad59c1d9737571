import { readdirSync, readFileSync } from 'node:fs';
import type { StudySpecInput } from '../../src/index.ts';

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

const STUDIES = 'src/studies';

export const GOLDEN_CASES: GoldenCase[] = readdirSync(STUDIES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    const dir = `${STUDIES}/${d.name}/fixtures`;
    const files = readdirSync(dir, { withFileTypes: true }).map((f) => f.name);
    return files
      .filter((f) => f.endsWith('.spec.json'))
      .map((f) => {
        const name = f.slice(0, -'.spec.json'.length);
        return {
          name,
          kind: d.name,
          spec: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as StudySpecInput,
          v1Document: files.includes(`${name}.v1.json`) ? JSON.parse(readFileSync(`${dir}/${name}.v1.json`, 'utf8')) : null,
        };
      });
  });
