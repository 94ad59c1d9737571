import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';

// The rooms' import directions are a lint rule (biome.json). These probes, each a one-line file
// written where a contributor would put it, are linted with the project's own config: every import
// across a layer the wrong way is an error naming the rule, and the allowed ones pass.
const PROBES: { at: string; imports: string; allowed: boolean }[] = [
  // The Worker's state keeps facts: no presentation under functions/studies/.
  { at: 'functions/studies', imports: '../../site/src/presentation/index.ts', allowed: false },
  // The rest of the Worker and the CLI use the site only through the presentation entry.
  { at: 'functions/api', imports: '../../site/src/presentation/index.ts', allowed: true },
  { at: 'functions/api', imports: '../../site/src/kinds/sentences.ts', allowed: false },
  { at: 'functions/site', imports: '../../site/src/data/studyPages.ts', allowed: false },
  { at: 'cli', imports: '../site/src/presentation/index.ts', allowed: true },
  { at: 'cli', imports: '../site/src/kinds/sentences.ts', allowed: false },
  // The site reads the Worker only through functions/forPages.ts.
  { at: 'site/src/views', imports: '../../../functions/forPages.ts', allowed: true },
  { at: 'site/src/views', imports: '../../../functions/studies/store.ts', allowed: false },
  // Presentation imports only the engine and presentation: no rendering, no I/O.
  { at: 'site/src/presentation', imports: '../share/siteOrigin.ts', allowed: false },
  { at: 'site/src/presentation', imports: '../../../functions/forPages.ts', allowed: false },
  { at: 'site/src/presentation', imports: './phrases.ts', allowed: true },
  { at: 'site/src/kinds/compare', imports: './charts.ts', allowed: true },
];
const fileOf = (i: number) => `${PROBES[i].at}/layerProbe${i}-${process.pid}.ts`;
// A kind's sentences are presentation too: a new kind's sentences.ts may not import its charts.
const KIND_FOLDER = `site/src/kinds/layer-probe-${process.pid}`;
const KIND_WORDS_PROBE = { file: `${KIND_FOLDER}/sentences.ts`, imports: './charts.ts' };

afterAll(() => {
  for (const i of PROBES.keys()) rmSync(fileOf(i), { force: true });
  rmSync(KIND_FOLDER, { recursive: true, force: true });
});

describe('layers point one way (npm run lint)', () => {
  it('refuses every import across a layer the wrong way, and only those', () => {
    for (const [i, p] of PROBES.entries()) writeFileSync(fileOf(i), `export * from '${p.imports}';\n`);
    mkdirSync(KIND_FOLDER, { recursive: true });
    writeFileSync(KIND_WORDS_PROBE.file, `export * from '${KIND_WORDS_PROBE.imports}';\n`);
    let report = '';
    try {
      execFileSync('npx', ['biome', 'lint', '--max-diagnostics=100', ...PROBES.map((_, i) => fileOf(i)), KIND_WORDS_PROBE.file], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      report = `${(e as { stdout: string }).stdout}${(e as { stderr: string }).stderr}`;
    }
    const refused = (file: string) => new RegExp(`${file.replace(/[.]/g, '\\.')}:\\d+:\\d+ lint/style/noRestrictedImports`).test(report);
    for (const [i, p] of PROBES.entries())
      expect({ probe: `${p.at} -> ${p.imports}`, refused: refused(fileOf(i)) }).toEqual({
        probe: `${p.at} -> ${p.imports}`,
        refused: !p.allowed,
      });
    expect(refused(KIND_WORDS_PROBE.file)).toBe(true);
  });
});
