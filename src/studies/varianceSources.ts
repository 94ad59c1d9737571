import type { SeedResult, VarianceSourcesDocument } from '../document/studyDocument.ts';
import { describeEnvironment } from '../fingerprint/environment.ts';
import { maxAbsDifference } from '../fingerprint/fingerprintWeights.ts';
import { STREAM_NAMES, type StreamPins } from '../random/seedStreams.ts';
import { VARIANCE_SOURCES, type BackendName, type VarianceSourcesSpec } from '../spec/schema.ts';
import { studyId } from '../spec/studyId.ts';
import { mean, sampleStd } from '../stats/summarize.ts';
import { DOCUMENT_VERSION } from '../version.ts';
import { runSeeds } from './runSeeds.ts';
import { chunk, pct, seedResult, type StudyKindModule, type WorkUnit } from './studyKind.ts';

type Source = (typeof VARIANCE_SOURCES)[number] | 'all';
const SOURCES: Source[] = [...VARIANCE_SOURCES, 'all'];

/** Every stream pinned to baseSeed except the one under study ("all": nothing pinned). */
export function pinsFor(source: Source, baseSeed: number): StreamPins {
  if (source === 'all') return {};
  return Object.fromEntries(STREAM_NAMES.filter((n) => n !== source).map((n) => [n, baseSeed]));
}

interface ImplementationRow {
  seed: number;
  cpu: string;
  wasm: string;
  maxAbsWeightDiff: number;
  cpuAccuracy: number | null;
  wasmAccuracy: number | null;
}

export const varianceSources: StudyKindModule<VarianceSourcesSpec> = {
  plan(spec, seedsPerUnit) {
    const seeds = Array.from({ length: spec.runs }, (_, i) => i + 1);
    const units: WorkUnit[] = SOURCES.flatMap((source) =>
      chunk(seeds, seedsPerUnit).map((group) => ({ purpose: 'source', source, seeds: group })),
    );
    units.push({ purpose: 'implementation', seeds: Array.from({ length: spec.implementationSeeds }, (_, i) => i + 1) });
    return units;
  },

  async runUnit(spec, unit, context) {
    if (unit.purpose === 'source') {
      const outcomes = await runSeeds({ ...spec, pins: pinsFor(unit.source as Source, spec.baseSeed) }, unit.seeds, {
        onEpoch: context.onEpoch,
      });
      return outcomes.map((o) => seedResult(o.record));
    }
    // The same seeds on both backends: real implementation-level variance.
    if (!context.switchBackend) throw new Error('the implementation comparison needs a host that can switch backends');
    const byBackend: Record<string, Awaited<ReturnType<typeof runSeeds>>> = {};
    for (const backend of ['cpu', 'wasm'] as BackendName[]) {
      await context.switchBackend(backend);
      byBackend[backend] = await runSeeds(spec, unit.seeds, { onEpoch: context.onEpoch });
    }
    await context.switchBackend(spec.backend);
    return unit.seeds.map(
      (seed, s): ImplementationRow => ({
        seed,
        cpu: byBackend.cpu[s].record.fingerprint,
        wasm: byBackend.wasm[s].record.fingerprint,
        maxAbsWeightDiff: maxAbsDifference(byBackend.cpu[s].params, byBackend.wasm[s].params),
        cpuAccuracy: byBackend.cpu[s].record.testAccuracy,
        wasmAccuracy: byBackend.wasm[s].record.testAccuracy,
      }),
    );
  },

  async combine(spec, units, results) {
    const sources = SOURCES.map((name) => {
      const runs = units
        .flatMap((u, i) => (u.purpose === 'source' && u.source === name ? (results[i] as SeedResult[]) : []))
        .sort((a, b) => a.seed - b.seed);
      const accs = runs.filter((r) => !r.diverged && r.testAccuracy !== null).map((r) => r.testAccuracy as number);
      const note =
        name === 'split' && spec.split.kind === 'index-mod'
          ? 'The split is a fixed index rule here: it has no randomness to vary.'
          : name === 'dropout' && spec.model.dropout === 0
            ? 'The model has no dropout: this stream is never used.'
            : undefined;
      return {
        name,
        mean: accs.length ? mean(accs) : null,
        std: accs.length > 1 ? sampleStd(accs) : null,
        share: null as number | null,
        runs,
        ...(note ? { note } : {}),
      };
    });
    const singles = sources.filter((s) => s.name !== 'all');
    const total = singles.reduce((sum, s) => sum + (s.std ?? 0) ** 2, 0);
    for (const s of singles) s.share = total > 0 ? (s.std ?? 0) ** 2 / total : null;
    const rows = results[units.findIndex((u) => u.purpose === 'implementation')] as ImplementationRow[];
    const implementation = {
      seeds: rows.map((r) => r.seed),
      identicalFingerprints: rows.filter((r) => r.cpu === r.wasm).length,
      maxAbsWeightDiff: Math.max(0, ...rows.map((r) => r.maxAbsWeightDiff)),
      maxAbsAccuracyDiff: Math.max(0, ...rows.map((r) => Math.abs((r.cpuAccuracy ?? 0) - (r.wasmAccuracy ?? 0)))),
      perSeed: rows,
    };
    const ranked = [...singles].sort((a, b) => (b.std ?? 0) - (a.std ?? 0));
    const all = sources.find((s) => s.name === 'all')!;
    const std = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(2)} points`);
    const doc: VarianceSourcesDocument = {
      documentVersion: DOCUMENT_VERSION,
      kind: 'variance-sources',
      id: await studyId(spec),
      title: spec.title ?? `Where the variance comes from: ${spec.dataset.name}, ${spec.runs} runs per source`,
      spec,
      environment: describeEnvironment(),
      sources,
      implementation,
      verdict: [
        {
          question: 'Why does the same network give different accuracy on every run?',
          answer:
            `Varying every source at once moves test accuracy by a standard deviation of ${std(all.std)}. One source at a time: ` +
            ranked
              .map((s) => `${s.name} ${std(s.std)}${s.share !== null ? ` (${pct(s.share)} of the single-source variance)` : ''}`)
              .join(', ') +
            '.',
        },
        {
          question: 'Do the cpu and wasm backends give the same model for the same seed?',
          answer:
            `${implementation.identicalFingerprints} of ${rows.length} seeds have identical fingerprints. ` +
            `The largest weight difference is ${implementation.maxAbsWeightDiff.toExponential(2)}, and accuracy differs by at most ${(100 * implementation.maxAbsAccuracyDiff).toFixed(2)} points.`,
        },
      ],
    };
    return doc;
  },
};
