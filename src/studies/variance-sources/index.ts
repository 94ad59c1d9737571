import { z } from 'zod';
import { SeedResult } from '../../document/parts.ts';
import { describeEnvironment } from '../../fingerprint/environment.ts';
import { maxAbsDifference } from '../../fingerprint/fingerprintWeights.ts';
import { STREAM_NAMES, type StreamPins } from '../../random/seedStreams.ts';
import { trainingRunsCost } from '../../spec/budget.ts';
import type { BackendName } from '../../spec/setup.ts';
import { studyId } from '../../spec/studyId.ts';
import { mean, sampleStd } from '../../stats/summarize.ts';
import { DOCUMENT_VERSION } from '../../version.ts';
import { runSeeds, seedResult } from '../runSeeds.ts';
import { chunk, defineStudyKind } from '../studyKind.ts';
import { SOURCE_NAMES, VarianceSourcesDocument, VarianceSourcesDocumentV1, type VarianceSourcesVerdict } from './document.ts';
import { VarianceSourcesSpec } from './spec.ts';

type Source = (typeof SOURCE_NAMES)[number];

/** Every stream pinned to baseSeed except the one under study ("all": nothing pinned). */
export function pinsFor(source: Source, baseSeed: number): StreamPins {
  if (source === 'all') return {};
  return Object.fromEntries(STREAM_NAMES.filter((n) => n !== source).map((n) => [n, baseSeed]));
}

const ImplementationRow = z.object({
  seed: z.number().int(),
  cpu: z.string(),
  wasm: z.string(),
  maxAbsWeightDiff: z.number(),
  cpuAccuracy: z.number().nullable(),
  wasmAccuracy: z.number().nullable(),
});
const SourceUnit = z.object({ purpose: z.literal('source'), source: z.enum(SOURCE_NAMES), seeds: z.array(z.number().int()) });
const ImplementationUnit = z.object({ purpose: z.literal('implementation'), seeds: z.array(z.number().int()) });
const SourcePart = z.object({ unit: SourceUnit, result: z.array(SeedResult) });
const ImplementationPart = z.object({ unit: ImplementationUnit, result: z.array(ImplementationRow) });
type Unit = z.infer<typeof SourceUnit> | z.infer<typeof ImplementationUnit>;
type Part = z.infer<typeof SourcePart> | z.infer<typeof ImplementationPart>;
const isSourcePart = (p: Part): p is z.infer<typeof SourcePart> => p.unit.purpose === 'source';
const isImplementationPart = (p: Part): p is z.infer<typeof ImplementationPart> => p.unit.purpose === 'implementation';

/** Why a source has nothing to vary in this spec. */
function unusedBecause(spec: VarianceSourcesSpec, name: Source): 'fixed-split' | 'no-dropout' | null {
  if (name === 'split' && spec.split.kind === 'index-mod') return 'fixed-split';
  if (name === 'dropout' && spec.model.dropout === 0) return 'no-dropout';
  return null;
}

/** The verdict, decided from the measured body (combine and the version-1 migration both use it). */
function decide(body: Pick<VarianceSourcesDocument, 'sources' | 'implementation'>): VarianceSourcesVerdict[] {
  // A stable sort: equal standard deviations keep the order init, order, split, dropout.
  const singles = body.sources.flatMap((s) => (s.name === 'all' ? [] : [{ name: s.name, std: s.std }]));
  const ranked = [...singles].sort((a, b) => (b.std ?? 0) - (a.std ?? 0));
  const [first, second] = ranked;
  const im = body.implementation;
  return [
    {
      question: 'largest-source',
      outcome:
        first.std === null
          ? { is: 'undecided', because: 'all-diverged' }
          : second && second.std === first.std
            ? { is: 'tied' }
            : { is: 'winner', who: first.name },
      facts: { ranking: ranked.map((s) => s.name) },
    },
    {
      question: 'backends-agree',
      outcome: { is: im.identicalFingerprints === im.perSeed.length ? 'yes' : 'no' },
      facts: { identical: im.identicalFingerprints, seeds: im.perSeed.length },
    },
  ];
}

export const varianceSources = defineStudyKind({
  kind: 'variance-sources',
  specSchema: VarianceSourcesSpec,
  documentSchema: VarianceSourcesDocument,
  partSchema: z.union([SourcePart, ImplementationPart]),
  dataset: (spec) => spec.dataset,

  cost: (spec) => trainingRunsCost(spec, 1, 5 * spec.runs + 2 * spec.implementationSeeds),

  plan(spec, seedsPerUnit): Unit[] {
    const seeds = Array.from({ length: spec.runs }, (_, i) => i + 1);
    const units: Unit[] = SOURCE_NAMES.flatMap((source) =>
      chunk(seeds, seedsPerUnit).map((group): Unit => ({ purpose: 'source', source, seeds: group })),
    );
    units.push({ purpose: 'implementation', seeds: Array.from({ length: spec.implementationSeeds }, (_, i) => i + 1) });
    return units;
  },

  async runUnit(spec, unit, context) {
    if (unit.purpose === 'source') {
      const outcomes = await runSeeds({ ...spec, pins: pinsFor(unit.source, spec.baseSeed) }, unit.seeds, { onEpoch: context.onEpoch });
      return outcomes.map((o) => seedResult(o.record));
    }
    // The same seeds on both backends: real implementation-level variance.
    const { switchBackend } = context;
    if (!switchBackend) throw new Error('the implementation comparison needs a host that can switch backends');
    const byBackend: Partial<Record<BackendName, Awaited<ReturnType<typeof runSeeds>>>> = {};
    for (const backend of ['cpu', 'wasm'] as const) {
      await switchBackend(backend);
      byBackend[backend] = await runSeeds(spec, unit.seeds, { onEpoch: context.onEpoch });
    }
    await switchBackend(spec.backend);
    const { cpu = [], wasm = [] } = byBackend;
    return unit.seeds.map((seed, s) => ({
      seed,
      cpu: cpu[s].record.fingerprint,
      wasm: wasm[s].record.fingerprint,
      maxAbsWeightDiff: maxAbsDifference(cpu[s].params, wasm[s].params),
      cpuAccuracy: cpu[s].record.testAccuracy,
      wasmAccuracy: wasm[s].record.testAccuracy,
    }));
  },

  async combine(spec, parts): Promise<VarianceSourcesDocument> {
    const sourceParts = parts.filter(isSourcePart);
    const measured = SOURCE_NAMES.map((name) => {
      const runs = sourceParts.flatMap((p) => (p.unit.source === name ? p.result : [])).sort((a, b) => a.seed - b.seed);
      const accs = runs.flatMap((r) => (!r.diverged && r.testAccuracy !== null ? [r.testAccuracy] : []));
      return { name, mean: accs.length ? mean(accs) : null, std: accs.length > 1 ? sampleStd(accs) : null, runs };
    });
    // A single source's share of the summed single-source variance ("all" has none).
    const total = measured.reduce((sum, s) => sum + (s.name === 'all' ? 0 : (s.std ?? 0) ** 2), 0);
    const sources = measured.map(({ name, mean, std, runs }) => ({
      name,
      mean,
      std,
      share: name === 'all' || total <= 0 ? null : (std ?? 0) ** 2 / total,
      runs,
      unusedBecause: unusedBecause(spec, name),
    }));
    const rows = parts.find(isImplementationPart)?.result;
    if (!rows) throw new Error('variance-sources: the implementation unit is missing');
    const implementation = {
      seeds: rows.map((r) => r.seed),
      identicalFingerprints: rows.filter((r) => r.cpu === r.wasm).length,
      maxAbsWeightDiff: Math.max(0, ...rows.map((r) => r.maxAbsWeightDiff)),
      maxAbsAccuracyDiff: Math.max(0, ...rows.map((r) => Math.abs((r.cpuAccuracy ?? 0) - (r.wasmAccuracy ?? 0)))),
      perSeed: rows,
    };
    return {
      documentVersion: DOCUMENT_VERSION,
      kind: 'variance-sources',
      id: await studyId(spec),
      spec,
      environment: describeEnvironment(),
      verdict: decide({ sources, implementation }),
      sources,
      implementation,
    };
  },

  migrateV1(stored): VarianceSourcesDocument {
    const { title: _t, verdict: _v, documentVersion: _d, sources: v1Sources, ...body } = VarianceSourcesDocumentV1.parse(stored);
    const sources = v1Sources.map(({ note: _note, ...s }) => ({ ...s, unusedBecause: unusedBecause(body.spec, s.name) }));
    return { ...body, sources, documentVersion: DOCUMENT_VERSION, verdict: decide({ sources, implementation: body.implementation }) };
  },
});
