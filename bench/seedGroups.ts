/**
 * Measures the digits-reference study (30 seeds, 20 epochs) per backend and seed-group size, to
 * choose the defaults. Wall time of the training only (no repeatability re-run), median of N.
 *
 * Run: npm run bench:groups -- [--repeats 3] [--backends cpu,wasm] [--groups 1,10,30]
 */
import { parseArgs } from 'node:util';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { type BackendName, findPreset, parseSpecOfKind, runSeeds, seedList } from '../src/index.ts';

const { values } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    backends: { type: 'string', default: 'cpu,wasm' },
    groups: { type: 'string', default: '1,10,30' },
  },
});
const preset = findPreset('digits-reference');
if (!preset) throw new Error('the digits-reference preset is missing');
const spec = parseSpecOfKind(preset.spec, 'seed-variance');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`| backend | seeds per group | seconds for 30 seeds (median of ${values.repeats}) | all runs |`);
console.log('|---|---|---|---|');
for (const backend of values.backends.split(',') as BackendName[]) {
  await useNodeBackend(backend);
  for (const groupSize of values.groups.split(',').map(Number)) {
    const times: number[] = [];
    for (let r = 0; r < Number(values.repeats); r++) {
      const t0 = performance.now();
      const seeds = seedList(spec.seeds);
      for (let i = 0; i < seeds.length; i += groupSize) await runSeeds(spec, seeds.slice(i, i + groupSize));
      times.push((performance.now() - t0) / 1000);
    }
    console.log(`| ${backend} | ${groupSize} | ${median(times).toFixed(2)} | ${times.map((t) => t.toFixed(2)).join(', ')} |`);
  }
}
