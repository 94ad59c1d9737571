// `npm run presets:measure`: runs every preset in this process on wasm (as `npm run study` does)
// and commits what it measured to bench/presets/: each preset's study document and its wall time.
// The README's preset tables are generated from these files (`npm run readme:presets`), never
// written by hand. Run it after an engine version bump (tests/presetTables.test.ts asks for it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { ENGINE_VERSION, PRESETS, parseStudySpec, runStudy } from '../src/index.ts';
import { PRESET_DOCUMENTS_DIR } from './presetTables.ts';

mkdirSync(PRESET_DOCUMENTS_DIR, { recursive: true });
const seconds: Record<string, number> = {};
for (const preset of PRESETS) {
  const spec = parseStudySpec(preset.spec);
  await useNodeBackend(spec.backend);
  const started = performance.now();
  const doc = await runStudy(spec, { switchBackend: useNodeBackend });
  seconds[preset.name] = Number(((performance.now() - started) / 1000).toFixed(1));
  writeFileSync(`${PRESET_DOCUMENTS_DIR}/${preset.name}.json`, `${JSON.stringify(doc, null, 1)}\n`);
  console.log(`${preset.name.padEnd(24)} ${String(seconds[preset.name]).padStart(6)} s`);
}
writeFileSync(`${PRESET_DOCUMENTS_DIR}/timings.json`, `${JSON.stringify({ engine: ENGINE_VERSION, backend: 'wasm', seconds }, null, 1)}\n`);
