import { z } from 'zod';
import { SeedResult } from '../../document/parts.ts';
import { describeEnvironment } from '../../fingerprint/environment.ts';
import { COMPUTE_BUDGET, setupShape } from '../../spec/budget.ts';
import { studyId } from '../../spec/studyId.ts';
import { bootstrapInterval, mean } from '../../stats/summarize.ts';
import { DOCUMENT_VERSION } from '../../version.ts';
import { runSeeds, seedResult, summarizeRuns } from '../runSeeds.ts';
import { chunk, defineStudyKind } from '../studyKind.ts';
import { CompareDocument, CompareDocumentV1, type CompareVerdict } from './document.ts';
import { CompareSpec } from './spec.ts';

const Z_975 = 1.959963984540054; // two-sided 95%
const Z_80 = 0.8416212335729143; // 80% power

/** P(a > b) for a fresh draw of each: the share of pairs where a wins, ties counting half. */
export function probabilityOfSuperiority(a: number[], b: number[]): number {
  let wins = 0;
  for (const x of a) for (const y of b) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (a.length * b.length);
}

/** Seeds per arm for a two-sample test to detect `delta` at 95% (two-sided) with 80% power. */
export function seedsToDetect(delta: number, stdA: number, stdB: number): number | null {
  if (delta === 0) return null;
  const pooled = Math.sqrt((stdA ** 2 + stdB ** 2) / 2);
  return Math.max(2, Math.ceil(2 * (((Z_975 + Z_80) * pooled) / Math.abs(delta)) ** 2));
}

const Unit = z.object({ purpose: z.literal('arm'), arm: z.enum(['a', 'b']), seeds: z.array(z.number().int()) });
type Unit = z.infer<typeof Unit>;

/** The verdict, decided from the paired difference (combine and the version-1 migration both use it). */
function decide(difference: CompareDocument['difference']): CompareVerdict[] {
  if (!difference)
    return [{ question: 'a-better-than-b', outcome: { is: 'undecided', because: 'all-diverged' }, facts: { excludesZero: false } }];
  const [lo, hi] = difference.ci95;
  const excludesZero = lo > 0 || hi < 0;
  return [
    {
      question: 'a-better-than-b',
      outcome: excludesZero ? { is: 'winner', who: difference.meanDiff > 0 ? 'a' : 'b' } : { is: 'tied' },
      facts: { excludesZero },
    },
  ];
}

export const compare = defineStudyKind({
  kind: 'compare',
  specSchema: CompareSpec,
  documentSchema: CompareDocument,
  partSchema: z.object({ unit: Unit, result: z.array(SeedResult) }),
  dataset: (spec) => spec.a.dataset,

  cost(spec) {
    const a = setupShape(spec.a, spec.seeds[0]);
    const b = setupShape(spec.b, spec.seeds[0]);
    const cost = spec.seeds.length * (spec.a.training.epochs * a.rows * a.parameters + spec.b.training.epochs * b.rows * b.parameters);
    return {
      cost,
      limit: COMPUTE_BUDGET,
      runs: 2 * spec.seeds.length,
      epochs: spec.a.training.epochs,
      trainingRows: a.rows,
      parameters: a.parameters,
    };
  },

  plan(spec, seedsPerUnit): Unit[] {
    return (['a', 'b'] as const).flatMap((arm) => chunk(spec.seeds, seedsPerUnit).map((seeds): Unit => ({ purpose: 'arm', arm, seeds })));
  },

  async runUnit(spec, unit, context) {
    const { label: _label, ...setup } = spec[unit.arm];
    return (await runSeeds(setup, unit.seeds, { onEpoch: context.onEpoch })).map((o) => seedResult(o.record));
  },

  async combine(spec, parts): Promise<CompareDocument> {
    const arms = (['a', 'b'] as const).map((arm) => {
      const runs = parts.flatMap((p) => (p.unit.arm === arm ? p.result : [])).sort((x, y) => x.seed - y.seed);
      return { label: spec[arm].label, summary: summarizeRuns(runs), runs };
    });
    const [A, B] = arms;
    const finished = (runs: SeedResult[]) =>
      new Map(runs.flatMap((r) => (!r.diverged && r.testAccuracy !== null ? [[r.seed, r.testAccuracy] as const] : [])));
    const accA = finished(A.runs);
    const accB = finished(B.runs);
    const paired = [...accA].flatMap(([seed, a]) => {
      const b = accB.get(seed);
      return b === undefined ? [] : [a - b];
    });
    const difference = paired.length ? { meanDiff: mean(paired), ci95: bootstrapInterval(paired), pairs: paired.length } : null;
    return {
      documentVersion: DOCUMENT_VERSION,
      kind: 'compare',
      id: await studyId(spec),
      spec,
      environment: describeEnvironment(),
      verdict: decide(difference),
      arms,
      difference,
      probabilityABeatsB: accA.size && accB.size ? probabilityOfSuperiority([...accA.values()], [...accB.values()]) : null,
      seedsToDetect: A.summary && B.summary ? seedsToDetect(A.summary.mean - B.summary.mean, A.summary.std, B.summary.std) : null,
    };
  },

  migrateV1(stored): CompareDocument {
    const { title: _t, verdict: _v, documentVersion: _d, ...body } = CompareDocumentV1.parse(stored);
    return { ...body, documentVersion: DOCUMENT_VERSION, verdict: decide(body.difference) };
  },
});
