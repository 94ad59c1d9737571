import { z } from 'zod';
import { SeedResult } from '../../document/parts.ts';
import { seedGroupWork } from '../../spec/budget.ts';
import { pairedDifference, pairedSeedsNeeded } from '../../stats/paired.ts';
import { accuracyBySeed, runSeeds, seedResult, summarizeRuns } from '../runSeeds.ts';
import { chunk, type DocumentBody, defineStudyKind } from '../studyKind.ts';
import { CompareDocument, CompareDocumentV1, type CompareVerdict } from './document.ts';
import { CompareDigest, compareDigest, readings } from './readings.ts';
import { CompareSpec } from './spec.ts';

/** P(a > b) for a fresh draw of each: the share of pairs where a wins, ties counting half. */
export function probabilityOfSuperiority(a: number[], b: number[]): number {
  let wins = 0;
  for (const x of a) for (const y of b) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (a.length * b.length);
}

const Unit = z.object({ purpose: z.literal('arm'), arm: z.enum(['a', 'b']), seeds: z.array(z.number().int()) });
type Unit = z.infer<typeof Unit>;

type Arm = CompareDocument['arms'][number];

/** Everything measured from the two arms' runs (combine and the version-1 migration both use it). */
function measure(spec: CompareSpec, arms: Arm[]) {
  const [accA, accB] = arms.map((arm) => accuracyBySeed(arm.runs));
  const d = pairedDifference(accA, accB);
  const difference = d?.interval && d.sd !== null ? { meanDiff: d.meanDiff, ci95: d.interval, sdDiff: d.sd, pairs: d.pairs } : null;
  return {
    arms,
    difference,
    probabilityABeatsB: accA.size && accB.size ? probabilityOfSuperiority([...accA.values()], [...accB.values()]) : null,
    seedsNeeded: difference ? { effectSize: spec.effectSize, seeds: pairedSeedsNeeded(spec.effectSize, difference.sdDiff) } : null,
  };
}

/** The verdict, decided from the paired difference. */
function decide(spec: CompareSpec, difference: CompareDocument['difference']): CompareVerdict[] {
  const effectSize = spec.effectSize;
  if (!difference)
    return [
      {
        question: 'a-better-than-b',
        outcome: { is: 'undecided', because: 'all-diverged' },
        facts: { excludesZero: false, withinEffectSize: false, effectSize },
      },
    ];
  const [lo, hi] = difference.ci95;
  const excludesZero = lo > 0 || hi < 0;
  return [
    {
      question: 'a-better-than-b',
      outcome: excludesZero ? { is: 'winner', who: difference.meanDiff > 0 ? 'a' : 'b' } : { is: 'tied' },
      facts: { excludesZero, withinEffectSize: -effectSize < lo && hi < effectSize, effectSize },
    },
  ];
}

export const compare = defineStudyKind({
  kind: 'compare',
  specSchema: CompareSpec,
  documentSchema: CompareDocument,
  dataset: (spec) => spec.a.dataset,
  digest: { schema: CompareDigest, of: compareDigest },
  readings,

  training: {
    partSchema: z.object({ unit: Unit, result: z.array(SeedResult) }),
    unitWork(spec, unit: Unit) {
      return seedGroupWork(spec[unit.arm], spec.backend, unit.seeds.length, spec.seeds[0], `${unit.arm}.`);
    },

    plan(spec, seedsPerUnit): Unit[] {
      return (['a', 'b'] as const).flatMap((arm) => chunk(spec.seeds, seedsPerUnit).map((seeds): Unit => ({ purpose: 'arm', arm, seeds })));
    },

    async runUnit(spec, unit, context) {
      const { label: _label, ...setup } = spec[unit.arm];
      return (await runSeeds(setup, unit.seeds, { onEpoch: context.onEpoch })).map((o) => seedResult(o.record));
    },
  },
  async combine(spec, parts): Promise<DocumentBody<CompareDocument>> {
    const arms = (['a', 'b'] as const).map((arm) => {
      const runs = parts.flatMap((p) => (p.unit.arm === arm ? p.result : [])).sort((x, y) => x.seed - y.seed);
      return { label: spec[arm].label, summary: summarizeRuns(runs), runs };
    });
    const measured = measure(spec, arms);
    return {
      verdict: decide(spec, measured.difference),
      ...measured,
    };
  },

  migrations: {
    /** Version 1 to 2: the numbers kept, the verdict decided as combine decides it (the English answers and the title dropped). */
    1(stored): DocumentBody<CompareDocument> {
      const v1 = CompareDocumentV1.parse(stored);
      // The interval and the seeds needed are recomputed from the version-1 runs (paired t, paired design).
      const measured = measure(v1.spec, v1.arms);
      return {
        verdict: decide(v1.spec, measured.difference),
        ...measured,
      };
    },
  },
});
