import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { regionsSvg } from '../site/src/kinds/seed-variance/charts.ts';
import { cellCentre, cellClass } from '../src/document/decisionRegions.ts';
import { documentOfKind, parseSpecOfKind, runSeeds, runStudy } from '../src/index.ts';
import { layerSizes, predictMlp } from '../src/model/mlp.ts';
import { drawnClasses } from './drawnMaps.ts';

describe('decision regions of a seed-variance study on moons', () => {
  const spec = parseSpecOfKind(
    {
      dataset: { name: 'moons', samples: 200, noise: 0.2 },
      split: { kind: 'stratified', testFraction: 0.25 },
      scaling: { kind: 'standardize' },
      model: { hidden: [16], activation: 'relu', initializer: 'heUniform', dropout: 0 },
      training: { optimizer: { kind: 'adam', lr: 0.05 }, batchSize: 16, epochs: 20 },
      seeds: 4,
    },
    'seed-variance',
  );
  it('keeps the best, the median and the worst seed’s map, and each draws the class its network predicts', async () => {
    await useNodeBackend('cpu');
    const doc = documentOfKind(await runStudy(spec, { groupSize: 4 }), 'seed-variance');
    const maps = doc.decisionRegions ?? [];
    expect(maps.map((m) => m.role)).toEqual(['best', 'median', 'worst']);
    expect(maps[0].seed).toBe(doc.summary?.best.seed);
    expect(maps.at(-1)?.seed).toBe(doc.summary?.worst.seed);
    // The runs in the document carry no map: three maps only.
    expect(doc.runs.some((r) => 'regions' in r)).toBe(false);
    const drawn = drawnClasses(regionsSvg(doc, 'en'));
    expect(drawn).toHaveLength(maps.length);
    for (const [m, map] of maps.entries()) {
      expect(map.classes).toHaveLength(map.cells * map.cells);
      // The seed trained again (training is deterministic), its network asked at a few cell centres.
      const [outcome] = await runSeeds(spec, [map.seed]);
      const sizes = layerSizes(outcome.data.features, spec.model, outcome.data.classes);
      const cells = [
        [0, 0],
        [7, 31],
        [20, 20],
        [39, 12],
        [39, 39],
      ] as const;
      for (const [column, row] of cells) {
        const [x, y] = cellCentre(map, column, row);
        const [predicted] = predictMlp(outcome.params, sizes, spec.model.activation, Float32Array.of(x, y), 1);
        expect(cellClass(map, column, row)).toBe(predicted);
        // What the chart draws there: the image's pixel for that cell.
        expect(drawn[m](column, row)).toBe(predicted);
      }
    }
    // One panel per map, titled in the reader's language.
    expect(regionsSvg(doc, 'en')).toContain(`best, seed ${maps[0].seed}`);
    expect(regionsSvg(doc, 'zh')).toContain(`最好，种子 ${maps[0].seed}`);
  });
});
