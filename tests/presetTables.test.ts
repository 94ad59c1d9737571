import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMeasuredPresets, withGeneratedBlocks } from '../scripts/presetTables.ts';
import { ENGINE_VERSION, isTrainedDocument, PRESETS } from '../src/index.ts';

// The README states only what the committed preset documents show: its tables are generated from
// bench/presets/ (npm run presets:measure, then npm run readme:presets).
describe('the README’s preset tables', () => {
  const measured = readMeasuredPresets();

  it('come from documents of every preset, measured by this engine version', () => {
    expect([...measured.documents.keys()]).toEqual(PRESETS.map((p) => p.name));
    expect(measured.engine).toBe(ENGINE_VERSION);
    for (const [name, doc] of measured.documents) expect(isTrainedDocument(doc) && doc.environment.engine, name).toBe(ENGINE_VERSION);
  });

  it('are exactly what the documents generate (run npm run readme:presets after measuring)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(withGeneratedBlocks(readme, measured)).toBe(readme);
  });
});
