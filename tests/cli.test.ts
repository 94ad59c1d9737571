import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentOfKind, StudyDocument } from '../src/index.ts';

// The real CLI, as `npm run study` runs it (bundled by scripts/run-ts.mjs, on this Node).
const study = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/run-ts.mjs', 'cli/study.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'seedlab-cli-'));

describe('npm run study', () => {
  it('--list lists the presets', () => {
    const r = study('--list');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^digits-reference\s/m);
  });

  it('runs a spec file, shows progress, prints a summary and writes the document', () => {
    const specPath = join(dir, 'spec.json');
    const out = join(dir, 'out.json');
    writeFileSync(
      specPath,
      JSON.stringify({
        dataset: { name: 'xor', samples: 200, noise: 0.05 },
        split: { kind: 'stratified', testFraction: 0.25 },
        model: { hidden: [8] },
        training: { optimizer: { kind: 'adam', lr: 0.02 }, epochs: 5 },
        seeds: 3,
      }),
    );
    const r = study(specPath, '--json', out, '--backend', 'cpu');
    expect(r.stderr).toMatch(/training \(cpu(, \d+ threads)?\) 100%/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Same seed, same weights\?\n {2}Yes\. Seeds 1, 2, and 3 were trained again/);
    const doc = documentOfKind(StudyDocument.parse(JSON.parse(readFileSync(out, 'utf8'))), 'seed-variance');
    expect(doc.runs).toHaveLength(3);
    expect(doc.environment.backend).toBe('cpu');
  });

  it('--threads 2 writes the document one thread writes, byte for byte (units on two threads, a backend switch in one)', () => {
    const specPath = join(dir, 'sources.json');
    writeFileSync(
      specPath,
      JSON.stringify({
        kind: 'variance-sources',
        dataset: { name: 'iris' },
        split: { kind: 'stratified', testFraction: 0.3 },
        model: { hidden: [8], dropout: 0.1 },
        training: { optimizer: { kind: 'adam', lr: 0.02 }, epochs: 3 },
        runs: 4,
        implementationSeeds: 2,
      }),
    );
    const [one, two] = ['1', '2'].map((threads) => {
      const out = join(dir, `sources-${threads}.json`);
      const r = study(specPath, '--json', out, '--threads', threads);
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(out, 'utf8');
    });
    expect(two).toBe(one);
    expect(documentOfKind(StudyDocument.parse(JSON.parse(two)), 'variance-sources').sources).toHaveLength(6); // five sources and all at once
  });

  it('names the bad fields of an invalid spec and exits 2', () => {
    const specPath = join(dir, 'bad.json');
    writeFileSync(
      specPath,
      JSON.stringify({
        dataset: { name: 'mnist' },
        split: { kind: 'index-mod', k: 4, r: 3 },
        training: { optimizer: { kind: 'sgd', lr: -1 }, epochs: 9999 },
      }),
    );
    const r = study(specPath);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/dataset\.name/);
    expect(r.stderr).toMatch(/training\.optimizer\.lr: lr must be > 0/);
    expect(r.stderr).toMatch(/training\.epochs/);
  });

  it('rejects a spec whose split cannot test every class, naming the field, and exits 2', () => {
    const specPath = join(dir, 'degenerate.json');
    // Iris is ordered by class: index % 100 == 99 tests row 99 alone, a class-1 row.
    writeFileSync(
      specPath,
      JSON.stringify({
        dataset: { name: 'iris' },
        split: { kind: 'index-mod', k: 100, r: 99 },
        training: { optimizer: { kind: 'adam' } },
        seeds: 2,
      }),
    );
    const r = study(specPath);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/split: the split leaves classes 0, 2 with no test rows/);
  });

  it.each([
    [['no-such-preset'], /neither a preset nor a \.json spec file/],
    [['missing.json'], /cannot read missing\.json/],
    [['digits-reference', '--backend', 'webgl'], /--backend must be cpu or wasm/],
    [['digits-reference', '--group-size', '0'], /--group-size must be a positive integer/],
    [['digits-reference', '--frobnicate'], /Unknown option/],
  ])('rejects %j with a clear message', (args, message) => {
    const r = study(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('npm run import', () => {
  const importRuns = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/run-ts.mjs', 'cli/importRuns.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

  it('--local measures a W&B runs table here: the same study the API makes from the same file', () => {
    const out = join(dir, 'imported.json');
    const r = importRuns(
      'tests/fixtures/wandb-runs.csv',
      '--value',
      'test/accuracy',
      '--seed',
      'seed',
      '--arm',
      'optimizer',
      '--unit',
      'fraction',
      '--local',
      '--json',
      out,
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('imported: not trained by Seedlab');
    const doc = documentOfKind(StudyDocument.parse(JSON.parse(readFileSync(out, 'utf8'))), 'imported');
    expect(doc.spec.runs.arms).toEqual([
      { label: 'adamw', runs: 5 },
      { label: 'sgd', runs: 5 },
    ]);
    // Hand: adamw − sgd per seed = 0.0011, 0.0025, 0.0011, −0.0001, 0.0018: mean 0.00128, 4 of 5 above zero.
    expect(doc.comparisons[0].meanDiff).toBeCloseTo(0.00128, 12);
    expect(doc.comparisons[0].probabilityOfImprovement).toBe(0.8);
  });

  it('an unknown column is exit 2, naming the column and the table’s columns', () => {
    const r = importRuns('tests/fixtures/wandb-runs.csv', '--value', 'acc', '--seed', 'seed', '--local');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/value: no column "acc" in the table; its columns: "Name"/);
  });
});
