// `npm run presets:measure`: runs every preset in this process on wasm (as `npm run study` does)
// and commits what it measured to bench/presets/: each preset's study document and its wall time.
// The README's preset tables are generated from these files (`npm run readme:presets`), never
// written by hand. Run it after an engine version bump (tests/presetTables.test.ts asks for it);
// `-- --only <name>` measures one preset and keeps the others' files and times.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { ENGINE_VERSION, PRESETS, parseStudySpec, runStudy, trainedBackend } from '../src/index.ts';
import { PRESET_DOCUMENTS_DIR } from './presetTables.ts';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const chosen = values.only === undefined ? PRESETS : PRESETS.filter((p) => p.name === values.only);
if (!chosen.length) throw new Error(`no preset "${values.only}"; presets: ${PRESETS.map((p) => p.name).join(', ')}`);
mkdirSync(PRESET_DOCUMENTS_DIR, { recursive: true });
const timings = `${PRESET_DOCUMENTS_DIR}/timings.json`;
const kept = values.only !== undefined && existsSync(timings) ? JSON.parse(readFileSync(timings, 'utf8')).seconds : {};
const seconds: Record<string, number> = { ...kept };
for (const preset of chosen) {
  const spec = parseStudySpec(preset.spec);
  await useNodeBackend(trainedBackend(spec));
  const started = performance.now();
  const doc = await runStudy(spec, { switchBackend: useNodeBackend });
  seconds[preset.name] = Number(((performance.now() - started) / 1000).toFixed(1));
  writeFileSync(`${PRESET_DOCUMENTS_DIR}/${preset.name}.json`, `${JSON.stringify(doc, null, 1)}\n`);
  console.log(`${preset.name.padEnd(24)} ${String(seconds[preset.name]).padStart(6)} s`);
}
const ordered = Object.fromEntries(PRESETS.flatMap((p) => (p.name in seconds ? [[p.name, seconds[p.name]]] : [])));
writeFileSync(timings, `${JSON.stringify({ engine: ENGINE_VERSION, backend: 'wasm', seconds: ordered }, null, 1)}\n`);
