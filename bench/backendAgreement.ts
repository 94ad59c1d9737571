/**
 * `npm run bench:backends`: the cpu backend (plain tfjs ops, the reference) against the wasm path (the
 * fused kernels) on every preset. Each preset trains again on cpu here; its wasm document is the
 * committed one (bench/presets/, `npm run presets:measure`). Every group of seeded MLP runs in the
 * two documents (a seed-variance study's runs, a compare arm, a schedule, a variance source, a
 * data-size MLP point) is compared by seed: the mean of the per-seed differences (wasm − cpu) with
 * its paired 95% t interval, against the seed spread (the wasm runs' standard deviation, the spread
 * the report shows). The two paths sum in other orders, so their weights differ; the science should
 * not: the difference should sit within the seed spread. Takes about ten minutes (cpu is the slow
 * path). Writes bench/reference/backend-agreement.json; `npm run readme:presets` tables it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { PRESET_DOCUMENTS_DIR } from '../scripts/presetTables.ts';
import { ENGINE_VERSION, PRESETS, parseStudySpec, runStudy } from '../src/index.ts';
import { pairedDifference } from '../src/stats/paired.ts';
import { mean, sampleStd } from '../src/stats/summarize.ts';

/** A group of seeded MLP runs in a document: its accuracy by seed (runs that finished). */
interface RunGroup {
  label: string;
  bySeed: Map<number, number>;
}

const isRun = (x: unknown): x is { seed: number; testAccuracy: number | null; diverged?: boolean } =>
  typeof x === 'object' && x !== null && typeof (x as { seed?: unknown }).seed === 'number' && 'testAccuracy' in x;

/** What names a group to a reader: its path, and the label, name or source its object carries. */
function labelOf(path: string, owner: Record<string, unknown>): string {
  const name = ['label', 'name', 'source', 'schedule', 'model'].map((k) => owner[k]).find((v) => typeof v === 'string');
  return name ? `${path} (${name})` : path;
}

/** Every group of runs in a document, found by shape: arrays of runs, and data-size MLP curve points. */
function runGroups(doc: unknown): RunGroup[] {
  const groups: RunGroup[] = [];
  const walk = (value: unknown, path: string, owner: Record<string, unknown>) => {
    if (Array.isArray(value)) {
      if (value.length > 0 && value.every(isRun)) {
        const finished = value.filter((r) => !r.diverged && r.testAccuracy !== null);
        groups.push({ label: labelOf(path, owner), bySeed: new Map(finished.map((r) => [r.seed, r.testAccuracy as number])) });
        return;
      }
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`, owner);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const object = value as Record<string, unknown>;
    // A data-size curve point of the MLP (the classic models do not run on a tfjs backend).
    if (owner.model === 'mlp' && Array.isArray(object.seeds) && Array.isArray(object.accuracies)) {
      const seeds = object.seeds as number[];
      const accuracies = object.accuracies as (number | null)[];
      const pairs = seeds.flatMap((seed, i) => (typeof accuracies[i] === 'number' ? [[seed, accuracies[i]] as [number, number]] : []));
      groups.push({ label: `mlp, ${object.size} rows`, bySeed: new Map(pairs) });
      return;
    }
    for (const [key, v] of Object.entries(object)) {
      if (key === 'spec' || key === 'verdict') continue;
      walk(v, path ? `${path}.${key}` : key, object);
    }
  };
  walk(doc, '', {});
  return groups;
}

interface GroupAgreement {
  label: string;
  seeds: number;
  cpuMean: number;
  wasmMean: number;
  meanDiff: number;
  interval: [number, number] | null;
  seedSpread: number;
  withinSpread: boolean;
}

interface PresetAgreement {
  name: string;
  cpuSeconds: number;
  groups: GroupAgreement[];
}

function agreement(cpu: RunGroup, wasm: RunGroup): GroupAgreement | null {
  const d = pairedDifference(wasm.bySeed, cpu.bySeed);
  const wasmValues = [...wasm.bySeed.values()];
  if (!d || wasmValues.length < 2) return null;
  const seedSpread = sampleStd(wasmValues);
  return {
    label: wasm.label,
    seeds: d.pairs,
    cpuMean: mean([...cpu.bySeed.values()]),
    wasmMean: mean(wasmValues),
    meanDiff: d.meanDiff,
    interval: d.interval,
    seedSpread,
    withinSpread: Math.abs(d.meanDiff) <= seedSpread,
  };
}

const only = process.argv.slice(2);
const presets: PresetAgreement[] = [];
for (const preset of PRESETS.filter((p) => only.length === 0 || only.includes(p.name))) {
  const wasmDoc = JSON.parse(readFileSync(`${PRESET_DOCUMENTS_DIR}/${preset.name}.json`, 'utf8'));
  if (wasmDoc.environment.engine !== ENGINE_VERSION) {
    throw new Error(`bench/presets/${preset.name}.json is from engine ${wasmDoc.environment.engine}: run npm run presets:measure first`);
  }
  const spec = parseStudySpec({ ...preset.spec, backend: 'cpu' });
  await useNodeBackend('cpu');
  const started = performance.now();
  const cpuDoc = await runStudy(spec, { switchBackend: useNodeBackend });
  const cpuSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
  const cpuGroups = new Map(runGroups(cpuDoc).map((g) => [g.label, g]));
  const groups = runGroups(wasmDoc).flatMap((g) => {
    const other = cpuGroups.get(g.label);
    const a = other ? agreement(other, g) : null;
    return a ? [a] : [];
  });
  presets.push({ name: preset.name, cpuSeconds, groups });
  const within = groups.filter((g) => g.withinSpread).length;
  console.log(
    `${preset.name.padEnd(24)} cpu ${String(cpuSeconds).padStart(6)} s  ${within}/${groups.length} groups within the seed spread`,
  );
  for (const g of groups) {
    const pts = (x: number) => (100 * x).toFixed(2);
    console.log(
      `  ${g.label.padEnd(40)} Δ ${pts(g.meanDiff).padStart(6)} pts  spread ${pts(g.seedSpread)} pts  ${g.withinSpread ? 'within' : 'OUTSIDE'}`,
    );
  }
}
const measuredAt = new Date().toISOString().slice(0, 10);
writeFileSync('bench/reference/backend-agreement.json', `${JSON.stringify({ measuredAt, engine: ENGINE_VERSION, presets }, null, 1)}\n`);
console.log('wrote bench/reference/backend-agreement.json');
